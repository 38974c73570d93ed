package upgrade.check;

import upgrade.UpgradeException;

/**
 * Checks failed: before the upgrade (nothing was written; exit code 5) or when verifying the
 * result (exit code 7). The message lists every failure with its fix.
 */
public final class ChecksFailedException extends UpgradeException {
    public static final int PREFLIGHT_EXIT_CODE = 5;
    public static final int VERIFY_EXIT_CODE = 7;

    private final CheckReport report;
    private final int exitCode;

    private ChecksFailedException(String message, String hint, CheckReport report, int exitCode) {
        super(message, hint, null);
        this.report = report;
        this.exitCode = exitCode;
    }

    /** The preflight found problems; nothing was written. */
    public static ChecksFailedException preflight(CheckReport report) {
        return new ChecksFailedException("the V2 site or the V3 database is not ready; nothing was written:\n" + describe(report),
                "fix each failure as it says, then run again ('check' repeats the checks without writing)", report, PREFLIGHT_EXIT_CODE);
    }

    /** The upgraded V3 database breaks V3's rules. */
    public static ChecksFailedException verify(CheckReport report) {
        return new ChecksFailedException("the V3 database breaks V3's rules:\n" + describe(report),
                "each line names the row; 'reset' returns V3 to its first start, so the upgrade can be repeated after fixing the cause",
                report, VERIFY_EXIT_CODE);
    }

    private static String describe(CheckReport report) {
        var text = new StringBuilder();
        for (var result : report.failed()) {
            text.append("  [FAIL] ").append(result.title()).append(" (").append(result.origin()).append(")\n");
            result.failures().forEach(failure -> text.append("      ").append(failure).append('\n'));
            if (!result.fix().isEmpty()) {
                text.append("      fix: ").append(result.fix()).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    public CheckReport report() {
        return report;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
