package upgrade.cli;

import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.mapping.Drift;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;
import upgrade.plan.Plan;
import upgrade.report.DriftPrinter;

import java.io.PrintWriter;
import java.util.List;

/**
 * The drift {@code plan} and {@code run} print before they write (a fork's extra column would
 * otherwise be left behind silently), and {@code --strict}, which makes any of it a failure (a picocli mixin).
 */
final class DriftCheck {

    @Option(names = "--strict", description = {"Fail (exit 3, nothing written) when V2 and the mappings differ: V2 tables or columns no",
            "mapping reads (their data would not be migrated), or what the mappings read that V2 lacks."})
    boolean strict;

    private List<Drift.Finding> findings = List.of();

    /**
     * Loads the mappings (once for the whole command), prints their drift (with --strict, any finding
     * stops {@code command} before anything is written), then checks them against the live schemas:
     * the command's plan. The drift comes first, since it also says where the mappings do not fit V2.
     */
    Plan plan(Upgrade upgrade, PrintWriter out, String command) {
        var draft = upgrade.draft();
        findings = upgrade.drift(draft);
        var source = draft.mappings().source().name();
        out.println("Comparing " + source + " with the mappings:");
        new DriftPrinter(out, source).print(findings);
        out.println();
        out.flush();
        if (strict && !findings.isEmpty()) {
            throw new MappingException(new Where(command + " --strict", 0, 0),
                    findings.size() + " difference(s) between the " + source + " database and the mappings; nothing was written",
                    "migrate or ignore each one as listed above (README, \"Modified " + source + " sites\"), or run without --strict");
        }
        return upgrade.plan(draft);
    }

    /** What {@link #plan} found, for the report. */
    List<Drift.Finding> findings() {
        return findings;
    }
}
