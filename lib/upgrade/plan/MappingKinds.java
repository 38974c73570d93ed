package upgrade.plan;

import upgrade.mapping.FileMapping;
import upgrade.mapping.KeyValueMapping;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Mapping;
import upgrade.mapping.MappingSet;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Side;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered mapping kinds, found by the record a file was parsed into. A new kind is one
 * {@link MappingKind} added here (and its record and parsing in {@code upgrade.mapping}).
 */
public final class MappingKinds {
    public static final MappingKind<RowMapping> ROWS = new RowsKind();
    public static final MappingKind<KeyValueMapping> KEY_VALUE = new KeyValueKind();
    public static final MappingKind<FileMapping> FILES = new FilesKind();

    private static final List<MappingKind<?>> ALL = List.of(ROWS, KEY_VALUE, FILES);

    private MappingKinds() {}

    /** Every kind, in the order the mapping reference lists them. */
    public static List<MappingKind<?>> all() {
        return ALL;
    }

    /** The kind of a parsed mapping. */
    public static MappingKind<?> of(Mapping mapping) {
        return ALL.stream().filter(kind -> kind.type() == mapping.getClass()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no mapping kind is registered for " + mapping.getClass().getName()));
    }

    /** The mapping with its kind, as a step of a plan in {@code state}. */
    public static PlannedStep<?> step(Mapping mapping, StepState state) {
        return bind(of(mapping), mapping, state);
    }

    private static <M extends Mapping> PlannedStep<M> bind(MappingKind<M> kind, Mapping mapping, StepState state) {
        return new PlannedStep<>(kind.type().cast(mapping), kind, state);
    }

    /** The mapping as {@code kind}'s record, when it is of that kind. */
    public static <M extends Mapping> Optional<M> as(Mapping mapping, MappingKind<M> kind) {
        return of(mapping) == kind ? Optional.of(kind.type().cast(mapping)) : Optional.empty();
    }

    /** What {@code mappings list} shows as the mapping's kind. */
    public static String label(Mapping mapping) {
        return step(mapping, StepState.PENDING).label();
    }

    /** Per V2 table, the columns the mappings read ({@code "*"}: the whole table), for the drift report. */
    public static Map<String, Set<String>> columnsRead(MappingSet set) {
        var read = new LinkedHashMap<String, Set<String>>();
        set.mappings().forEach(mapping -> step(mapping, StepState.PENDING).columnsRead(read));
        return read;
    }

    /** Adds the V2 columns lookups read. */
    static void lookupColumns(Collection<LookupSpec> specs, Map<String, Set<String>> read) {
        for (var spec : specs) {
            if (spec.side() == Side.SOURCE) {
                var columns = read.computeIfAbsent(spec.table(), t -> new LinkedHashSet<>());
                columns.addAll(spec.key());
                columns.addAll(spec.match().keySet());
                if (spec.value() != null) {
                    columns.add(spec.value());
                }
                if (spec.sum() != null) {
                    columns.add(spec.sum());
                }
            }
        }
    }
}
