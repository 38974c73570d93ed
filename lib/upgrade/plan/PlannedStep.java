package upgrade.plan;

import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Mapping;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a {@link Plan}: the mapping, its kind (which knows what it reads, writes and
 * runs) and how far V3's ledger says it got.
 */
public record PlannedStep<M extends Mapping>(M mapping, MappingKind<M> kind, StepState state) {

    public String name() {
        return mapping.name();
    }

    public Phase phase() {
        return kind.phase(mapping);
    }

    public String label() {
        return kind.label(mapping);
    }

    /** Whether its step reads rows; with {@link #phase()} UPGRADE, a step whose progress the ledger records. */
    public boolean reads() {
        return kind.reads(mapping);
    }

    public boolean writes() {
        return kind.writes(mapping);
    }

    public Set<String> nullable() {
        return kind.nullable(mapping);
    }

    /** The lookups its rules use, by name. */
    public Map<String, LookupSpec> lookups() {
        return kind.lookups(mapping);
    }

    public Optional<IdAllocator.KeptIds> keptIds() {
        return kind.keptIds(mapping);
    }

    PlannedStep<M> in(StepState newState) {
        return new PlannedStep<>(mapping, kind, newState);
    }

    void validate(MappingValidator validator) {
        kind.validate(mapping, validator);
    }

    void columnsRead(Map<String, Set<String>> read) {
        kind.columnsRead(mapping, read);
    }

    public void declareExports(Exports exports) {
        kind.declareExports(mapping, exports);
    }

    /** The step that carries it out with {@code inputs}. */
    public Step step(StepInputs inputs) {
        return kind.step(mapping, inputs);
    }
}
