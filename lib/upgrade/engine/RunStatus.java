package upgrade.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How far the run recorded in V3's ledger got, and what running again does about it, in an
 * operator's words: the same sentences for {@code check}, {@code run} and a stopped run.
 *
 * @param done    the upgrade steps committed completely, in the order they run
 * @param current the first step not done (null when all are); {@code lastKey} is its last committed
 *                source key, null when none of its pages is committed
 */
public record RunStatus(Ledger.Stage stage, Instant started, Instant finished, Instant verified, int failedChecks,
                        List<String> done, String current, String lastKey) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** Where a continued run starts: "step 'files' after key 6", or "step 'files' from its start". */
    public String position() {
        if (current == null) {
            return "the files on disk and the verification (every row is committed)";
        }
        return "step '" + current + "' " + (lastKey == null ? "from its start" : "after key " + lastKey);
    }

    /** What is committed in V3: "steps done: policies, users; step 'files' committed up to key 6". */
    public String kept() {
        var steps = doneSteps();
        if (current == null) {
            return steps;
        }
        return steps + "; step '" + current + "' " + (lastKey == null ? "not started" : "committed up to key " + lastKey);
    }

    private String doneSteps() {
        return done.isEmpty() ? "no step done yet" : "steps done: " + String.join(", ", done);
    }

    /** What running 'run' again does now; printed before it does it. */
    public String onRun() {
        return switch (stage) {
            case PREPARING -> "An earlier run was stopped while it copied V3's tables, before it wrote any row; starting again.";
            case RUNNING -> "Continuing the interrupted run of " + when(started) + " from " + position() + " (" + doneSteps() + ").";
            case FINISHED -> (verified == null ? "The upgrade finished on " + when(finished) + "; verifying again"
                    : "This V3 was already upgraded on " + when(finished) + " (verified on " + when(verified) + ": " + outcome() + "); verifying again")
                    + " (the export files and the files on disk are redone first). To upgrade again from the start, run 'reset' first.";
            case RESETTING -> "Putting V3 back as at its first start was interrupted; finishing that first, then the upgrade starts from the beginning.";
        };
    }

    /** What 'check' says about it, with what to do. */
    public String onCheck() {
        return switch (stage) {
            case PREPARING -> "A run was stopped while it copied V3's tables, before it wrote any row: 'run' starts again.";
            case RUNNING -> "An upgrade of this V3 is unfinished (started " + when(started) + "; " + kept() + "). Run the same 'run' command"
                    + " to continue it from " + position() + ", or 'reset' to put V3 back as at its first start.";
            case FINISHED -> (verified == null ? "An upgrade of this V3 finished on " + when(finished) + " but was not verified"
                    : "This V3 was upgraded on " + when(finished) + " (verified on " + when(verified) + ": " + outcome() + ")")
                    + ": 'run' again only verifies it (and redoes the export files and the files on disk); 'reset' puts V3 back"
                    + " as at its first start, to upgrade again.";
            case RESETTING -> "Putting V3 back as at its first start was interrupted: 'reset' (or 'run', before it starts) finishes it.";
        };
    }

    private String outcome() {
        return failedChecks == 0 ? "passed" : failedChecks + " check(s) failed";
    }
}
