package upgrade.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import upgrade.site.SiteProfiles;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Dialect dialect;
    private final Sql sql;
    private final Handle handle;
    private final PreparedStatements prepared;
    private final Map<String, List<UniqueKey>> uniqueKeys = new HashMap<>();

    private Database(ConnectionSpec spec, Role role, String prefix, Dialect dialect, Handle handle) {
        this.spec = spec;
        this.role = role;
        this.prefix = prefix;
        this.dialect = dialect;
        this.sql = new Sql(dialect);
        this.handle = handle;
        this.prepared = new PreparedStatements(handle.getConnection(), dialect);
    }

    /** Connects and prepares the session for its role. */
    public static Database open(ConnectionSpec spec, Role role, String prefix) {
        var properties = new Properties();
        if (spec.password() != null) {
            properties.setProperty("password", spec.password());
        }
        if (spec.isSqlite()) {
            // Take the file's write lock when a transaction begins, not at its first write: a transaction that only
            // read cannot wait for another writer to finish (SQLite would refuse it at once), one that begins can.
            properties.setProperty("transaction_mode", "IMMEDIATE");
        } else {
            // Connector/J encodes statements in this character set; the session's (SET NAMES utf8mb4) must match it
            properties.setProperty("characterEncoding", "UTF-8");
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(spec.driverUrl(), properties);
        } catch (SQLException e) {
            throw new DatabaseException(spec.label() + ": cannot connect to " + spec.shown() + ": " + e.getMessage(), spec.connectionHint(), e);
        }
        Dialect dialect;
        try {
            dialect = Dialect.of(connection);
            dialect.prepareSession(connection, role);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException(spec.label() + ": cannot prepare the session: " + e.getMessage(), "", e);
        }
        return new Database(spec, role, prefix == null ? "" : prefix, dialect, Jdbi.create(connection).open());
    }

    public Handle handle() {
        return handle;
    }

    /**
     * Runs an INSERT, UPDATE or DELETE that a step runs again and again (once per page), with
     * {@code values} bound to its {@code ?} in order; the rows it changed. Kept prepared
     * ({@link PreparedStatements}); a failure is a Jdbi {@code StatementException}, as through {@link #handle()}.
     */
    public int update(String sql, List<?> values) {
        return prepared.update(sql, values);
    }

    /** Runs a query a step runs again and again, handing each row to {@code reader}; see {@link #update}. */
    public void query(String sql, List<?> values, PreparedStatements.RowHandler reader) {
        prepared.query(sql, values, reader);
    }

    /** What {@code mapper} makes of the first row of a query a step runs again and again; empty when none. See {@link #update}. */
    public <T> Optional<T> first(String sql, List<?> values, PreparedStatements.RowMapper<T> mapper) {
        return prepared.first(sql, values, mapper);
    }

    /** Runs an UPDATE or DELETE once per list of values, in one batch; per list, the rows it changed. See {@link #update}. */
    public int[] updateEach(String sql, List<? extends List<?>> valuesEach) {
        return prepared.updateEach(sql, valuesEach);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The statements in plain SQL, built with this database's dialect. */
    public Sql sql() {
        return sql;
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

    /**
     * A second connection to this database that sees what this one wrote and has not committed
     * (READ UNCOMMITTED), for reads another thread makes while this one writes; empty where the
     * database cannot give one (SQLite), or refuses another connection (say, a user limited to
     * one): the caller then reads on this one.
     */
    public Optional<Database> openReaderOfUncommitted() {
        var statement = dialect.readUncommitted();
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        Database reader;
        try {
            reader = open(spec, role, prefix);
        } catch (DatabaseException refused) {
            return Optional.empty();
        }
        try {
            reader.handle.execute(statement.get());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return Optional.of(reader);
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
                        ? "start " + SiteProfiles.current().targetApplication() + " once against this database so that it creates its tables, then stop it"
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
                    columns.add(new Column(rs.getString("COLUMN_NAME"), dialect.columnJdbcType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
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
        return handle.createQuery(sql.count(table.name())).mapTo(Long.class).one();
    }

    /** Why a table cannot roll back a failed page; empty when it can. */
    public Optional<String> notTransactional(Table table) {
        return dialect.notTransactional(handle, table.name());
    }

    /** Text columns of a table that cannot hold every character (not utf8mb4), with their character set. */
    public List<String> textColumnsWithoutFourByteCharacters(Table table) {
        return dialect.textColumnsNotHoldingEveryCharacter(handle, table.name());
    }

    /**
     * The primary key and unique keys of a table, the primary key first, from the driver's
     * metadata (a table whose primary key is no index of its own, as SQLite's rowid, still gets it).
     */
    public List<UniqueKey> uniqueKeys(Table table) {
        return uniqueKeys.computeIfAbsent(table.name(), name -> {
            try {
                return UniqueKey.read(handle.getConnection(), table);
            } catch (SQLException e) {
                throw new DatabaseException(spec.label() + ": cannot read the unique keys of '" + name + "': " + e.getMessage(), "", e);
            }
        });
    }

    /**
     * Why the database refused a statement on this connection: {@link SqlError#DUPLICATE_KEY} or
     * {@link SqlError#REFUSED} (the row's fault). A lost connection or a lock conflict is no row's
     * fault: it is thrown as a {@link DatabaseInterruptedException} instead.
     */
    public SqlError refusal(RuntimeException e) {
        var cause = sqlCause(e);
        var error = cause == null ? SqlError.REFUSED : dialect.classify(cause);
        if (error.interruption()) {
            throw DatabaseInterruptedException.of(error, spec, role == Role.TARGET, cause, e);
        }
        return error;
    }

    /**
     * The failure {@code e} as an interruption by one of {@code databases} (a lost connection, a
     * lock conflict), naming the one whose connection is gone (else the first); empty when it is
     * something else.
     */
    public static Optional<DatabaseInterruptedException> interruption(Throwable e, Database... databases) {
        return interruption(e, true, databases);
    }

    /**
     * As {@link #interruption(Throwable, Database...)}, for work that {@code writes} the target or
     * only reads it (verify, check): the message says which.
     */
    public static Optional<DatabaseInterruptedException> interruption(Throwable e, boolean writes, Database... databases) {
        if (e instanceof DatabaseInterruptedException interrupted) {
            return Optional.of(interrupted);
        }
        var cause = sqlCause(e);
        var present = java.util.Arrays.stream(databases).filter(java.util.Objects::nonNull).toList();
        if (cause == null || present.isEmpty()) {
            return Optional.empty();
        }
        var error = present.get(0).dialect.classify(cause);
        if (!error.interruption()) {
            return Optional.empty();
        }
        var culprit = error == SqlError.CONNECTION_LOST
                ? present.stream().filter(database -> !database.connected()).findFirst().orElse(present.get(0)) : present.get(0);
        return Optional.of(DatabaseInterruptedException.of(error, culprit.spec, writes && culprit.role == Role.TARGET, cause, e));
    }

    /** Whether the connection still answers. */
    private boolean connected() {
        try {
            return handle.getConnection().isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
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
        prepared.close();
        try {
            if (connected() && handle.isInTransaction()) {
                handle.rollback(); // whatever was not committed is not wanted (a run that died on the way out)
            }
            handle.close();
        } catch (RuntimeException e) {
            // a connection that was lost has nothing to roll back or close; the failure that lost it is reported
        }
        closeQuietly(connection);
    }

    /** Rolls back what is not committed, when the connection is still there (after a failure, which is what gets reported). */
    public void rollbackQuietly() {
        try {
            if (connected()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            // the connection went away meanwhile: the server rolled the transaction back itself
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is unusable anyway
        }
    }
}
