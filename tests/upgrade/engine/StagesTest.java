package upgrade.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.demo.MariaDbServer;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Side;
import upgrade.mapping.Where;
import upgrade.support.TestServer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run stages each V2 lookup once, on a V3 connection of its own, for all its steps: the same
 * lookup gives the same stage (and answers as V2's collation compares), another match another
 * stage, and closing the run's stages closes that connection. Outside a run each step stages its own.
 */
class StagesTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MariaDbServer server = TestServer.get();
    private final String v2Name = "t_v2_stages_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private final String v3Name = "t_v3_stages_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    private Database v2;
    private Database v3;

    @BeforeEach
    void create() {
        server.recreateDatabase(v2Name);
        server.recreateDatabase(v3Name);
        server.execute(v2Name, "CREATE TABLE sd_dirs (id INT PRIMARY KEY, owner INT NOT NULL, path VARCHAR(100) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL) ENGINE=InnoDB");
        server.execute(v2Name, "INSERT INTO sd_dirs VALUES (1, 1, '/'), (2, 1, '/Design'), (3, 2, '/'), (4, 2, '/design')");
        v2 = Database.open(new ConnectionSpec("V2 database", "--from", server.url(v2Name), null), Database.Role.SOURCE, "sd_");
        v3 = Database.open(new ConnectionSpec("V3 database", "--to", server.url(v3Name), null), Database.Role.TARGET, "");
    }

    @AfterEach
    void drop() {
        v3.close();
        v2.close();
        server.dropDatabase(v2Name);
        server.dropDatabase(v3Name);
    }

    private static LookupSpec spec(String name, Map<String, Object> match) {
        return new LookupSpec(name, new Where("lookups.yaml", 1, 1), Side.SOURCE, "dirs", List.of("owner", "path"), "id", match, null, false);
    }

    @Test
    void aRunStagesEachLookupOnceOnAConnectionOfItsOwn() {
        var table = v2.table("dirs");
        var connectionsBefore = connectionsTo(v3Name);
        try (var stages = Stages.shared(v3)) {
            var roots = stages.lookup(v2, table, spec("v2_folder", Map.of()), "id", 2).orElseThrow();
            assertThat(roots.find(List.of(1, "/design"))).as("V2's collation: case does not count").contains(2L);
            assertThat(connectionsTo(v3Name)).isEqualTo(connectionsBefore + 1);

            // another step, another name for the same lookup: the same stage, with what it has found
            assertThat(stages.lookup(v2, table, spec("folder_by_path", Map.of()), "id", 2)).containsSame(roots);
            assertThat(roots.known(List.of(1, "/design"))).as("what it found before").isEqualTo(Optional.of(2L));
            var onlyOwnerTwo = stages.lookup(v2, table, spec("v2_folder", Map.of("owner", 2)), "id", 2).orElseThrow();
            assertThat(onlyOwnerTwo).isNotSameAs(roots);
            assertThat(onlyOwnerTwo.find(List.of(1, "/design"))).isEmpty();
            assertThat(connectionsTo(v3Name)).as("both stages on the one connection").isEqualTo(connectionsBefore + 1);
        }
        assertThat(connectionsTo(v3Name)).as("closed with the run").isEqualTo(connectionsBefore);
    }

    @Test
    void outsideARunEachStepStagesItsOwn() {
        try (var stages = Stages.perStep()) {
            assertThat(stages.lookup(v2, v2.table("dirs"), spec("v2_folder", Map.of()), "id", 2)).isEmpty();
        }
    }

    private long connectionsTo(String database) {
        return server.query(null, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + database + "'").size();
    }
}
