package upgrade.engine;

import upgrade.db.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys a prefetch asks for, as a derived table numbered by position (the dialect's
 * {@link Dialect#boundRows}: columns {@code i, k0, k1 ...}). Joined with a lookup table by the
 * lookup's own comparisons ({@code t.c0 <=> q.k0 ...}), it lets the database say which asked key
 * each row answers, by its own collation, instead of Java comparing key text. The values are bound
 * as literals, so a table column's collation wins the comparison.
 */
final class AskedKeys {
    /** Keys per query, so a large --batch-size stays far below the server's limit of bound values. */
    private static final int CHUNK = 1_000;

    private AskedKeys() {}

    /** How many keys one query asks for: {@link #CHUNK}, or fewer where the database takes fewer rows in one derived table (SQLite: 500). */
    static int chunk(Dialect dialect) {
        return Math.min(CHUNK, dialect.maxBoundRows());
    }

    /** The derived table's SQL for {@code count} keys of {@code columns} parts each. */
    static String table(Dialect dialect, int count, int columns) {
        var names = new ArrayList<String>(List.of("i"));
        for (int k = 0; k < columns; k++) {
            names.add("k" + k);
        }
        return dialect.boundRows(count, names);
    }

    /** The values to bind for {@link #table}: each key's position, then its parts. */
    static List<Object> arguments(List<List<Object>> keys) {
        var arguments = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            arguments.add(i);
            arguments.addAll(keys.get(i));
        }
        return arguments;
    }

    /** {@code t.c0 <=> q.k0 AND t.c1 <=> q.k1 ...} (the dialect's NULL-safe form) for the given (quoted, qualified) columns. */
    static String joined(List<String> columns, Dialect dialect) {
        var on = new ArrayList<String>();
        for (int k = 0; k < columns.size(); k++) {
            on.add(dialect.nullSafeEquals(columns.get(k), "q.k" + k));
        }
        return String.join(" AND ", on);
    }
}
