package upgrade.plan;

import upgrade.check.CheckResult;
import upgrade.report.StepReport;

import java.util.List;
import java.util.Optional;

/** What a run does with one mapping: its checks before anything is written, and its work. */
public interface Step {

    /** Its {@code require} and {@code refuse} checks (or, in a verify mapping, V3's rules); writes nothing. */
    List<CheckResult> checks();

    /** Does its work; empty when it has nothing to report (a mapping without a source only checks). */
    Optional<StepReport> run();
}
