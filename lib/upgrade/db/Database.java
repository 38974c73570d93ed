package upgrade.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One open connection to a database, with the table prefix it uses. A source database is opened
 * read-only: the connection and the session both refuse writes, so no code path can change V2.
 */
public final class Database implements AutoCloseable {
    /** Whether the upgrade reads from this database or writes into it. */
    public enum Role { SOURCE, TARGET }

    private final ConnectionSpec spec;
    private final Role role;
    private final String prefix;
    private final Dialect dialect = new MariaDbDialect();
    private final Handle handle;

    private Database(ConnectionSpec spec, Role role, String prefix, Handle handle) {
        this.spec = spec;
        this.role = role;
        this.prefix = prefix;
        this.handle = handle;
    }

    /** Connects and prepares the session for its role. */
    public static Database open(ConnectionSpec spec, Role role, String prefix) {
        var properties = new Properties();
        if (spec.password() != null) {
            properties.setProperty("password", spec.password());
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(spec.driverUrl(), properties);
        } catch (SQLException e) {
            throw new DatabaseException(spec.label() + ": cannot connect to " + spec.shown() + ": " + e.getMessage(), spec.connectionHint(), e);
        }
        try {
            prepareSession(connection, role);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException(spec.label() + ": cannot prepare the session: " + e.getMessage(), "", e);
        }
        return new Database(spec, role, prefix == null ? "" : prefix, Jdbi.create(connection).open());
    }

    private static void prepareSession(Connection connection, Role role) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET NAMES utf8mb4");
            switch (role) {
                case SOURCE -> {
                    // Enforced, not just unused: the server itself rejects any write in this session.
                    connection.setReadOnly(true);
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

    public Handle handle() {
        return handle;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String prefix() {
        return prefix;
    }

    public Role role() {
        return role;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** The physical names of all tables in this database. */
    public List<String> tableNames() {
        try {
            var names = new ArrayList<String>();
            var meta = handle.getConnection().getMetaData();
            try (var rs = meta.getTables(handle.getConnection().getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DatabaseException(spec.label() + ": cannot list tables: " + e.getMessage(), "", e);
        }
    }

    /** The live table {@code prefix + logicalName}, or a {@link DatabaseException} that suggests a prefix. */
    public Table table(String logicalName) {
        var physical = prefix + logicalName;
        var names = tableNames();
        var exact = names.stream().filter(n -> n.equals(physical)).findFirst();
        if (exact.isEmpty()) {
            var guesses = names.stream().filter(n -> n.endsWith(logicalName) && !n.equals(physical))
                    .map(n -> "'" + n.substring(0, n.length() - logicalName.length()) + "'").distinct().toList();
            var hint = guesses.isEmpty()
                    ? (role == Role.TARGET
                        ? "start Cloudreve V3 once against this database so that it creates its tables, then stop it"
                        : "check that " + spec.option() + " names the V2 site's database")
                    : "this database has it under the prefix " + String.join(" or ", guesses)
                        + "; pass " + (role == Role.SOURCE ? "--v2-prefix" : "--v3-prefix") + " accordingly";
            throw new DatabaseException(spec.label() + " '" + spec.databaseName() + "' has no table '" + physical + "'.", hint);
        }
        return new Table(logicalName, physical, columnsOf(physical), primaryKeyOf(physical));
    }


    private List<Column> columnsOf(String physical) {
        try {
            var columns = new ArrayList<Column>();
            var meta = handle.getConnection().getMetaData();
            try (var rs = meta.getColumns(handle.getConnection().getCatalog(), null, physical, "%")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                            rs.getInt("NULLABLE") != java.sql.DatabaseMetaData.columnNoNulls,
                            "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
            return columns;
        } catch (SQLException e) {
            throw new DatabaseException(spec.label() + ": cannot read the columns of '" + physical + "': " + e.getMessage(), "", e);
        }
    }

    /** How many rows a table has (for progress; MyISAM knows it at once). */
    public long count(Table table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + dialect.quote(table.name())).mapTo(Long.class).one();
    }

    /** The storage engine of a table (InnoDB, MyISAM, ...). */
    public String engineOf(Table table) {
        return handle.createQuery("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t")
                .bind("t", table.name()).mapTo(String.class).findOne().orElse("?");
    }

    /** Text columns of a table whose character set is not utf8mb4, with their character set. */
    public List<String> textColumnsWithoutFourByteCharacters(Table table) {
        return handle.createQuery("SELECT CONCAT(COLUMN_NAME, ' (', CHARACTER_SET_NAME, ')') FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t AND CHARACTER_SET_NAME IS NOT NULL"
                        + " AND CHARACTER_SET_NAME NOT LIKE 'utf8mb4%' ORDER BY ORDINAL_POSITION")
                .bind("t", table.name()).mapTo(String.class).list();
    }

    private List<String> primaryKeyOf(String physical) {
        try {
            var key = new TreeMap<Integer, String>();
            var meta = handle.getConnection().getMetaData();
            try (var rs = meta.getPrimaryKeys(handle.getConnection().getCatalog(), null, physical)) {
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            return List.copyOf(key.values());
        } catch (SQLException e) {
            throw new DatabaseException(spec.label() + ": cannot read the primary key of '" + physical + "': " + e.getMessage(), "", e);
        }
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A Jdbi made from one connection leaves that connection open when its handle closes.
        var connection = handle.getConnection();
        if (handle.isInTransaction()) {
            handle.rollback(); // whatever was not committed is not wanted (a run that died on the way out)
        }
        handle.close();
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is unusable anyway
        }
    }
}
