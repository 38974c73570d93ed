package upgrade.check;

import java.util.List;

/**
 * One check and what it found.
 *
 * @param title    what is checked
 * @param origin   where the check is defined: a mapping file, or "toolkit" for the engine's own
 * @param failures one line per failing row or object; empty when the check passed
 * @param fix      how the operator fixes a failure
 */
public record CheckResult(String title, String origin, List<String> failures, String fix) {
    /** The first failures kept per check; the count says how many there were. */
    public static final int FAILURES_KEPT = 200;

    public boolean passed() {
        return failures.isEmpty();
    }
}
