package upgrade.run;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ToolkitChecks;
import upgrade.engine.RunListener;
import upgrade.mapping.Phase;
import upgrade.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks before anything is written: the toolkit's own conditions (transactional V3 tables that
 * hold every character) and every {@code require} and {@code refuse} check of the upgrade steps
 * (V2's version, unsupported storage policies, pending tasks, a V3 as V3 left it at first start...).
 * Writes nothing.
 */
public final class Preflight {
    private Preflight() {}

    /** @param resuming whether V3 holds a recorded run's rows, which the check that V3 is fresh then accepts */
    public static CheckReport of(Session session, Plan plan, boolean resuming) {
        plan.requireFull();
        var inputs = session.inputs(session.context(plan, RunListener.NONE, resuming), false);
        var written = session.writtenTables(plan, Phase.UPGRADE).keySet();
        var results = new ArrayList<CheckResult>();
        if (session.target().dialect().hasStorageEnginesAndCharsets()) { // SQLite: every table is transactional UTF-8
            results.add(ToolkitChecks.transactional(session.target(), written, plan.mappings().target()));
            results.add(ToolkitChecks.fourByteText(session.target(), written, plan.mappings().target()));
        }
        for (var step : plan.steps(Phase.UPGRADE)) {
            results.addAll(step.step(inputs).checks());
        }
        return new CheckReport(List.copyOf(results));
    }
}
