package upgrade.report;

import upgrade.check.CheckReport;

import java.io.PrintWriter;

/** Prints check results: one line per check, and under a failure its rows and its fix. */
public final class CheckPrinter {
    private final PrintWriter out;

    public CheckPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(CheckReport report) {
        for (var result : report.results()) {
            out.printf("  [%s] %s (%s)%n", result.passed() ? "pass" : "FAIL", result.title(), result.origin());
            result.failures().forEach(failure -> out.println("         " + failure));
            if (!result.passed() && !result.fix().isEmpty()) {
                out.println("         fix: " + result.fix());
            }
        }
        out.flush();
    }
}
