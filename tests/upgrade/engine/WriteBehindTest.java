package upgrade.engine;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.report.RunReport;
import upgrade.report.StepReport;
import upgrade.support.TestSite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A page written while the next one is worked out ({@link WriteBehind}) leaves V3 and the report as
 * writing it first did, and a write's failure reaches the step as it did.
 */
class WriteBehindTest {
    @Test
    void aPageIsWrittenOnTheOtherThreadWhileTheQuietRoundRuns() throws InterruptedException {
        var thread = new AtomicReference<String>();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var behind = new WriteBehind("files")) {
            behind.schedule(() -> {
                thread.set(Thread.currentThread().getName());
                started.countDown();
                await(release);
            });
            behind.begins();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue(); // it runs while this thread goes on
            release.countDown();
            behind.ends(); // and ends() waits for it
        }
        assertThat(thread.get()).isEqualTo("upgrade-write-behind");
    }

    @Test
    void aWriteWhoseQuietRoundNeverCameRunsWhenTheDatabaseIsNeeded() {
        var thread = new AtomicReference<String>();
        try (var behind = new WriteBehind("files")) {
            behind.schedule(() -> thread.set(Thread.currentThread().getName()));
            behind.ends();
            assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
            behind.ends(); // nothing left: no second write
        }
    }

    @Test
    void aFailedWriteIsThrownUnchangedWhenTheDatabaseIsNeeded() {
        var refused = new DataException("the source row with key 7 was refused", "fix it", null);
        try (var behind = new WriteBehind("files")) {
            behind.schedule(() -> {
                throw refused;
            });
            behind.begins();
            assertThat(catchThrowable(behind::ends)).isSameAs(refused);
        }
    }

    @Test
    void aWriteNotStartedWhenTheStepFailsIsDropped() {
        var ran = new AtomicReference<Boolean>(false);
        var behind = new WriteBehind("files");
        behind.schedule(() -> ran.set(true));
        behind.close();
        assertThat(ran.get()).isFalse();
    }

    @Test
    void onlyOnePageWaits() {
        try (var behind = new WriteBehind("files")) {
            behind.schedule(() -> { });
            assertThat(catchThrowable(() -> behind.schedule(() -> { }))).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Pages of 2 rows (written behind) and one page per table (nothing to write behind) give the same V3 and the same report. */
    @Test
    void theDirtySiteComesOutAsWithoutWriteBehind() {
        try (var paged = TestSite.sample("wb_").v2Script("fixtures/v2-dirty-site.sql");
             var whole = TestSite.sample("wb_").v2Script("fixtures/v2-dirty-site.sql")) {
            var threads = new ConcurrentHashMap<String, Set<String>>();
            RunReport pagedReport;
            try (var upgrade = Upgrade.open(paged.v2Url(), paged.v3Url(), paged.options().withBatchSize(2))) {
                pagedReport = upgrade.run(new RunListener() {
                    @Override
                    public void progress(String name, long rowsRead) {
                        threads.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                    }
                });
            }
            RunReport wholeReport;
            try (var upgrade = Upgrade.open(whole.v2Url(), whole.v3Url(), whole.options().withBatchSize(100_000))) {
                wholeReport = upgrade.run();
            }
            assertThat(threads.get("files")).as("the files step's pages were written behind").contains("upgrade-write-behind");
            assertThat(counts(pagedReport)).isEqualTo(counts(wholeReport));
            for (var table : List.of("users", "folders", "files", "shares")) {
                // created_at/updated_at fall back to each run's own start for zero V2 dates
                var sql = "SELECT * FROM {p}" + table + " ORDER BY id";
                assertThat(withoutTimes(paged.rows(sql))).as(table).isEqualTo(withoutTimes(whole.rows(sql)));
            }
        }
    }

    /** A row the database refuses while its page is written behind stops the run naming it, and V3 is put back, as before. */
    @Test
    void aRowRefusedOnTheWriteBehindThreadStopsTheRunAsBefore() {
        try (var site = TestSite.sample("wr_").v2Script("fixtures/v2-dirty-site.sql")) {
            var refused = site.v2Rows("SELECT MAX(id) AS id FROM sd_files").get(0).get("id");
            site.v3("CREATE TRIGGER wr_refuse BEFORE INSERT ON {p}files FOR EACH ROW BEGIN"
                    + " IF NEW.id = " + refused + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by a test trigger'; END IF; END");
            Throwable failure;
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withBatchSize(2))) {
                failure = catchThrowable(upgrade::run);
            }
            assertThat(failure).isInstanceOf(DataException.class)
                    .hasMessageContaining("key " + refused).hasMessageContaining("refused by a test trigger")
                    .hasMessageContaining("nothing of this run was kept");
            assertThat(site.rows("SELECT id FROM {p}files")).isEmpty();
            site.v3("DROP TRIGGER IF EXISTS wr_refuse");
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withBatchSize(2))) {
                assertThat(upgrade.run().step("files").orElseThrow().balanced()).isTrue();
            }
            assertThat(site.rows("SELECT id FROM {p}files WHERE id = " + refused)).hasSize(1);
        }
    }

    /**
     * A user allowed two connections (one to V2, one to V3) gets neither a second V2 connection to
     * read ahead nor a second V3 one for the lookups: the run goes through on the two, writing behind
     * on V3's one.
     */
    @Test
    void aUserAllowedOneConnectionPerDatabaseStillUpgrades() {
        try (var site = TestSite.sample("wo_").v2Script("fixtures/v2-dirty-site.sql")) {
            var server = upgrade.support.TestServer.get();
            var hosts = List.of("%", "localhost", "127.0.0.1");
            for (var host : hosts) {
                var created = catchThrowable(() -> server.execute(null,
                        "CREATE OR REPLACE USER 'wb_two'@'" + host + "' IDENTIFIED BY 'two-pw' WITH MAX_USER_CONNECTIONS 2"));
                org.junit.jupiter.api.Assumptions.assumeTrue(created == null || !String.valueOf(created.getMessage()).contains("skip-grant-tables"),
                        "the test server runs without accounts (--skip-grant-tables, as the embedded one does), so no user can be limited");
                if (created != null) {
                    throw new AssertionError(created);
                }
                server.execute(null, "GRANT ALL ON `" + databaseOf(site.v2Url()) + "`.* TO 'wb_two'@'" + host + "'");
                server.execute(null, "GRANT ALL ON `" + databaseOf(site.v3Url()) + "`.* TO 'wb_two'@'" + host + "'");
            }
            try {
                var threads = ConcurrentHashMap.<String>newKeySet();
                try (var upgrade = Upgrade.open(asLimitedUser(site.v2Url()), asLimitedUser(site.v3Url()), site.options().withBatchSize(2))) {
                    var report = upgrade.run(new RunListener() {
                        @Override
                        public void progress(String name, long rowsRead) {
                            if (name.equals("files")) {
                                threads.add(Thread.currentThread().getName());
                            }
                        }
                    });
                    assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).isTrue());
                }
                assertThat(threads).contains("upgrade-write-behind");
                assertThat(((Number) site.rows("SELECT COUNT(*) AS n FROM {p}files").get(0).get("n")).longValue()).isPositive();
            } finally {
                for (var host : hosts) {
                    server.execute(null, "DROP USER IF EXISTS 'wb_two'@'" + host + "'");
                }
            }
        }
    }

    private static String databaseOf(String url) {
        return url.replaceAll("^jdbc:mysql://[^/]+/([^?]+)\\?.*$", "$1");
    }

    private static String asLimitedUser(String url) {
        return url.replaceFirst("user=[^&]*", "user=wb_two").replaceFirst("&password=[^&]*", "") + "&password=two-pw";
    }

    private static List<List<Object>> counts(RunReport report) {
        var counts = new ArrayList<List<Object>>();
        for (StepReport step : report.steps()) {
            counts.add(List.of(step.name(), step.read(), step.written(), step.targetRows(), step.passedOver(), step.skipped(),
                    step.skippedKeys(), step.notes(), step.noteKeys()));
        }
        return counts;
    }

    private static List<Map<String, Object>> withoutTimes(List<Map<String, Object>> rows) {
        var kept = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            var copy = new java.util.LinkedHashMap<>(row);
            copy.remove("created_at");
            copy.remove("updated_at");
            kept.add(copy);
        }
        return kept;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
