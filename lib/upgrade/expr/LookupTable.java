package upgrade.expr;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table a mapping may look values up in, by key, as {@code lookup.NAME} in expressions:
 * {@code lookup.policy.has(3)}, {@code lookup.policy.get(3)}, {@code lookup.policy.keep([1, 9])}.
 * Expressions may call only these methods; how keys are found is the engine's business.
 */
public final class LookupTable {
    private final Function<Object, Optional<Object>> finder;

    public LookupTable(Function<Object, Optional<Object>> finder) {
        this.finder = finder;
    }

    /** True when a row with this key exists. */
    public boolean has(Object key) {
        return key != null && finder.apply(key).isPresent();
    }

    /** The looked-up value for this key, or null when there is no such row. */
    public Object get(Object key) {
        return key == null ? null : finder.apply(key).orElse(null);
    }

    /** The keys from {@code keys} that exist, in their order. */
    public List<Object> keep(List<?> keys) {
        return keys.stream().filter(this::has).map(k -> (Object) k).toList();
    }
}
