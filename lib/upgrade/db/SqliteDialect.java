package upgrade.db;

import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite, as Cloudreve V3 uses it by default (one file, written by one process at a time). Times
 * are text in the form V3's Go drivers write and read ({@code 2006-01-02 15:04:05.999999999-07:00},
 * here always in UTC); the file's text is UTF-8 and every table rolls back, so the engine and
 * character-set checks of MySQL have nothing to find here.
 */
public final class SqliteDialect implements Dialect {
    /** Go's {@code 2006-01-02 15:04:05.999999999-07:00} for an instant in UTC: no fraction when it is whole seconds, {@code +00:00}. */
    private static final DateTimeFormatter GO_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final Set<SQLiteErrorCode> DUPLICATE_KEY = Set.of(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    /** Another connection writes the file (V3 running, say), or holds a table this one needs. */
    private static final Set<Integer> LOCK_CONFLICT = Set.of(SQLiteErrorCode.SQLITE_BUSY.code, SQLiteErrorCode.SQLITE_LOCKED.code);
    /** How long a statement waits for another writer to finish before it is a lock conflict. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    @Override
    public String quote(String identifier) {
        if (identifier.indexOf('"') >= 0 || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier with a double quote or NUL: " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    /** {@code IS} compares by the left column's collation, as the unique index on it does. */
    @Override
    public String nullSafeEquals(String left, String right) {
        return left + " IS " + right;
    }

    @Override
    public String nullSafeEqualsExactly(String left, String right) {
        return left + " IS " + right + " COLLATE BINARY"; // an explicit collation wins over the columns'
    }

    @Override
    public Object timeValue(Instant instant) {
        if (instant.getNano() == 0) {
            return WHOLE_SECONDS.format(instant);
        }
        // Go's .999999999 drops trailing zeros of the fraction
        var text = GO_TEXT.format(instant);
        var dot = text.indexOf('.');
        var offset = text.length() - 6;
        var fraction = text.substring(dot, offset).replaceAll("0+$", "");
        return text.substring(0, dot) + fraction + text.substring(offset);
    }

    @Override
    public int maxBoundValues() {
        return 32_766; // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32
    }

    @Override
    public int maxBoundRows() {
        return 500; // SQLITE_MAX_COMPOUND_SELECT's default: the rows are SELECTs joined by UNION ALL
    }

    @Override
    public void prepareSession(Connection connection, Database.Role role) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            if (role == Database.Role.SOURCE) {
                statement.execute("PRAGMA query_only = ON");
            }
        }
        MySqlCollations.register(connection);
    }

    /** {@code ON CONFLICT DO NOTHING} leaves out rows a unique key refuses only; a NULL where none may be is still an error (unlike {@code INSERT OR IGNORE}). */
    @Override
    public String insertKeepingFirst(String table, List<String> columns, int rows) {
        return new Sql(this).insert(table, columns, rows) + " ON CONFLICT DO NOTHING";
    }

    @Override
    public String insertOrReplace(String table, List<String> columns) {
        return "INSERT OR REPLACE INTO " + quote(table) + " (" + String.join(", ", columns.stream().map(this::quote).toList())
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    @Override
    public String columnType(ColumnType type) {
        return switch (type) {
            case BIGINT, INT -> "integer";
            case BOOLEAN -> "bool";
            case KEY_TEXT, LONG_TEXT -> "text";
            case AUTO_ID -> "integer primary key autoincrement";
        };
    }

    @Override
    public String createTable(String table, List<String> definitions) {
        return "CREATE TABLE " + quote(table) + " (" + String.join(", ", definitions) + ")";
    }

    /** The copy keeps the columns' affinities (so every value reads back as it was), not their constraints: it is only ever copied back. */
    @Override
    public List<String> copyTable(String table, String copy) {
        return List.of("CREATE TABLE " + quote(copy) + " AS SELECT * FROM " + quote(table));
    }

    /**
     * An AUTOINCREMENT table counts in sqlite_sequence, which never goes down by itself: set it to
     * the highest id left, and drop it when the table is empty, as before the table's first row.
     */
    @Override
    public List<String> restartIds(String table) {
        var name = "'" + table.replace("'", "''") + "'";
        return List.of("UPDATE sqlite_sequence SET seq = COALESCE((SELECT MAX(rowid) FROM " + quote(table) + "), 0) WHERE name = " + name,
                "DELETE FROM sqlite_sequence WHERE name = " + name + " AND seq = 0");
    }

    /** A second connection to the file sees only what was committed. */
    @Override
    public Optional<String> readUncommitted() {
        return Optional.empty();
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** A temporary table (it lives in the connection's temp schema, never in V3's file); its text columns compare as V2's did, as near as {@link MySqlCollations} gets. */
    @Override
    public void createStage(Handle target, StageTable stage) {
        var definitions = new ArrayList<String>(List.of("seq integer NOT NULL", "k text NOT NULL PRIMARY KEY"));
        var indexed = new ArrayList<String>();
        for (int c = 0; c < stage.comparisons().size(); c++) {
            definitions.add("c" + c + " text COLLATE " + MySqlCollations.of(stage.comparisons().get(c)));
            if (c < stage.keyColumns()) {
                indexed.add("c" + c);
            }
        }
        definitions.add("v " + (stage.integerValue() ? "integer" : "text"));
        target.execute("CREATE TEMP TABLE " + quote(stage.name()) + " (" + String.join(", ", definitions) + ")");
        if (!indexed.isEmpty()) {
            target.execute("CREATE INDEX temp." + quote(stage.name() + "_key") + " ON " + quote(stage.name()) + " (" + String.join(", ", indexed) + ")");
        }
    }

    @Override
    public String dropStage(String name) {
        return "DROP TABLE IF EXISTS temp." + quote(name);
    }

    @Override
    public boolean hasStorageEnginesAndCharsets() {
        return false;
    }

    /**
     * sqlite-jdbc reports a column by the affinity of its declared type, so gorm's {@code datetime}
     * would read as text; by the declared name it is a time (kept as text, in {@link #timeValue}'s
     * form), a {@code bool} a boolean (0 or 1).
     */
    @Override
    public int columnJdbcType(int reported, String typeName) {
        var declared = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT);
        return switch (declared) {
            case "datetime", "timestamp" -> java.sql.Types.TIMESTAMP;
            case "date" -> java.sql.Types.DATE;
            case "bool", "boolean" -> java.sql.Types.BOOLEAN;
            case "bigint" -> java.sql.Types.BIGINT;
            default -> reported;
        };
    }

    @Override
    public Optional<String> notTransactional(Handle handle, String table) {
        return Optional.empty(); // every SQLite table is transactional
    }

    @Override
    public List<String> textColumnsNotHoldingEveryCharacter(Handle handle, String table) {
        return List.of(); // a SQLite file holds UTF-8 (or UTF-16): every character
    }

    /** SQLite compares text byte for byte unless a column says otherwise; the stage then compares exactly too. */
    @Override
    public Map<String, TextComparison> textComparisons(Handle handle, String table) {
        return Map.of();
    }

    /**
     * By the extended result code: SQLite gives no SQLState. A unique or primary key is a
     * duplicate (a NOT NULL or CHECK constraint shares the primary code 19 but is the row's fault);
     * a busy or locked file is another writer. A file cannot lose its connection.
     */
    @Override
    public SqlError classify(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && DUPLICATE_KEY.contains(sqlite.getResultCode())) {
                return SqlError.DUPLICATE_KEY;
            }
            if (t instanceof SQLiteException sqlite && LOCK_CONFLICT.contains(sqlite.getErrorCode() & 0xff)) {
                return SqlError.LOCK_CONFLICT;
            }
        }
        return SqlError.REFUSED;
    }
}
