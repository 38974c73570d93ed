package upgrade.plan;

import upgrade.UpgradeOptions;
import upgrade.db.Database;
import upgrade.engine.Ledger;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes {@link Plan}s: reads V3's ledger, finds which release of the target made it (the mappings
 * of that release: {@link VersionDetection}), loads the mapping files (a {@link Draft}), then checks
 * them against the live schemas and gives each step its state. Writes nothing.
 */
public final class Planner {
    private final Database source;
    private final Database target;
    private final UpgradeOptions options;

    /** @param source the V2 database; null when only V3 is open (then only verification plans can be made) */
    public Planner(Database source, Database target, UpgradeOptions options) {
        this.source = source;
        this.target = target;
        this.options = options;
    }

    /**
     * Reads the ledger and loads the mapping files, once. Their expressions see the time of the run:
     * the recorded run's start when it is continued (so a resumed run computes what it began with),
     * else now.
     */
    public Draft draft() {
        var ledger = new Ledger(target);
        var recorded = ledger.state();
        var continued = recorded.filter(state -> state.stage() == Ledger.Stage.RUNNING || state.stage() == Ledger.Stage.FINISHED);
        var started = continued.map(Ledger.RunState::started).orElseGet(Instant::now);
        var files = options.mappings() == null ? MappingFiles.bundled() : options.mappings();
        var versions = MappingLoader.versions(files);
        var version = new VersionDetection(target, versions, MappingLoader.target(files)).detect();
        var chosen = files.forVersion(VersionDetection.upTo(versions, version), versions);
        var mappings = new MappingLoader(new Expressions(new Builtins(options.v2TimeZone(), started))).load(chosen).withVersion(version);
        return new Draft(mappings, recorded, states(ledger), started);
    }

    /** The draft checked against both live schemas (V2 and V3), or with V3 alone when V2 is not open. */
    public Plan plan(Draft draft) {
        return plan(draft, source == null ? Plan.Scope.VERIFY : Plan.Scope.FULL);
    }

    /** The draft checked as {@code scope} says: every mapping against both databases, or only the verify mappings against V3. */
    public Plan plan(Draft draft, Plan.Scope scope) {
        if (scope == Plan.Scope.FULL && source == null) {
            throw Plan.needsV2();
        }
        var steps = draft.mappings().mappings().stream()
                .<PlannedStep<?>>map(mapping -> MappingKinds.step(mapping, draft.states().getOrDefault(mapping.name(), StepState.PENDING)))
                .toList();
        var validator = new MappingValidator(scope == Plan.Scope.FULL ? source : null, target, options.params().keySet(), draft.mappings().target());
        steps.stream().filter(step -> scope == Plan.Scope.FULL || step.phase() == Phase.VERIFY).forEach(step -> step.validate(validator));
        return new Plan(scope, draft.mappings(), steps, draft.recorded(), draft.started());
    }

    /** {@code plan} with V3's ledger as it is now: how far a run got since the plan was made. */
    public Plan reread(Plan plan) {
        var ledger = new Ledger(target);
        var states = states(ledger);
        var steps = plan.steps().stream().<PlannedStep<?>>map(step -> step.in(states.getOrDefault(step.name(), StepState.PENDING))).toList();
        return new Plan(plan.scope(), plan.mappings(), steps, ledger.state(), plan.started());
    }

    /** Each step's state as the ledger records it, by mapping name. */
    private static Map<String, StepState> states(Ledger ledger) {
        var states = new LinkedHashMap<String, StepState>();
        ledger.steps().forEach((name, step) -> states.put(name, step.done() ? StepState.DONE : new StepState.Interrupted(step.lastKey())));
        return states;
    }
}
