package upgrade.mapping;

import java.util.List;
import java.util.Map;

/**
 * A table a mapping looks values up in: rows of {@code table} on {@code side} whose {@code key}
 * columns equal the given key (and whose {@code match} columns hold the given constants) give their
 * {@code value} column, or, with {@code sum}, the sum of that column over all such rows.
 * Target-side lookups see the rows this run already wrote. Source-side lookups by anything but
 * the primary key are staged into an indexed temporary table first, since V2 has no indexes.
 *
 * An empty key makes a sum or count over the whole table (with {@code match}). Sums and counts of
 * V2 tables scan them once per distinct key; they suit checks, which look at few rows.
 *
 * @param value the column returned; null for a sum or count
 * @param sum   the column summed over the matching rows (0 when none); null otherwise
 * @param count true to give the number of matching rows
 */
public record LookupSpec(String name, Where where, Side side, String table, List<String> key, String value,
                         Map<String, Object> match, String sum, boolean count) {

    /** True for sums and counts, which always give a number. */
    public boolean aggregate() {
        return sum != null || count;
    }
}
