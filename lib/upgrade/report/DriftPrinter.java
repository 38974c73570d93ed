package upgrade.report;

import upgrade.mapping.Drift;
import upgrade.mapping.Drift.Finding;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the drift between V2 and the mappings so that it cannot be missed: first what V2 has
 * that no mapping reads (its data is not migrated), then what the mappings read that V2 lacks,
 * each with how to fix it.
 */
public final class DriftPrinter {
    /** What is printed when V2 and the mappings agree. */
    public static final String NONE = "Every V2 table and column is read or deliberately ignored by a mapping.";

    private final PrintWriter out;

    public DriftPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println(NONE);
        }
        var notMigrated = findings.stream().filter(f -> f.kind() == Drift.Kind.NOT_MIGRATED).toList();
        if (!notMigrated.isEmpty()) {
            out.println("WARNING: V2 has " + notMigrated.size() + " table(s) or column(s) that no mapping reads; their data is NOT migrated:");
            notMigrated.forEach(finding -> out.println("  " + finding));
            out.println("  To migrate one, add a rule for it to your copy of its mapping ('mappings show NAME' prints the bundled file)");
            out.println("  in a directory of your own, given with --mappings DIR; to leave it out on purpose, list it under 'ignored:'");
            out.println("  there with the reason. See README, \"Modified V2 sites\". --strict makes any of this a failure.");
        }
        var missing = findings.stream().filter(f -> f.kind() == Drift.Kind.MISSING_IN_V2).toList();
        if (!missing.isEmpty()) {
            out.println("WARNING: the mappings read " + missing.size() + " table(s) or column(s) that this V2 database lacks (a run stops at them):");
            missing.forEach(finding -> out.println("  " + finding));
            out.println("  Correct or remove them in your copy of the mapping (--mappings DIR), or check that --from and --v2-prefix");
            out.println("  name the V2 site's database.");
        }
        out.flush();
    }
}
