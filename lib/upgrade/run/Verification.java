package upgrade.run;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ToolkitChecks;
import upgrade.engine.RunListener;
import upgrade.mapping.Phase;
import upgrade.plan.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * V3 checked against V3's own rules: the verify steps of a plan, and, where the target declares that
 * text must not be NULL (target.yaml), no NULL in the text columns of the tables written. Needs only V3; writes nothing.
 */
public final class Verification {
    private Verification() {}

    /** @param listener hears how far each verify mapping's checks have read (see {@link RunListener#checkStarted}) */
    public static CheckReport of(Session session, Plan plan, RunListener listener) {
        var inputs = session.inputs(session.context(plan, listener, false), false);
        var results = new ArrayList<CheckResult>();
        var declared = plan.mappings().target();
        if (declared.textNotNull()) {
            results.add(ToolkitChecks.noNullText(session.target(), session.writtenTables(plan, Phase.UPGRADE), declared));
        }
        for (var step : plan.steps(Phase.VERIFY)) {
            results.addAll(step.step(inputs).checks());
        }
        return new CheckReport(List.copyOf(results));
    }

    /**
     * Per verify mapping file, the upgrade mapping files that write the V3 table it checks: where a
     * defect it finds comes from, when a mapping wrote the rows wrong.
     */
    public static Map<String, List<String>> writers(Plan plan) {
        var writers = new LinkedHashMap<String, List<String>>();
        for (var verify : plan.steps(Phase.VERIFY)) {
            var checked = verify.mapping().source();
            if (checked == null) {
                continue;
            }
            var files = writers.computeIfAbsent(verify.mapping().origin().file(), file -> new ArrayList<>());
            plan.steps().stream().filter(writer -> writer.writes() && checked.equals(writer.mapping().target()))
                    .map(writer -> writer.mapping().origin().file()).filter(file -> !files.contains(file)).forEach(files::add);
        }
        return writers;
    }
}
