package upgrade.db;

import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import upgrade.demo.MariaDbServer;
import upgrade.support.TestServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The statements a step runs page after page ({@link Database#update}, {@link Database#query},
 * {@link Database#first}, {@link Database#updateEach}),
 * kept prepared and run again with new values, on both engines: each run binds its own values,
 * values bind as through Jdbi, a refused statement is told apart as any other and its text runs
 * again afterwards, and more texts than are kept all still run.
 */
class PreparedStatementsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, email VARCHAR(40) NOT NULL, v BIGINT, amount DECIMAL(10, 2), flag BOOLEAN,"
            + " at VARCHAR(40), UNIQUE (email))";

    @TempDir
    Path dir;

    /** Runs {@code test} on a fresh table t on the engine named, then drops it. */
    private void on(String engine, java.util.function.Consumer<Database> test) throws Exception {
        if (engine.equals("sqlite")) {
            var file = dir.resolve("t.db");
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
                statement.execute(TABLE);
            }
            try (var database = Database.open(new ConnectionSpec("V3 database", "--to", ConnectionSpec.sqliteUrl(file), null), Database.Role.TARGET, "")) {
                test.accept(database);
            }
            return;
        }
        MariaDbServer server = TestServer.get();
        var name = "t_prepared_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        server.recreateDatabase(name);
        try {
            server.execute(name, TABLE + " ENGINE=InnoDB");
            try (var database = Database.open(new ConnectionSpec("V3 database", "--to", server.url(name), null), Database.Role.TARGET, "")) {
                test.accept(database);
            }
        } finally {
            server.dropDatabase(name);
        }
    }

    private static List<List<Object>> rows(Database database) {
        var rows = new ArrayList<List<Object>>();
        database.query("SELECT id, email, v, amount, flag, at FROM t WHERE id > ? ORDER BY id", List.of(0),
                rs -> rows.add(Arrays.asList(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        plain(rs.getBigDecimal(4)), rs.getBoolean(5), rs.getString(6))));
        return rows;
    }

    /** A decimal as written, whatever scale the engine keeps (SQLite keeps 1.50 as 1.5). */
    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void aKeptStatementRunsAgainWithEachCallsOwnValues(String engine) throws Exception {
        on(engine, database -> {
            var insert = "INSERT INTO t (id, email, v, amount, flag, at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)";
            var at = Instant.parse("2019-03-04T05:06:07Z");
            assertThat(database.update(insert, Arrays.asList(1, "a@x", 7L, new BigDecimal("1.50"), true, at, 2, "b@x", null, null, false, null)))
                    .isEqualTo(2);
            assertThat(database.update(insert, Arrays.asList(3, "c@x", 8L, BigDecimal.TEN, true, null, 4, "d@x", 9L, null, false, at)))
                    .as("the same text again, other values").isEqualTo(2);
            var atText = String.valueOf(database.dialect().timeValue(at));
            assertThat(rows(database)).containsExactly(
                    Arrays.asList(1L, "a@x", 7L, "1.5", true, atText),
                    Arrays.asList(2L, "b@x", null, null, false, null),
                    Arrays.asList(3L, "c@x", 8L, "10", true, null),
                    Arrays.asList(4L, "d@x", 9L, null, false, atText));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void aRefusedStatementIsToldApartAndItsTextRunsAgain(String engine) throws Exception {
        on(engine, database -> {
            var insert = "INSERT INTO t (id, email) VALUES (?, ?)";
            database.update(insert, List.of(1, "a@x"));
            var refused = catchThrowableOfType(() -> database.update(insert, List.of(2, "a@x")), StatementException.class);
            assertThat(database.refusal(refused)).isEqualTo(SqlError.DUPLICATE_KEY);
            assertThat(database.update(insert, List.of(2, "b@x"))).isEqualTo(1);
            assertThat(rows(database)).extracting(row -> row.get(1)).containsExactly("a@x", "b@x");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void theFirstRowAndABatchOfUpdatesEachWithItsOwnCount(String engine) throws Exception {
        on(engine, database -> {
            database.update("INSERT INTO t (id, email, v) VALUES (?, ?, ?), (?, ?, ?)", Arrays.asList(1, "a@x", 7L, 2, "b@x", null));
            var email = "SELECT email FROM t WHERE id >= ? ORDER BY id";
            assertThat(database.first(email, List.of(1), rs -> rs.getString(1))).contains("a@x");
            assertThat(database.first(email, List.of(3), rs -> rs.getString(1))).as("no row").isEmpty();
            assertThat(database.first("SELECT v FROM t WHERE id = ?", List.of(2), rs -> rs.getObject(1))).as("a NULL value").isEmpty();
            assertThat(database.updateEach("UPDATE t SET v = ? WHERE id = ?", List.of(List.of(8L, 1), List.of(9L, 3), List.of(10L, 2))))
                    .as("the row of id 3 is not there").containsExactly(1, 0, 1);
            assertThat(rows(database)).extracting(row -> row.get(2)).containsExactly(8L, 10L);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void moreTextsThanAreKeptAllRunAndRunAgain(String engine) throws Exception {
        on(engine, database -> {
            for (int round = 0; round < 2; round++) {
                for (int n = 1; n <= 100; n++) {
                    var found = new ArrayList<Long>();
                    // 100 texts: the oldest are let go and prepared again in the second round
                    database.query("SELECT ? + " + n, List.of(round), rs -> found.add(rs.getLong(1)));
                    assertThat(found).containsExactly((long) round + n);
                }
            }
        });
    }
}
