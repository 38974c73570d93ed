package upgrade.db;

import java.util.Collections;
import java.util.List;

/**
 * The statements the engine sends that every supported product runs alike, in plain SQL, built
 * from the {@link Dialect}'s pieces (quoting, NULL-safe comparison). Names are physical table and
 * column names already checked against the live schema; values are bound as {@code ?}, in the
 * order each method's description gives.
 */
public final class Sql {
    private final Dialect dialect;

    public Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** One keyset page: rows with {@code key > :after}, in key order, at most {@code :limit} rows. */
    public String keysetPage(Table table, String key) {
        return selectAll(table) + " WHERE " + dialect.quote(key) + " > :after ORDER BY " + dialect.quote(key) + " LIMIT :limit";
    }

    /** The first keyset page, where there is no previous key yet. */
    public String firstPage(Table table, String key) {
        return selectAll(table) + " ORDER BY " + dialect.quote(key) + " LIMIT :limit";
    }

    /** The one row whose {@code key} is {@code :key}. */
    public String rowWithKey(Table table, String key) {
        return selectAll(table) + " WHERE " + dialect.quote(key) + " = :key";
    }

    /** Every column by name, in the table's order (the readers map them by position). */
    private String selectAll(Table table) {
        return "SELECT " + names(table.columnNames()) + " FROM " + dialect.quote(table.name());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?) ...} for {@code rows} rows; values row by row. */
    public String insert(String table, List<String> columns, int rows) {
        var one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + dialect.quote(table) + " (" + names(columns) + ") VALUES " + String.join(", ", Collections.nCopies(rows, one));
    }

    /** How many rows of {@code columns} values one statement may carry, at most {@code wanted}. */
    public int rowsPerStatement(int columns, int wanted) {
        return Math.max(1, Math.min(wanted, dialect.maxBoundValues() / Math.max(1, columns)));
    }

    /**
     * Deletes the rows whose {@code key} columns hold the values of any of {@code rows} keys,
     * NULL-safely (a key of [owner_id, parent_id] finds a root folder, whose parent_id is NULL);
     * values key by key.
     */
    public String deleteByKeys(String table, List<String> key, int rows) {
        var one = "(" + String.join(" AND ", key.stream().map(c -> dialect.nullSafeEquals(dialect.quote(c), "?")).toList()) + ")";
        return "DELETE FROM " + dialect.quote(table) + " WHERE " + String.join(" OR ", Collections.nCopies(rows, one));
    }

    /** Sets {@code set} in the row whose {@code key} columns hold the given values, NULL-safely; values: {@code set}, then {@code key}. */
    public String updateByKey(String table, List<String> set, List<String> key) {
        return "UPDATE " + dialect.quote(table) + " SET " + String.join(", ", set.stream().map(c -> dialect.quote(c) + " = ?").toList())
                + " WHERE " + nullSafeMatch(key);
    }

    /** {@code columns} of the first row whose {@code match} columns hold the given values, NULL-safely. */
    public String selectFirst(String table, List<String> columns, List<String> match) {
        return "SELECT " + names(columns) + " FROM " + dialect.quote(table) + (match.isEmpty() ? "" : " WHERE " + nullSafeMatch(match)) + " LIMIT 1";
    }

    /**
     * {@code columns} of the first row whose {@code key} columns equal the given values, as a
     * unique key compares them ({@code =}: a NULL equals nothing, so never collides).
     */
    public String selectFirstEqual(String table, List<String> columns, List<String> key) {
        return "SELECT " + names(columns) + " FROM " + dialect.quote(table) + " WHERE "
                + String.join(" AND ", key.stream().map(c -> dialect.quote(c) + " = ?").toList()) + " LIMIT 1";
    }

    /** {@code c1 <=> ? AND c2 <=> ? ...}, in the dialect's NULL-safe form. */
    public String nullSafeMatch(List<String> columns) {
        return String.join(" AND ", columns.stream().map(c -> dialect.nullSafeEquals(dialect.quote(c), "?")).toList());
    }

    /** The number of rows of {@code table}. */
    public String count(String table) {
        return "SELECT COUNT(*) FROM " + dialect.quote(table);
    }

    /** The number of rows of {@code table} whose {@code column} is NULL. */
    public String countNull(String table, String column) {
        return count(table) + " WHERE " + dialect.quote(column) + " IS NULL";
    }

    /** The highest value of {@code column}; NULL for an empty table. */
    public String max(String table, String column) {
        return "SELECT MAX(" + dialect.quote(column) + ") FROM " + dialect.quote(table);
    }

    /** Empties {@code table} (a statement inside the transaction, unlike TRUNCATE). */
    public String deleteAll(String table) {
        return "DELETE FROM " + dialect.quote(table);
    }

    /** Copies every row of {@code from} into {@code into}, which has the same columns in the same order. */
    public String copyRows(String from, String into) {
        return "INSERT INTO " + dialect.quote(into) + " SELECT * FROM " + dialect.quote(from);
    }

    /** Drops {@code table} if it is there. */
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + dialect.quote(table);
    }

    private String names(List<String> columns) {
        return String.join(", ", columns.stream().map(dialect::quote).toList());
    }
}
