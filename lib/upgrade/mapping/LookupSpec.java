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
 * @param value the column returned; null when {@code sum} is given
 * @param sum   the column summed over the matching rows (0 when none); null for a plain lookup
 */
public record LookupSpec(String name, Where where, Side side, String table, List<String> key, String value,
                         Map<String, Object> match, String sum) {
}
