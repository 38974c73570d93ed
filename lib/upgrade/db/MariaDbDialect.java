package upgrade.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MariaDB and MySQL. Time values are written as UTC wall-clock text; the target session runs with
 * {@code time_zone = '+00:00'}, so TIMESTAMP columns store exactly the instant we mean.
 */
public final class MariaDbDialect implements Dialect {
    private static final DateTimeFormatter UTC_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME, ER_DUP_KEY: a unique key holds the value (SQLState 23000 alone also means NOT NULL or foreign keys). */
    private static final Set<Integer> DUPLICATE_KEY = Set.of(1062, 1586, 1022);
    /** ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK. */
    private static final Set<Integer> LOCK_CONFLICT = Set.of(1205, 1213);
    /**
     * ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED (MariaDB), ER_QUERY_INTERRUPTED (KILL QUERY), the
     * client's "server has gone away" and "lost connection during query"; drivers mostly report
     * these with SQLState class 08 too.
     */
    private static final Set<Integer> CONNECTION_LOST = Set.of(1053, 1927, 1317, 2006, 2013);
    /** ER_UNKNOWN_CHARACTER_SET, ER_COLLATION_CHARSET_MISMATCH, ER_UNKNOWN_COLLATION. */
    private static final Set<Integer> UNKNOWN_COLLATION = Set.of(1115, 1253, 1273);
    /** Leading characters of each key column a stage's index holds: enough to narrow a path down, within InnoDB's key length. */
    private static final int STAGE_INDEXED_CHARS = 180;
    private static final String EXACT = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    /** How each row after the first opens in a table value constructor: MariaDB 10.3+ {@code VALUES (...)}, MySQL 8.0.19+ {@code VALUES ROW(...)}. */
    private static final List<String> VALUES_ROW_OPENINGS = List.of("(", "ROW(");

    /** What opens a row of {@code VALUES} on this server, or empty where it has none (MySQL 5.7, MariaDB before 10.3). */
    private final Optional<String> valuesRow;

    private MariaDbDialect(Optional<String> valuesRow) {
        this.valuesRow = valuesRow;
    }

    /**
     * The dialect of the server at the other end of {@code connection}. The server is asked which
     * form of {@code VALUES} it takes, rather than its version read: MySQL and MariaDB number their
     * versions apart, and servers that speak their protocol number theirs as they like.
     */
    static MariaDbDialect of(Connection connection) {
        for (var opening : VALUES_ROW_OPENINGS) {
            try (var statement = connection.createStatement()) {
                statement.executeQuery("SELECT 0 AS i UNION ALL VALUES " + opening + "1)").close();
                return new MariaDbDialect(Optional.of(opening));
            } catch (SQLException notThisForm) {
                // a syntax error: try the next form, else SELECTs joined by UNION ALL
            }
        }
        return new MariaDbDialect(Optional.empty());
    }

    /** The same dialect for a server without {@code VALUES}, so a test can compare both forms on one server. */
    MariaDbDialect withoutValues() {
        return new MariaDbDialect(Optional.empty());
    }

    @Override
    public String quote(String identifier) {
        if (identifier.indexOf('`') >= 0 || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier with a backquote or NUL: " + identifier);
        }
        return "`" + identifier + "`";
    }

    /**
     * With {@code VALUES} the server reads one table value constructor instead of a SELECT per row:
     * a lookup of 1,000 keys takes about half the server's time (issue 12).
     */
    @Override
    public String boundRows(int rows, List<String> names) {
        if (valuesRow.isEmpty() || rows == 1) {
            return Dialect.super.boundRows(rows, names);
        }
        var row = valuesRow.get() + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
        return Dialect.firstBoundRow(names) + " UNION ALL VALUES " + String.join(", ", Collections.nCopies(rows - 1, row));
    }

    @Override
    public String nullSafeEquals(String left, String right) {
        return left + " <=> " + right;
    }

    @Override
    public String nullSafeEqualsExactly(String left, String right) {
        return "CAST(" + left + " AS BINARY) <=> CAST(" + right + " AS BINARY)";
    }

    @Override
    public Object timeValue(Instant instant) {
        return UTC_TEXT.format(instant);
    }

    @Override
    public int maxBoundValues() {
        return 65_535; // the protocol counts a prepared statement's parameters in 16 bits
    }

    @Override
    public void prepareSession(Connection connection, Database.Role role) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET NAMES utf8mb4");
            switch (role) {
                case SOURCE -> {
                    // Enforced, not just unused: the server itself rejects any write in this session. (Not also
                    // Connection.setReadOnly: Connector/J would then refuse the writes it recognises itself, before
                    // the server; the server's refusal is the guarantee, for every statement.)
                    statement.execute("SET SESSION TRANSACTION READ ONLY");
                }
                case TARGET -> {
                    // Instants are written as UTC text; strict mode turns silent truncation into an error.
                    statement.execute("SET time_zone = '+00:00'");
                    statement.execute("SET SESSION sql_mode = CONCAT_WS(',', @@SESSION.sql_mode, 'STRICT_ALL_TABLES')");
                }
            }
        }
    }

    @Override
    public String insertKeepingFirst(String table, List<String> columns, int rows) {
        // Not INSERT IGNORE: that would also turn a value too long or of the wrong type into a warning.
        var first = quote(columns.get(0));
        return new Sql(this).insert(table, columns, rows) + " ON DUPLICATE KEY UPDATE " + first + " = " + first;
    }

    @Override
    public String insertOrReplace(String table, List<String> columns) {
        return "REPLACE INTO " + quote(table) + " (" + String.join(", ", columns.stream().map(this::quote).toList())
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    @Override
    public String columnType(ColumnType type) {
        return switch (type) {
            case BIGINT -> "BIGINT";
            case INT -> "INT";
            case BOOLEAN -> "BOOLEAN";
            case KEY_TEXT -> "VARCHAR(191)"; // 191 four-byte characters fit InnoDB's smallest index key (767 bytes)
            case LONG_TEXT -> "LONGTEXT";
            case AUTO_ID -> "BIGINT AUTO_INCREMENT PRIMARY KEY";
        };
    }

    @Override
    public String createTable(String table, List<String> definitions) {
        return "CREATE TABLE " + quote(table) + " (" + String.join(", ", definitions) + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public List<String> copyTable(String table, String copy) {
        return List.of("CREATE TABLE " + quote(copy) + " LIKE " + quote(table), "INSERT INTO " + quote(copy) + " SELECT * FROM " + quote(table));
    }

    @Override
    public List<String> restartIds(String table) {
        // InnoDB takes max(id) + 1 when asked for less: rows V3 inserts later get the ids they would have had.
        return List.of("ALTER TABLE " + quote(table) + " AUTO_INCREMENT = 1");
    }

    /**
     * The stage's text columns take the source column's character set and collation, so the
     * server compares as the source did; a target server that does not know that collation (say,
     * V2 on MySQL 8 with utf8mb4_0900_ai_ci, V3 on MariaDB) compares by its default utf8mb4 collation.
     */
    @Override
    public void createStage(Handle target, StageTable stage) {
        try {
            target.execute(stageDdl(stage, true));
        } catch (StatementException e) {
            var sql = e.getCause() instanceof SQLException cause ? cause : null;
            if (sql == null || !UNKNOWN_COLLATION.contains(sql.getErrorCode())) {
                throw e;
            }
            target.execute(stageDdl(stage, false));
        }
    }

    private String stageDdl(StageTable stage, boolean sourceCollations) {
        var prefix = Math.max(16, STAGE_INDEXED_CHARS / Math.max(1, stage.keyColumns()));
        var definitions = new ArrayList<String>(List.of("seq BIGINT NOT NULL",
                "k CHAR(" + StageTable.DIGEST_CHARS + ") CHARACTER SET ascii NOT NULL PRIMARY KEY"));
        var indexed = new ArrayList<String>();
        for (int c = 0; c < stage.comparisons().size(); c++) {
            var comparison = stage.comparisons().get(c);
            var collation = comparison.isEmpty() ? EXACT
                    : sourceCollations ? "CHARACTER SET " + comparison.get().charset() + " COLLATE " + comparison.get().collation()
                    : "CHARACTER SET utf8mb4";
            definitions.add("c" + c + " TEXT " + collation);
            if (c < stage.keyColumns()) {
                indexed.add("c" + c + "(" + prefix + ")");
            }
        }
        definitions.add("v " + (stage.integerValue() ? "BIGINT" : "LONGTEXT"));
        if (!indexed.isEmpty()) {
            definitions.add("KEY (" + String.join(", ", indexed) + ")");
        }
        return "CREATE TEMPORARY TABLE " + quote(stage.name()) + " (" + String.join(", ", definitions) + ")";
    }

    @Override
    public String dropStage(String name) {
        return "DROP TEMPORARY TABLE IF EXISTS " + quote(name);
    }

    @Override
    public Optional<String> notTransactional(Handle handle, String table) {
        var engine = handle.createQuery("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t")
                .bind("t", table).mapTo(String.class).findOne().orElse("?");
        return engine.equalsIgnoreCase("InnoDB") ? Optional.empty() : Optional.of("uses " + engine + ", which has no transactions");
    }

    @Override
    public List<String> textColumnsNotHoldingEveryCharacter(Handle handle, String table) {
        return handle.createQuery("SELECT CONCAT(COLUMN_NAME, ' (', CHARACTER_SET_NAME, ')') FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t AND CHARACTER_SET_NAME IS NOT NULL"
                        + " AND CHARACTER_SET_NAME NOT LIKE 'utf8mb4%' ORDER BY ORDINAL_POSITION")
                .bind("t", table).mapTo(String.class).list();
    }

    @Override
    public Map<String, TextComparison> textComparisons(Handle handle, String table) {
        var comparisons = new HashMap<String, TextComparison>();
        handle.createQuery("SELECT COLUMN_NAME, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t AND COLLATION_NAME IS NOT NULL")
                .bind("t", table)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new TextComparison(rs.getString(2), rs.getString(3))))
                .forEach(entry -> comparisons.put(entry.getKey(), entry.getValue()));
        return comparisons;
    }

    /** By error code first (MySQL's and MariaDB's own numbers), then by SQLState class, through causes and chained errors. */
    @Override
    public SqlError classify(SQLException e) {
        var errors = chain(e);
        for (var error : errors) {
            if (DUPLICATE_KEY.contains(error.getErrorCode())) {
                return SqlError.DUPLICATE_KEY;
            }
            if (LOCK_CONFLICT.contains(error.getErrorCode())) {
                return SqlError.LOCK_CONFLICT;
            }
            if (CONNECTION_LOST.contains(error.getErrorCode())) {
                return SqlError.CONNECTION_LOST;
            }
        }
        for (var error : errors) {
            var state = error.getSQLState() == null ? "" : error.getSQLState();
            if (state.startsWith("08") || error instanceof SQLNonTransientConnectionException || error instanceof SQLTransientConnectionException) {
                return SqlError.CONNECTION_LOST;
            }
            if (state.startsWith("40") || error instanceof SQLTransactionRollbackException) {
                return SqlError.LOCK_CONFLICT; // serialization failure: a deadlock, however the driver numbers it
            }
        }
        return SqlError.REFUSED;
    }

    /** {@code e}, its causes and the errors chained to it (a batch's), each once. */
    private static List<SQLException> chain(SQLException e) {
        var all = new ArrayList<SQLException>();
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var queue = new ArrayDeque<Throwable>(List.of(e));
        while (!queue.isEmpty()) {
            var t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                all.add(sql);
                Optional.ofNullable(sql.getNextException()).ifPresent(queue::add);
            }
            Optional.ofNullable(t.getCause()).ifPresent(queue::add);
        }
        return all;
    }
}
