package upgrade.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseInterruptedException;
import upgrade.demo.MariaDbServer;
import upgrade.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Pages read ahead on a second connection are the pages a RowReader gives, from a checkpoint too,
 * and a lost reading connection is told as the loss of V2's connection, not as a failure of a row.
 */
class ReadAheadTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MariaDbServer server = TestServer.get();
    private final String name = "t_ahead_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private Database v2;

    @BeforeEach
    void create() {
        server.recreateDatabase(name);
        server.execute(name, "CREATE TABLE sd_items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, added DATETIME NOT NULL) ENGINE=InnoDB");
        server.execute(name, "INSERT INTO sd_items SELECT seq, CONCAT('item ', seq), '2019-03-17 10:00:00' FROM seq_1_to_1050");
        server.execute(name, "UPDATE sd_items SET added = '0000-00-00 00:00:00' WHERE id = 7");
        v2 = Database.open(new ConnectionSpec("V2 database", "--from", server.url(name), null), Database.Role.SOURCE, "sd_");
    }

    @AfterEach
    void drop() {
        v2.close();
        server.dropDatabase(name);
    }

    @Test
    void thePagesAreTheReadersPages() {
        var table = v2.table("items");
        assertThat(pages(new ReadAhead(v2, table, "id", 100, null))).isEqualTo(read(new RowReader(v2, table, "id", 100)));
        assertThat(pages(new ReadAhead(v2, table, "id", 100, "1000"))).hasSize(1).first()
                .satisfies(page -> assertThat(page).extracting(row -> row.get("id")).containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1001, 1050).boxed().toList()));
        var first = read(new RowReader(v2, table, "id", 100)).get(0);
        assertThat(first.get(6)).containsEntry("added", "0000-00-00 00:00:00").containsEntry("name", "item 7"); // the text V2 holds
    }

    @Test
    void aLostReadingConnectionIsBlamedOnV2() {
        var table = v2.table("items");
        try (var ahead = new ReadAhead(v2, table, "id", 100, null)) {
            var pages = ahead.iterator();
            assertThat(pages.next()).hasSize(100);
            assertThat(pages.next()).hasSize(100); // the third page is being read, or read
            for (var session : server.query(null, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + name + "'")) {
                server.execute(null, "KILL CONNECTION " + session.get("ID"));
            }
            var e = catchThrowable(() -> {
                while (pages.hasNext()) {
                    pages.next();
                }
            });
            assertThat(e).isInstanceOf(DatabaseInterruptedException.class)
                    .hasMessageStartingWith("the connection to the V2 database was lost while the upgrade read it");
        }
    }

    private static List<List<Map<String, Object>>> pages(ReadAhead ahead) {
        try (ahead) {
            return read(ahead);
        }
    }

    private static List<List<Map<String, Object>>> read(Iterable<List<Map<String, Object>>> pages) {
        var all = new ArrayList<List<Map<String, Object>>>();
        pages.forEach(all::add);
        return all;
    }
}
