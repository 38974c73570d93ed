package upgrade.plan;

import upgrade.db.DatabaseException;
import upgrade.engine.Ledger;
import upgrade.engine.RunStatus;
import upgrade.mapping.MappingSet;
import upgrade.mapping.Phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a command will do, computed before anything is written (as Flyway resolves and compares
 * before it migrates): the mappings, loaded and checked against the live schemas once, as steps in
 * the order they run, each with its kind, lookups and state from V3's ledger; and the run the
 * ledger records. {@code check} and {@code plan} print it, {@code run} carries out its pending
 * steps, {@code verify} its verify steps. A value: it never changes; {@link Planner#reread} gives a
 * new one after a run has moved on.
 *
 * @param scope    what the mappings were checked against
 * @param recorded the run recorded in V3's ledger when the plan was made
 * @param started  when the run began (see {@link Draft#started()})
 */
public record Plan(Scope scope, MappingSet mappings, List<PlannedStep<?>> steps, Optional<Ledger.RunState> recorded, Instant started) {

    /** What the mappings were checked against. */
    public enum Scope {
        /** Every mapping, against V2 and V3: a plan for every command. */
        FULL,
        /** Only the verify mappings, against V3 alone: a plan for {@code verify} (V2's database may be gone). */
        VERIFY
    }

    public Plan {
        steps = List.copyOf(steps);
    }

    /** The checksum of the mapping files, recorded with a run so that a resumed run sees changes. */
    public long checksum() {
        return mappings.checksum();
    }

    /** The release of the target the mappings were chosen for, in words; null when target.yaml lists none (or V3 records none). */
    public String targetRelease() {
        return mappings.version().map(upgrade.mapping.DetectedVersion::describe).orElse(null);
    }

    /** The steps of one phase, in the order they run. */
    public List<PlannedStep<?>> steps(Phase phase) {
        return steps.stream().filter(step -> step.phase() == phase).toList();
    }

    public Optional<PlannedStep<?>> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    /** The recorded run a run continues (it was interrupted) or verifies again (it finished). */
    public Optional<Ledger.RunState> continued() {
        return recorded.filter(state -> state.stage() == Ledger.Stage.RUNNING || state.stage() == Ledger.Stage.FINISHED);
    }

    /**
     * Whether V3 holds rows of a recorded run (or is being reset from one): its checks then accept a
     * V3 that is not as at its first start. A run stopped while preparing wrote no row.
     */
    public boolean holdsARun() {
        return recorded.filter(state -> state.stage() != Ledger.Stage.PREPARING).isPresent();
    }

    /** For commands that work with V2: a clear failure when this plan was made with V3 alone. */
    public Plan requireFull() {
        if (scope != Scope.FULL) {
            throw needsV2();
        }
        return this;
    }

    /** What is said when something needs V2 but only V3 was opened. */
    public static DatabaseException needsV2() {
        return new DatabaseException("this needs the V2 database, but only the V3 database was opened",
                "open both: Upgrade.open(v2Url, v3Url, options) (the commands: give --from or --v2-root)");
    }

    /**
     * The recorded run in an operator's words: the upgrade steps done, the first one not done and
     * the key it is committed up to.
     */
    public Optional<RunStatus> status() {
        return recorded.map(state -> {
            var done = new ArrayList<String>();
            String current = null;
            String lastKey = null;
            for (var step : steps) {
                if (step.phase() != Phase.UPGRADE || !step.reads()) {
                    continue;
                }
                if (step.state() instanceof StepState.Done) {
                    done.add(step.name());
                } else if (current == null) {
                    current = step.name();
                    lastKey = step.state() instanceof StepState.Interrupted interrupted ? interrupted.afterKey() : null;
                }
            }
            return new RunStatus(state.stage(), state.started(), state.finished(), state.verified(), state.failedChecks(),
                    List.copyOf(done), state.stage() == Ledger.Stage.FINISHED ? null : current, lastKey);
        });
    }
}
