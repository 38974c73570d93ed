package upgrade.expr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A table a mapping may look values up in, by key, as {@code lookup.NAME} in expressions:
 * {@code lookup.policy.has(3)}, {@code lookup.policy.get(3)}, {@code lookup.policy.keep([1, 9])};
 * a lookup keyed by several columns takes one argument per column: {@code lookup.folder.get(row.owner, row.dir)}.
 * Expressions may call only these methods; how keys are found is the engine's business: the
 * database compares them, by its collation (see the engine's SqlLookup and StagedLookup).
 */
public final class LookupTable {
    private final Function<List<Object>, Optional<Object>> finder;
    private final Function<List<Object>, Optional<Object>> known;
    private Set<List<Object>> recorded;
    /** How often, while recording, a key was asked that nothing knew yet (its answer was a guess). */
    private long unknownAnswers;

    public LookupTable(Function<List<Object>, Optional<Object>> finder) {
        this(finder, key -> null);
    }

    /**
     * @param known what is already known of a key without asking the database (null: nothing),
     *              so that recording can follow keys that depend on earlier answers
     */
    public LookupTable(Function<List<Object>, Optional<Object>> finder, Function<List<Object>, Optional<Object>> known) {
        this.finder = finder;
        this.known = known;
    }

    /**
     * Until {@link #stopRecording()}, keys asked for are only noted (and nothing is found), so the
     * engine can fetch all the keys of a page in one query before evaluating it for real. Noted
     * keys are told apart exactly: 'Docs' and 'docs' are both asked, and the database answers each.
     */
    public void startRecording() {
        recorded = new LinkedHashSet<>();
    }

    /** The keys asked for since {@link #startRecording()}. */
    public Set<List<Object>> stopRecording() {
        var keys = recorded;
        recorded = null;
        return keys == null ? Set.of() : keys;
    }

    /**
     * How many answers, while recording, were not known and so only noted: an evaluation during
     * which this did not change read only what the lookup knows, and gave what a real one gives.
     */
    public long unknownAnswers() {
        return unknownAnswers;
    }

    /** True when a row with this key exists. */
    public boolean has(Object... key) {
        return find(key).isPresent();
    }

    /** The looked-up value for this key, or null when there is no such row. */
    public Object get(Object... key) {
        return find(key).orElse(null);
    }

    private Optional<Object> find(Object... key) {
        // A null key part matches nothing: V2 rows never have NULL in the columns we look up by.
        if (key == null || Arrays.stream(key).anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        if (recorded != null) {
            var answer = known.apply(Arrays.asList(key));
            if (answer != null) {
                return answer;
            }
            recorded.add(Arrays.asList(key));
            unknownAnswers++;
            return Optional.empty();
        }
        return finder.apply(Arrays.asList(key));
    }

    /** The keys from {@code keys} that exist, in their order. */
    public List<Object> keep(List<?> keys) {
        return keys.stream().filter(this::has).map(k -> (Object) k).toList();
    }
}
