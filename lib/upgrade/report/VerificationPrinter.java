package upgrade.report;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints a verification of V3 against its own rules: a line per check, then, when any failed, a
 * "Verification failed" block with each defect, its rows, and what to do about it: fix the mapping
 * that wrote the rows (then 'reset' and run again), or repair V3 as the check says.
 */
public final class VerificationPrinter {
    /** Rows printed per defect; the report (and 'verify') keeps up to {@link CheckResult#FAILURES_KEPT}. */
    private static final int ROWS_SHOWN = 20;

    private final PrintWriter out;
    private final String target;

    /** @param target the target database's name, as the mappings declare it (target.yaml) */
    public VerificationPrinter(PrintWriter out, String target) {
        this.out = out;
        this.target = target;
    }

    /**
     * @param writers per verify mapping file, the upgrade mapping files that write the table it checks
     */
    public void print(CheckReport report, Map<String, List<String>> writers) {
        for (var result : report.results()) {
            out.printf("  [%s] %s (%s)%n", result.passed() ? "pass" : "FAIL", result.title(), result.origin());
        }
        if (report.passed()) {
            out.println("The " + target + " database follows " + target + "'s rules.");
            out.flush();
            return;
        }
        out.println();
        out.println("Verification failed: " + report.failed().size() + " check(s) failed. Do not start " + target
                + " on this database until each defect is repaired.");
        for (var result : report.failed()) {
            out.printf("  %s (%s), %d row(s)%s:%n", result.title(), result.origin(), result.failures().size(),
                    result.failures().size() >= CheckResult.FAILURES_KEPT ? " or more" : "");
            var shown = result.failures().subList(0, Math.min(ROWS_SHOWN, result.failures().size()));
            shown.forEach(failure -> out.println("      " + failure));
            if (result.failures().size() > shown.size()) {
                out.println("      ... and " + (result.failures().size() - shown.size()) + " more");
            }
            if (!result.fix().isEmpty()) {
                out.println("      repair in " + target + ": " + result.fix());
            }
            var from = writers.getOrDefault(result.origin(), List.of());
            if (!from.isEmpty()) {
                out.println("      if a mapping wrote these rows wrong: fix " + oneOf(from) + ", then 'reset' and 'run' again");
            }
        }
        out.println("What to do: when a mapping wrote the rows wrong, fix it, then run 'reset' (" + target
                + " back as at its first start) and 'run' again;");
        out.println("otherwise repair " + target + " as each defect says, then run 'verify' again.");
        out.flush();
    }

    /** "a", "a or b", "a, b or c". */
    private static String oneOf(List<String> names) {
        var last = names.get(names.size() - 1);
        return names.size() == 1 ? last : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
    }
}
