package upgrade.db;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What differs between database products: quoting, paging and multi-row inserts,
 * how a point in time is written, and how a duplicate-key error is recognised.
 */
public sealed interface Dialect permits MariaDbDialect {

    /** Quotes an identifier that was already checked against the live schema. */
    String quote(String identifier);

    /** One keyset page: rows with {@code key > :after}, in key order, at most {@code :limit} rows. */
    default String keysetPage(Table table, String key) {
        return selectAll(table) + " WHERE " + quote(key) + " > :after ORDER BY " + quote(key) + " LIMIT :limit";
    }

    /** The first keyset page, where there is no previous key yet. */
    default String firstPage(Table table, String key) {
        return selectAll(table) + " ORDER BY " + quote(key) + " LIMIT :limit";
    }

    /** The one row whose {@code key} is {@code :key}. */
    default String rowWithKey(Table table, String key) {
        return selectAll(table) + " WHERE " + quote(key) + " = :key";
    }

    /** Every column by name, in the table's order (the readers map them by position). */
    private String selectAll(Table table) {
        return "SELECT " + String.join(", ", table.columnNames().stream().map(this::quote).toList()) + " FROM " + quote(table.name());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?) ...} for {@code rows} rows. */
    default String multiRowInsert(Table table, List<String> columns, int rows) {
        var names = String.join(", ", columns.stream().map(this::quote).toList());
        var one = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        return "INSERT INTO " + quote(table.name()) + " (" + names + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, one));
    }

    /** The value to bind for a point in time, in the form the target's time columns expect. */
    Object timeValue(Instant instant);

    /** True when the statement failed only because a UNIQUE or PRIMARY key already holds the value. */
    boolean isDuplicateKey(SQLException e);
}
