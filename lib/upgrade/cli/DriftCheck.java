package upgrade.cli;

import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.mapping.Drift;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;
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

    /** Prints the drift; with --strict, any finding stops {@code command} before anything is written. */
    void check(Upgrade upgrade, PrintWriter out, String command) {
        findings = upgrade.drift();
        out.println("Comparing V2 with the mappings:");
        new DriftPrinter(out).print(findings);
        out.println();
        out.flush();
        if (strict && !findings.isEmpty()) {
            throw new MappingException(new Where(command + " --strict", 0, 0),
                    findings.size() + " difference(s) between the V2 database and the mappings; nothing was written",
                    "migrate or ignore each one as listed above (README, \"Modified V2 sites\"), or run without --strict");
        }
    }

    /** What {@link #check} found, for the report. */
    List<Drift.Finding> findings() {
        return findings;
    }
}
