package upgrade.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.demo.MariaDbServer;
import upgrade.support.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The dialect reads what a refused statement means from the server's error codes, on a real
 * server: a duplicate key apart from the other integrity errors that share its SQLState, and a
 * lost connection, a lock wait timeout and a deadlock as no row's fault.
 */
class DialectTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MariaDbServer server = TestServer.get();
    private final String name = "t_dialect_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private Database database;

    @BeforeEach
    void create() {
        server.recreateDatabase(name);
        server.execute(name, "CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(20) NOT NULL, v INT, UNIQUE KEY uix_email (email)) ENGINE=InnoDB");
        server.execute(name, "CREATE TABLE child (id INT PRIMARY KEY, t_id INT, FOREIGN KEY (t_id) REFERENCES t (id)) ENGINE=InnoDB");
        server.execute(name, "INSERT INTO t VALUES (1, 'alice@example.com', 0), (2, 'bob@example.com', 0)");
        database = Database.open(new ConnectionSpec("V3 database", "--to", server.url(name), null), Database.Role.TARGET, "");
    }

    @AfterEach
    void drop() {
        database.close();
        server.dropDatabase(name);
    }

    /** What the database says of {@code sql} on the test connection; a lost connection or lock conflict is thrown. */
    private SqlError refusal(String sql) {
        try {
            database.handle().execute(sql);
        } catch (RuntimeException e) {
            return database.refusal(e);
        }
        throw new AssertionError("the statement was not refused: " + sql);
    }

    @Test
    void aDuplicateKeyIsToldApartFromTheOtherErrorsOfItsSqlState() {
        assertThat(refusal("INSERT INTO t VALUES (3, 'ALICE@example.com', 0)")).as("unique key, equal but for case").isEqualTo(SqlError.DUPLICATE_KEY);
        assertThat(refusal("INSERT INTO t VALUES (1, 'carol@example.com', 0)")).as("primary key").isEqualTo(SqlError.DUPLICATE_KEY);
        // SQLState 23000 too, but no duplicate: the row's own error
        assertThat(refusal("INSERT INTO t (id, email) VALUES (3, NULL)")).as("NULL into NOT NULL").isEqualTo(SqlError.REFUSED);
        assertThat(refusal("INSERT INTO child VALUES (1, 99)")).as("a foreign key").isEqualTo(SqlError.REFUSED);
        assertThat(refusal("INSERT INTO t VALUES (3, 'a-much-too-long-address@example.com', 0)")).as("too long").isEqualTo(SqlError.REFUSED);
    }

    @Test
    void aKilledConnectionIsNoRowsFault() {
        var id = database.handle().createQuery("SELECT CONNECTION_ID()").mapTo(Long.class).one();
        server.execute(null, "KILL CONNECTION " + id);
        var e = catchThrowableOfType(DatabaseInterruptedException.class, () -> refusal("INSERT INTO t VALUES (3, 'carol@example.com', 0)"));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(SqlError.CONNECTION_LOST);
        assertThat(e.exitCode()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("the connection to the V3 database was lost while the upgrade wrote it");
        assertThat(e.hint()).contains("run the same command again: a run continues after the last page it committed");
    }

    @Test
    void aFailureIsBlamedOnTheDatabaseWhoseConnectionWasLost() {
        try (var source = Database.open(new ConnectionSpec("V2 database", "--from", server.url(name), null), Database.Role.SOURCE, "")) {
            var id = source.handle().createQuery("SELECT CONNECTION_ID()").mapTo(Long.class).one();
            server.execute(null, "KILL CONNECTION " + id);
            var failure = catchThrowableOfType(RuntimeException.class, () -> source.handle().createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one());
            var interrupted = Database.interruption(failure, database, source);
            assertThat(interrupted).isPresent();
            assertThat(interrupted.get().getMessage()).startsWith("the connection to the V2 database was lost while the upgrade read it");
            assertThat(Database.interruption(new IllegalStateException("a bug"), database, source)).isEmpty();
        }
    }

    @Test
    void aLockWaitTimeoutIsNoRowsFault() throws SQLException {
        try (var other = server.connect(name)) {
            other.setAutoCommit(false);
            other.createStatement().execute("UPDATE t SET v = 1 WHERE id = 1"); // holds the row's lock until it ends
            database.handle().execute("SET SESSION innodb_lock_wait_timeout = 1");
            var e = catchThrowableOfType(DatabaseInterruptedException.class, () -> refusal("UPDATE t SET v = 2 WHERE id = 1"));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(SqlError.LOCK_CONFLICT);
            assertThat(e.getMessage()).contains("another session held rows or tables it writes");
            assertThat(e.hint()).contains("stop Cloudreve V3 and anything else that writes this database");
            other.rollback();
        }
    }

    @Test
    void aDeadlockIsNoRowsFault() throws Exception {
        try (Connection other = server.connect(name)) {
            other.setAutoCommit(false);
            other.createStatement().execute("SET SESSION innodb_lock_wait_timeout = 20");
            database.handle().execute("SET SESSION innodb_lock_wait_timeout = 20");
            database.handle().begin();
            database.handle().execute("UPDATE t SET v = 1 WHERE id = 1");
            other.createStatement().execute("UPDATE t SET v = 1 WHERE id = 2");
            // Each session now holds one row and asks for the other's. Whichever asks first waits; the
            // second request closes the cycle, so the deadlock forms in either order and the test
            // needs no timing (an earlier version waited to see the other session's lock wait and
            // failed when the machine was slow).
            var waiting = new CompletableFuture<SQLException>();
            new Thread(() -> { // a thread of its own: the common pool may be busy (one thread on two cores)
                try {
                    other.createStatement().execute("UPDATE t SET v = 2 WHERE id = 1");
                    waiting.complete(null);
                } catch (SQLException e) {
                    waiting.complete(e);
                }
            }).start();
            SqlError here = null;
            try {
                database.handle().execute("UPDATE t SET v = 2 WHERE id = 2");
            } catch (RuntimeException e) {
                here = catchThrowableOfType(DatabaseInterruptedException.class, () -> database.refusal(e)).kind();
            }
            var there = waiting.get(30, TimeUnit.SECONDS);
            // InnoDB rolls back one of the two; whichever it was, the error reads as a lock conflict
            assertThat(here == null && there == null).as("one of the two sessions was refused").isFalse();
            if (there != null) {
                assertThat(database.dialect().classify(there)).isEqualTo(SqlError.LOCK_CONFLICT);
            } else {
                assertThat(here).isEqualTo(SqlError.LOCK_CONFLICT);
            }
            database.rollbackQuietly();
            other.rollback();
        }
    }

    @Test
    void insertKeepingFirstLeavesOutDuplicatesButNoOtherError() {
        var dialect = database.dialect();
        database.handle().createUpdate(dialect.insertKeepingFirst("t", List.of("id", "email", "v"), 2))
                .bind(0, 3).bind(1, "carol@example.com").bind(2, 1)
                .bind(3, 4).bind(4, "CAROL@example.com").bind(5, 2).execute();
        assertThat(database.handle().createQuery("SELECT id FROM t WHERE email = 'carol@example.com'").mapTo(Integer.class).list())
                .as("the first of two equal keys stays").containsExactly(3);
        // unlike INSERT IGNORE, a value too long is still an error, not a warning and a cut text
        assertThatThrownBy(() -> database.handle().createUpdate(dialect.insertKeepingFirst("t", List.of("id", "email", "v"), 1))
                .bind(0, 5).bind(1, "a-much-too-long-address@example.com").bind(2, 1).execute())
                .satisfies(e -> assertThat(database.refusal((RuntimeException) e)).isEqualTo(SqlError.REFUSED));
    }

    /**
     * Asked keys joined with a table find the same rows whether the server reads them as one
     * VALUES table or as SELECTs joined by UNION ALL: by the column's collation (case and trailing
     * spaces ignored), NULL matching nothing but NULL, and one row or many.
     */
    @Test
    void boundRowsFindTheSameRowsAsValuesOrAsUnionedSelects() {
        var dialect = (MariaDbDialect) database.dialect();
        assertThat(dialect.boundRows(3, List.of("i", "k0"))).as("MariaDB 10.3+ takes VALUES")
                .isEqualTo("SELECT ? AS i, ? AS k0 UNION ALL VALUES (?, ?), (?, ?)");
        var keys = List.<Object>of(0, "ALICE@example.com", 1, "nobody@example.com", 2, "bob@example.com  ", 3, "alice@example.com");
        for (var form : List.of(dialect, dialect.withoutValues())) {
            var sql = "SELECT q.i, t.id FROM t JOIN (" + form.boundRows(4, List.of("i", "k0")) + ") q ON t.email <=> q.k0 ORDER BY q.i";
            var found = database.handle().createQuery(sql);
            for (int p = 0; p < keys.size(); p++) {
                found.bind(p, keys.get(p));
            }
            assertThat(found.map((rs, ctx) -> rs.getInt(1) + "->" + rs.getInt(2)).list()).as(sql).containsExactly("0->1", "2->2", "3->1");
            var one = database.handle().createQuery("SELECT t.id FROM t JOIN (" + form.boundRows(1, List.of("i", "k0")) + ") q ON t.email <=> q.k0")
                    .bind(0, 0).bind(1, "Bob@example.com");
            assertThat(one.mapTo(Integer.class).list()).containsExactly(2);
        }
    }

    @Test
    void aStageComparesAsTheSourceColumnOrByTheDefaultWhenTheTargetDoesNotKnowItsCollation() {
        var dialect = database.dialect();
        var known = new StageTable("stage_known", List.of(Optional.of(new TextComparison("utf8mb3", "utf8mb3_general_ci")), Optional.empty()), 1, true);
        var unknown = new StageTable("stage_unknown", List.of(Optional.of(new TextComparison("utf8mb4", "utf8mb4_no_such_collation_ci"))), 1, false);
        dialect.createStage(database.handle(), known);
        dialect.createStage(database.handle(), unknown); // a collation this server does not have (MySQL 8 names ones MariaDB before 11.4 lacks)
        assertThat(showCreate("stage_known")).contains("`c0` text CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci", "`c1` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        assertThat(showCreate("stage_unknown")).containsPattern("`c0` text( CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci)?( DEFAULT NULL)?,").contains("`v` longtext");
        database.handle().execute(dialect.dropStage("stage_known"));
        database.handle().execute(dialect.dropStage("stage_unknown"));
    }

    private String showCreate(String table) {
        return database.handle().createQuery("SHOW CREATE TABLE " + table).map((rs, ctx) -> rs.getString(2)).one();
    }

    /**
     * The toolkit talks through MySQL Connector/J; the same refusals reach it alike through the
     * MariaDB driver (an operator's jdbc:mariadb: URL is opened with Connector/J, and a library user
     * may hand in either driver's errors): by vendor code first, then by SQLState class.
     */
    @Test
    void refusalsReadTheSameThroughTheMariaDbDriver() throws SQLException {
        var dialect = database.dialect();
        var url = "jdbc:mariadb://" + server.hostAndPort() + "/" + name;
        try (var mariadb = java.sql.DriverManager.getConnection(url, server.user(), server.password());
             var other = java.sql.DriverManager.getConnection(url, server.user(), server.password())) {
            assertThat(mariadb.getClass().getName()).startsWith("org.mariadb.jdbc");
            var duplicate = catchThrowableOfType(SQLException.class, () -> mariadb.createStatement().execute("INSERT INTO t VALUES (3, 'alice@example.com', 0)"));
            assertThat(dialect.classify(duplicate)).isEqualTo(SqlError.DUPLICATE_KEY);
            var notNull = catchThrowableOfType(SQLException.class, () -> mariadb.createStatement().execute("INSERT INTO t (id, email) VALUES (3, NULL)"));
            assertThat(dialect.classify(notNull)).isEqualTo(SqlError.REFUSED);
            other.setAutoCommit(false);
            other.createStatement().execute("UPDATE t SET v = 1 WHERE id = 1");
            mariadb.createStatement().execute("SET SESSION innodb_lock_wait_timeout = 1");
            var lockWait = catchThrowableOfType(SQLException.class, () -> mariadb.createStatement().execute("UPDATE t SET v = 2 WHERE id = 1"));
            assertThat(dialect.classify(lockWait)).isEqualTo(SqlError.LOCK_CONFLICT);
            other.rollback();
            server.execute(null, "KILL CONNECTION " + connectionId(mariadb));
            var lost = catchThrowableOfType(SQLException.class, () -> mariadb.createStatement().execute("SELECT 1"));
            assertThat(dialect.classify(lost)).isEqualTo(SqlError.CONNECTION_LOST);
        }
        // a driver that gives only the SQLState
        assertThat(dialect.classify(new SQLException("deadlock", "40001", 0))).isEqualTo(SqlError.LOCK_CONFLICT);
        assertThat(dialect.classify(new SQLException("gone", "08S01", 0))).isEqualTo(SqlError.CONNECTION_LOST);
        assertThat(dialect.classify(new SQLException("not null", "23000", 0))).isEqualTo(SqlError.REFUSED);
    }

    @Test
    void aJdbcMariaDbUrlIsOpenedWithConnectorJ() throws SQLException {
        var url = server.url(name).replace("jdbc:mysql:", "jdbc:mariadb:");
        try (var opened = Database.open(new ConnectionSpec("V3 database", "--to", url, null), Database.Role.TARGET, "")) {
            assertThat(opened.handle().getConnection().getClass().getName()).startsWith("com.mysql.cj");
            assertThat(opened.table("t").columnNames()).containsExactly("id", "email", "v");
        }
    }

    @Test
    void uniqueKeysComePrimaryFirstWithTheirColumns() {
        var keys = database.uniqueKeys(database.table("t"));
        assertThat(keys).containsExactly(new UniqueKey("PRIMARY", List.of("id"), true), new UniqueKey("uix_email", List.of("email"), false));
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (var rs = connection.createStatement().executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
