package upgrade.plan;

import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Mapping;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of mapping file ({@code kind: rows}, {@code key-value}, {@code files}): everything the
 * engine needs to know about it in one place, so that planning, checking, running and drift ask the
 * kind instead of testing which record a mapping is. {@link MappingKinds} registers them.
 *
 * @param <M> the record a file of this kind is parsed into
 */
public interface MappingKind<M extends Mapping> {

    /** The value of {@code kind:} in the YAML file. */
    String name();

    /** The top-level YAML keys a file of this kind may have (the schema and the reference must name each). */
    List<String> keys();

    /** The record {@link upgrade.mapping.MappingLoader} parses a file of this kind into. */
    Class<M> type();

    /** When it runs: with the upgrade, with the files on disk after the commit, or to verify. */
    Phase phase(M mapping);

    /** What {@code mappings list} shows in its "kind" column. */
    default String label(M mapping) {
        return name();
    }

    /** Whether its step reads rows (a mapping without a source only checks, once, before the run). */
    boolean reads(M mapping);

    /** Whether it writes V3's {@link Mapping#target()} table. */
    boolean writes(M mapping);

    /** The text columns of its target that it may leave NULL. */
    default Set<String> nullable(M mapping) {
        return Set.of();
    }

    /** The tables its rules look values up in, by name. */
    default Map<String, LookupSpec> lookups(M mapping) {
        return Map.of();
    }

    /** Checks it against the live schemas (the validator holds the databases). */
    void validate(M mapping, MappingValidator validator);

    /** Adds the source columns it reads, per V2 table ({@code "*"}: the whole table), for the drift report. */
    void columnsRead(M mapping, Map<String, Set<String>> read);

    /** The source keys it copies into its target's id column, which ids created by the run must stay above. */
    default Optional<IdAllocator.KeptIds> keptIds(M mapping) {
        return Optional.empty();
    }

    /** Declares the export files it writes lines of (before the run, so a resumed run writes them all). */
    default void declareExports(M mapping, Exports exports) {
    }

    /** The step that carries it out in a run. Building it reads nothing; its methods do. */
    Step step(M mapping, StepInputs inputs);
}
