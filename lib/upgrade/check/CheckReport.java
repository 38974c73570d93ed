package upgrade.check;

import java.util.List;

/** The results of a list of checks (preflight before writing, or verify afterwards). */
public record CheckReport(List<CheckResult> results) {

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
