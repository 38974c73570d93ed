package upgrade.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseInterruptedException;
import upgrade.db.SqlError;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.RowMapping;
import upgrade.mapping.TargetDatabase;
import upgrade.report.StepCounter;
import upgrade.support.TestServer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * RowWriter on a real V3 3.0.0 database: a lost connection or a lock held by another session
 * stops the writing without blaming any row; a duplicate is listed under the key the database
 * holds it in, found by asking the database, not by reading its message.
 */
class RowWriterTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String USERS = """
            target: users
            source: users
            columns:
              id: {copy: id}
              email: {copy: email}
              nick: {copy: nick}
            """;

    private final MariaDbServer server = TestServer.get();
    private final String name = "t_writer_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private Database database;
    private StepCounter counter;
    private final List<Object> written = new ArrayList<>();

    @BeforeEach
    void create() {
        server.recreateDatabase(name);
        DemoSite.createV3(server, name, ""); // V3 3.0.0 at first start: the admin is user 1, admin@cloudreve.org
        database = Database.open(new ConnectionSpec("V3 database", "--to", server.url(name), null), Database.Role.TARGET, "");
        counter = new StepCounter("users", "users.yaml", "sd_users", "users");
    }

    @AfterEach
    void drop() {
        database.close();
        server.dropDatabase(name);
    }

    private RowWriter writer() {
        var loader = new MappingLoader(new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), Instant.now())));
        var mapping = (RowMapping) loader.load(new MappingFiles("test", List.of(new MappingFiles.File("users.yaml", USERS))))
                .find("users").orElseThrow();
        return new RowWriter(database, database.table("users"), mapping, TargetDatabase.UNDECLARED, null, 100, counter,
                row -> written.add(row.sourceKey()), null, new WriteCount());
    }

    private static Outcome.Write user(int id, String email) {
        var values = new LinkedHashMap<String, Object>();
        values.put("id", id);
        values.put("email", email);
        values.put("nick", "user " + id);
        return new Outcome.Write(id, values, List.of(), List.of(), Map.of());
    }

    @Test
    void aLostConnectionIsNotBlamedOnARow() {
        var writer = writer();
        writer.add(user(2, "bob@example.com"));
        writer.add(user(3, "carol@example.com"));
        var id = database.handle().createQuery("SELECT CONNECTION_ID()").mapTo(Long.class).one();
        server.execute(null, "KILL CONNECTION " + id);
        var e = catchThrowable(writer::flush);
        assertThat(e).isInstanceOf(DatabaseInterruptedException.class).isNotInstanceOf(DataException.class)
                .hasMessageStartingWith("the connection to the V3 database was lost while the upgrade wrote it")
                .hasMessageNotContaining("source row");
        assertThat(((DatabaseInterruptedException) e).kind()).isEqualTo(SqlError.CONNECTION_LOST);
        assertThat(written).isEmpty();
    }

    @Test
    void aLockHeldByAnotherSessionIsNotBlamedOnARow() throws Exception {
        try (var other = server.connect(name)) {
            other.setAutoCommit(false);
            other.createStatement().execute("INSERT INTO users (id, email) VALUES (3, 'held@example.com')"); // not committed: id 3 is locked
            database.handle().execute("SET SESSION innodb_lock_wait_timeout = 1");
            var writer = writer();
            writer.add(user(2, "bob@example.com"));
            writer.add(user(3, "carol@example.com"));
            var e = catchThrowable(writer::flush);
            assertThat(e).isInstanceOf(DatabaseInterruptedException.class)
                    .hasMessageContaining("the V3 database stopped a statement of the upgrade because another session held rows")
                    .hasMessageNotContaining("source row");
            assertThat(((DatabaseInterruptedException) e).kind()).isEqualTo(SqlError.LOCK_CONFLICT);
            other.rollback();
        }
    }

    @Test
    void aDuplicateIsListedUnderTheKeyTheDatabaseHoldsItIn() {
        var writer = writer();
        writer.add(user(1, "someone@example.com"));  // the admin's id
        writer.add(user(2, "Admin@Cloudreve.org"));  // the admin's e-mail, equal but for case under utf8mb4_general_ci
        writer.add(user(3, "carol@example.com"));
        writer.flush();
        var report = counter.report();
        assertThat(report.skippedKeys()).containsEntry("already in users under the unique key 'PRIMARY' (a duplicate in the source)", List.of("1"))
                .containsEntry("already in users under the unique key 'uix_users_email' (a duplicate in the source)", List.of("2"));
        assertThat(written).containsExactly(3);
    }
}
