package upgrade.db;

import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between database products, and only that. Every statement the engine sends either
 * comes from here or is built by {@link Sql} in plain SQL (SELECT, INSERT, UPDATE, DELETE, LIMIT)
 * from these pieces: MySQL/MariaDB ({@link MariaDbDialect}) and SQLite ({@link SqliteDialect}).
 */
public sealed interface Dialect permits MariaDbDialect, SqliteDialect {

    /** The dialect of the database at the other end of {@code connection}, by the product its driver names. */
    static Dialect of(Connection connection) throws SQLException {
        var product = connection.getMetaData().getDatabaseProductName();
        return product.equalsIgnoreCase("SQLite") ? new SqliteDialect() : MariaDbDialect.of(connection);
    }

    // ---- names and values ---------------------------------------------------------------------

    /** Quotes an identifier that was already checked against the live schema. */
    String quote(String identifier);

    /**
     * A condition true when both sides are equal or both NULL ({@code a <=> b}, {@code a IS b}),
     * compared by the left side's collation when it is a column, as the table's unique keys compare.
     */
    String nullSafeEquals(String left, String right);

    /**
     * As {@link #nullSafeEquals}, but text compares byte by byte, as Java compares strings: case and
     * trailing spaces count, whatever the columns' collations.
     */
    String nullSafeEqualsExactly(String left, String right);

    /** The value to bind for a point in time, in the form the target's time columns expect. */
    Object timeValue(Instant instant);

    /** The most values one statement may bind; longer inserts are split. */
    int maxBoundValues();

    /**
     * A derived table of {@code rows} rows of bound values, its columns called {@code names}: by
     * default {@code SELECT ? AS a, ? AS b UNION ALL SELECT ?, ? ...}, which every product takes.
     * The values are bound as literals, so a table column's collation wins a comparison with them.
     */
    default String boundRows(int rows, List<String> names) {
        var placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
        return firstBoundRow(names) + (" UNION ALL SELECT " + placeholders).repeat(rows - 1);
    }

    /** {@code SELECT ? AS a, ? AS b}: the first row of {@link #boundRows}, which names the columns. */
    static String firstBoundRow(List<String> names) {
        return names.stream().map(name -> "? AS " + name).collect(Collectors.joining(", ", "SELECT ", ""));
    }

    /** The most rows one {@link #boundRows} table may have (a longer list of asked keys is split below it). */
    default int maxBoundRows() {
        return Integer.MAX_VALUE;
    }

    // ---- the session --------------------------------------------------------------------------

    /**
     * Prepares a new connection for its role: a source session refuses every write (enforced by
     * the server where it can be), a target session writes instants as {@link #timeValue} gives
     * them and refuses to truncate silently.
     */
    void prepareSession(Connection connection, Database.Role role) throws SQLException;

    // ---- statements whose form differs --------------------------------------------------------

    /**
     * Inserts {@code rows} rows of {@code columns}; a row whose primary or unique key a row
     * already holds (one inserted before, or earlier in the same statement) is left out, so the
     * first stays. Any other error is still an error.
     */
    String insertKeepingFirst(String table, List<String> columns, int rows);

    /** Inserts one row of {@code columns}, or replaces the row that holds its primary or unique key. */
    String insertOrReplace(String table, List<String> columns);

    // ---- tables the toolkit makes beside the target's -----------------------------------------

    /** The column type to declare for a value of this kind in a table the toolkit creates. */
    String columnType(ColumnType type);

    /** Creates a table the toolkit keeps (its ledger), transactional, from column definitions such as {@code "name TYPE NOT NULL"}. */
    String createTable(String table, List<String> definitions);

    /** Creates {@code copy} with {@code table}'s columns and fills it with {@code table}'s rows. */
    List<String> copyTable(String table, String copy);

    /** Whether DDL (and {@link #restartIds}) takes part in a transaction (SQLite), rather than committing by itself (MySQL). */
    default boolean transactionalDdl() {
        return false;
    }

    /**
     * The statement that lets a session read what other sessions wrote and have not committed yet
     * (READ UNCOMMITTED); empty where a second connection cannot see them (SQLite).
     */
    default Optional<String> readUncommitted() {
        return Optional.of("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
    }

    /** Lets the next row inserted without an id get the one after the highest id in {@code table} (after its rows were put back). */
    List<String> restartIds(String table);

    /** Creates the indexed temporary table of a staged lookup (see {@link StageTable}) on the target. */
    void createStage(Handle target, StageTable stage);

    /** Drops a staged lookup's temporary table. */
    String dropStage(String name);

    // ---- what the database says about itself --------------------------------------------------

    /**
     * Whether each table chooses its storage engine and character set (MySQL/MariaDB), so that
     * a table may be one without transactions or without 4-byte characters, and is to be checked.
     */
    default boolean hasStorageEnginesAndCharsets() {
        return true;
    }

    /** Why {@code table} cannot roll back a failed page (e.g. "uses MyISAM, which has no transactions"); empty when it can. */
    Optional<String> notTransactional(Handle handle, String table);

    /**
     * The JDBC type of a column as the driver reports it with its declared type name; a driver that
     * reports every declared type by its storage class (SQLite: a {@code datetime} as VARCHAR) is corrected here.
     */
    default int columnJdbcType(int reported, String typeName) {
        return reported;
    }

    /** Text columns of {@code table} that cannot hold every Unicode character, each with its character set. */
    List<String> textColumnsNotHoldingEveryCharacter(Handle handle, String table);

    /** How each text column of {@code table} compares its values, by column name. */
    Map<String, TextComparison> textComparisons(Handle handle, String table);

    // ---- errors -------------------------------------------------------------------------------

    /**
     * What a refused statement means: a duplicate key, a lost connection, a lock conflict, or
     * another refusal (the row's fault). Read from error codes and SQLStates of {@code e} and of
     * its causes, never from the message text.
     */
    SqlError classify(SQLException e);
}
