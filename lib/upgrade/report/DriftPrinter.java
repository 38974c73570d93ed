package upgrade.report;

import upgrade.mapping.Drift;
import upgrade.mapping.Drift.Finding;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the drift between the source database and the mappings so that it cannot be missed: first
 * what the source has that no mapping reads (its data is not migrated), then what the mappings read
 * that it lacks, each with how to fix it. The source is named as target.yaml declares it (V2).
 */
public final class DriftPrinter {
    private final PrintWriter out;
    private final String source;

    /** @param source the source database's name, as the mappings declare it */
    public DriftPrinter(PrintWriter out, String source) {
        this.out = out;
        this.source = source;
    }

    /** What is printed when the source database {@code source} and the mappings agree. */
    public static String none(String source) {
        return "Every " + source + " table and column is read or deliberately ignored by a mapping.";
    }

    public void print(List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println(none(source));
        }
        var notMigrated = findings.stream().filter(f -> f.kind() == Drift.Kind.NOT_MIGRATED).toList();
        if (!notMigrated.isEmpty()) {
            out.println("WARNING: " + source + " has " + notMigrated.size() + " table(s) or column(s) that no mapping reads; their data is NOT migrated:");
            notMigrated.forEach(finding -> out.println("  " + finding));
            out.println("  To migrate one, add a rule for it to your copy of its mapping ('mappings show NAME' prints the bundled file)");
            out.println("  in a directory of your own, given with --mappings DIR; to leave it out on purpose, list it under 'ignored:'");
            out.println("  there with the reason. See README, \"Modified " + source + " sites\". --strict makes any of this a failure.");
        }
        var missing = findings.stream().filter(f -> f.kind() == Drift.Kind.MISSING_IN_V2).toList();
        if (!missing.isEmpty()) {
            out.println("WARNING: the mappings read " + missing.size() + " table(s) or column(s) that this " + source + " database lacks (a run stops at them):");
            missing.forEach(finding -> out.println("  " + finding));
            out.println("  Correct or remove them in your copy of the mapping (--mappings DIR), or check that --from and --v2-prefix");
            out.println("  name the " + source + " site's database.");
        }
        out.flush();
    }
}
