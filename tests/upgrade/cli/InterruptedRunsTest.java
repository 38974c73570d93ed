package upgrade.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.db.DatabaseInterruptedException;
import upgrade.engine.CancelledException;
import upgrade.engine.RunListener;
import upgrade.support.FakeV2Root;
import upgrade.support.TestServer;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static upgrade.cli.UpgradeCommandTest.execute;

/**
 * A run that dies at any moment (while it copies V3's tables, between pages, after the commit,
 * during the files on disk or the verification) or a reset that dies half-way is completed by
 * running the same command again, which says what it continues; the end is the same as an
 * uninterrupted run's. Deaths are simulated by an Error thrown from a listener (nothing catches it
 * on its way out), or by leaving the ledger as a death leaves it. V3 is on MariaDB here, in a SQLite
 * file in {@link InterruptedRunsOnSqliteTest}, which runs the same tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptedRunsTest {
    private static final List<String> TABLES = List.of("users", "groups", "policies", "folders", "files", "shares", "settings");
    private static final int BATCH = 3;

    /** Stands for the process dying at that moment. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** What an uninterrupted 'run' leaves: V3's rows (without times), the share-link map and the files it put on disk. */
    record Outcome(Map<String, List<Map<String, Object>>> rows, List<String> links, TreeSet<String> files) {}

    private Outcome uninterrupted;

    /** The product V3's database is on. */
    TestSite.Engine engine() {
        return TestSite.Engine.MARIADB;
    }

    /** The sample site and a V3 3.0.0 with the prefix cd_, on {@link #engine()}. */
    TestSite newSite() {
        return TestSite.sample("cd_", engine(), "3.0.0");
    }

    @BeforeAll
    void runOnceWithoutInterruption() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            var result = execute(args("run", site, root));
            assertThat(result.code()).as(result.out() + result.err()).isZero();
            uninterrupted = outcome(site, root);
        }
    }

    private static String[] args(String command, TestSite site, Path root) {
        return new String[] {command, "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--v2-root", root.toString(),
                "--export-dir", site.exports().toString(), "--batch-size", String.valueOf(BATCH), "--yes"};
    }

    /** The options the command line derives from {@link #args}, for the run that is killed. */
    private static UpgradeOptions options(TestSite site, Path root) {
        return site.options().withV2Root(root).withBatchSize(BATCH).withV2Version("2.0.0-Alpha1");
    }

    private static Outcome outcome(TestSite site, Path root) throws IOException {
        var rows = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var table : TABLES) {
            var list = new ArrayList<Map<String, Object>>();
            for (var row : site.rows("SELECT * FROM {p}" + table + " ORDER BY id")) {
                row.remove("created_at");
                row.remove("updated_at");
                list.add(row);
            }
            rows.put(table, list);
        }
        var files = new TreeSet<String>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString()));
        }
        return new Outcome(rows, Files.readAllLines(site.exports().resolve("v2-share-links.csv")), files);
    }

    /** The run ended well and left what an uninterrupted one leaves, with its report. */
    private void endsAsUninterrupted(UpgradeCommandTest.Result result, TestSite site, Path root) throws IOException {
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).doesNotContain("[FAIL]").contains("The V3 database follows V3's rules.", "Next steps:");
        assertThat(outcome(site, root)).isEqualTo(uninterrupted);
        assertThat(site.exports().resolve("upgrade-report.json")).exists();
        assertThat(site.exports().resolve("v2-share-links.csv.partial")).doesNotExist();
    }

    private static void killedIn(TestSite site, Path root, RunListener listener) {
        try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
            assertThatThrownBy(() -> upgrade.run(listener)).isInstanceOf(Killed.class);
        }
    }

    @Test
    void aRunKilledWhileItCopiedV3sTablesStartsAgain() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            killedIn(site, root, new RunListener() {
                @Override
                public void snapshotTaken(String table) {
                    if (table.equals("cd_users")) {
                        throw new Killed();
                    }
                }
            });
            assertThat(site.v3Tables()).as("some tables copied").anyMatch(table -> table.startsWith("cd_upgrade_first_"));
            var check = execute(args("check", site, root));
            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).contains("A run was stopped while it copied V3's tables, before it wrote any row: 'run' starts again.");
            var run = execute(args("run", site, root));
            assertThat(run.out()).contains("An earlier run was stopped while it copied V3's tables, before it wrote any row; starting again.");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aRunKilledBetweenPagesContinuesAfterTheLastCommittedPage() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            killedIn(site, root, new RunListener() {
                @Override
                public void progress(String name, long rowsRead) {
                    if (name.equals("files") && rowsRead > BATCH) {
                        throw new Killed(); // the second page of files is written but not committed
                    }
                }
            });
            var check = execute(args("check", site, root));
            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).doesNotContain("[FAIL]").contains("An upgrade of this V3 is unfinished (started ",
                    "steps done: policies, groups, users, roots, missing-roots, folders; step 'files' committed up to key 3). "
                            + "Run the same 'run' command to continue it from step 'files' after key 3, or 'reset' to put V3 back as at its first start.");
            var plan = execute(args("plan", site, root));
            assertThat(plan.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(plan.err()).contains("[FAIL] no run of this upgrade is recorded in V3 (a dry run plans from V3 as at its first start)",
                    "An upgrade of this V3 is unfinished", "fix: run 'run' to continue or verify the recorded run, or 'reset' first");
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("Continuing the interrupted run of [-0-9: ]+ from step 'files' after key 3 \\(steps done: ");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aRunWhoseV3ConnectionIsLostKeepsItsCommittedPagesAndContinues() throws IOException {
        assumeTrue(engine() == TestSite.Engine.MARIADB, "a SQLite file has no connection to lose");
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
                var e = catchThrowable(() -> upgrade.run(new RunListener() {
                    @Override
                    public void progress(String name, long rowsRead) {
                        if (name.equals("files") && rowsRead > BATCH) {
                            killV3Sessions(site); // the second page of files is written but not committed
                        }
                    }
                }));
                assertThat(e).isInstanceOf(DatabaseInterruptedException.class)
                        .hasMessageStartingWith("the connection to the V3 database was lost while the upgrade wrote it");
                assertThat(((DatabaseInterruptedException) e).exitCode()).isEqualTo(ExitCodes.DATABASE);
            }
            var check = execute(args("check", site, root));
            assertThat(check.out()).as("nothing was put back: the committed pages stay").contains(
                    "steps done: policies, groups, users, roots, missing-roots, folders; step 'files' committed up to key 3).");
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("Continuing the interrupted run of [-0-9: ]+ from step 'files' after key 3 \\(steps done: ");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aV3ConnectionLostAfterTheCommitKeepsEveryRowAndIsVerifiedAgain() throws IOException {
        assumeTrue(engine() == TestSite.Engine.MARIADB, "a SQLite file has no connection to lose");
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
                var e = catchThrowable(() -> upgrade.run(new RunListener() {
                    @Override
                    public void exportsWritten(List<Path> files) {
                        killV3Sessions(site); // every row is committed; the files on disk follow
                    }
                }));
                assertThat(e).isInstanceOf(DatabaseInterruptedException.class)
                        .hasMessageStartingWith("the connection to the V3 database was lost while the upgrade wrote it");
            }
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("The upgrade finished on [-0-9: ]+; verifying again");
            endsAsUninterrupted(run, site, root);
        }
    }

    /**
     * Ctrl-C for real: SIGINT to a separate JVM running 'run', sent while that run waits in the middle
     * of its first page of shares (a gap lock this test holds on V3's empty shares table blocks the
     * insert, so the moment is certain, not a matter of timing). The run finishes that page, says
     * what V3 keeps and how to go on, and exits 130; the same command then finishes the upgrade.
     */
    @Test
    void ctrlCStopsAfterThePageBeingWrittenAndTheSameCommandContinues() throws Exception {
        assumeTrue(engine() == TestSite.Engine.MARIADB, "the run is held mid-page by a MariaDB gap lock; SQLite has no such lock");
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            var command = new ArrayList<>(withCtrlC());
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "upgrade"));
            command.addAll(List.of(args("run", site, root)));
            command.set(command.indexOf("--batch-size") + 1, "1");
            var output = Files.createTempFile("upgrade-ctrl-c-", ".txt");
            try (var blocker = site.connectV3()) {
                blocker.setAutoCommit(false);
                // a locking read of the empty table locks the gap above its last row: other sessions
                // may still read and copy the table, but an insert into it waits until this ends
                blocker.createStatement().executeQuery("SELECT id FROM cd_shares FOR UPDATE").close();
                var run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                try {
                    awaitInsertWaitingOn(blocker, "cd_shares", run);
                    new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).inheritIO().start().waitFor();
                    Thread.sleep(500); // the shutdown hook asks the run to stop before the page can go on
                    blocker.rollback();
                    assertThat(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the run ended").isTrue();
                } finally {
                    run.destroyForcibly();
                }
                var printed = Files.readString(output);
                assertThat(run.exitValue()).as(printed).isEqualTo(130);
                assertThat(printed).contains("Stopped on request. Kept in V3, each page committed with its progress: ",
                        "step 'shares' committed up to key 1");
            }
            var check = execute(args("check", site, root));
            assertThat(check.out()).contains("step 'shares' committed up to key 1)");
            var again = execute(args("run", site, root));
            assertThat(again.out()).containsPattern("Continuing the interrupted run of [-0-9: ]+ from step 'shares' after key 1 \\(steps done: ");
            endsAsUninterrupted(again, site, root);
        }
    }

    /**
     * What starts the run so that Ctrl-C reaches it: a shell starts a background job (the tests run
     * with {@code &}, say) with SIGINT ignored, a child inherits that, and a JVM leaves an ignored
     * SIGINT ignored; {@code env --default-signal=INT} gives the run the terminal's default back.
     */
    private static List<String> withCtrlC() throws java.io.IOException {
        var status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return List.of();
        }
        var ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:")).findFirst()
                .map(line -> new java.math.BigInteger(line.substring("SigIgn:".length()).trim(), 16)).orElse(java.math.BigInteger.ZERO);
        return ignored.testBit(1) ? List.of("env", "--default-signal=INT") : List.of(); // bit 1: signal 2, SIGINT
    }

    /** Until a session other than {@code holder} waits to insert into {@code table}; fails if {@code run} ends first. */
    private static void awaitInsertWaitingOn(java.sql.Connection holder, String table, Process run) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (var rs = holder.createStatement().executeQuery("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                    + " WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%" + table + "%' AND trx_mysql_thread_id <> CONNECTION_ID()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            assertThat(run.isAlive()).as("the run still works when it reaches the shares").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the run never reached the insert into " + table);
    }

    /** Ends every session on the site's V3 database from outside, as a server restart or an administrator's KILL does. */
    private static void killV3Sessions(TestSite site) {
        for (var session : site.rows("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")) {
            TestServer.get().execute(null, "KILL CONNECTION " + session.get("ID"));
        }
    }

    @Test
    void aRunKilledAfterItsCommitBeforeTheExportFilesIsVerifiedAgain() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            killedIn(site, root, new RunListener() {
                @Override
                public void committed() {
                    throw new Killed();
                }
            });
            assertThat(site.exports().resolve("v2-share-links.csv")).doesNotExist();
            var check = execute(args("check", site, root));
            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).doesNotContain("[FAIL]").containsPattern("An upgrade of this V3 finished on [-0-9: ]+ but was not verified: "
                    + "'run' again only verifies it \\(and redoes the export files and the files on disk\\)");
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("The upgrade finished on [-0-9: ]+; verifying again");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aRunKilledAfterTheExportFilesBeforeTheFilesOnDiskIsVerifiedAgainAfterThem() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            killedIn(site, root, new RunListener() {
                @Override
                public void exportsWritten(List<Path> files) {
                    throw new Killed();
                }
            });
            assertThat(root.resolve("avatar")).as("no avatar copied yet").doesNotExist();
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("The upgrade finished on [-0-9: ]+; verifying again");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aRunKilledDuringTheFilesOnDiskIsVerifiedAgainAfterThem() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            killedIn(site, root, new RunListener() {
                @Override
                public void stepStarted(String name, String source, String target, long rows) {
                    if (name.equals("thumbnails")) {
                        throw new Killed();
                    }
                }
            });
            assertThat(root.resolve("public/uploads/20190317/2/2_AbCdEfGh_photo.jpg._thumb")).as("not copied yet").doesNotExist();
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("The upgrade finished on [-0-9: ]+; verifying again");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aRunKilledDuringItsVerificationIsVerifiedAgain() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
                upgrade.run(); // what 'run' has done when it dies verifying: every row, the export files and the files on disk
            }
            Files.delete(site.exports().resolve("v2-share-links.csv"));
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("The upgrade finished on [-0-9: ]+; verifying again");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aSecondRunOfAFinishedUpgradeSaysSoAndVerifiesAgain() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            endsAsUninterrupted(execute(args("run", site, root)), site, root);
            var check = execute(args("check", site, root));
            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).containsPattern("This V3 was upgraded on [-0-9: ]+ \\(verified on [-0-9: ]+: passed\\): 'run' again only verifies it");
            var again = execute(args("run", site, root));
            assertThat(again.out()).containsPattern("This V3 was already upgraded on [-0-9: ]+ \\(verified on [-0-9: ]+: passed\\); verifying again")
                    .doesNotContain("Upgrade V2 into V3 now?", "Back V2 up first");
            endsAsUninterrupted(again, site, root);
        }
    }

    @Test
    void aStopFromAnotherThreadSaysWhatWasKeptAndTheCommandsThatContinueOrUndoIt() throws Exception {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            CancelledException stopped;
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
                var ctrlC = new Thread(upgrade::stop); // as the shutdown hook does on Ctrl-C
                stopped = catchThrowableOfType(CancelledException.class, () -> upgrade.run(new RunListener() {
                    @Override
                    public void progress(String name, long rowsRead) {
                        if (name.equals("folders") && !ctrlC.isAlive() && ctrlC.getState() == Thread.State.NEW) {
                            ctrlC.start();
                            try {
                                ctrlC.join();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }));
            }
            assertThat(stopped.exitCode()).isEqualTo(130);
            assertThat(stopped.getMessage()).isEqualTo("stopped on request after step 'folders' committed up to key 3;\n"
                    + "  kept in V3, committed: steps done: policies, groups, users, roots, missing-roots; step 'folders' committed up to key 3");
            var given = new ArrayList<>(List.of(args("run", site, root)).subList(1, args("run", site, root).length));
            var withoutPassword = site.v2Url().replaceAll("&password=[^&]*", "");
            given.set(given.indexOf("--from") + 1, withoutPassword + "&password=secret");
            var out = new java.io.StringWriter();
            RunCommand.stopped(stopped, given, new java.io.PrintWriter(out));
            var redactedFrom = "'" + withoutPassword + "&password=***'";
            assertThat(out.toString()).contains(
                    "Stopped on request. Kept in V3, each page committed with its progress: steps done: policies, groups, users, roots,"
                            + " missing-roots; step 'folders' committed up to key 3.",
                    "To continue from step 'folders' after key 3, run the same command again:\n  upgrade run --from " + redactedFrom,
                    " --batch-size 3 --yes\n",
                    "To undo what was written instead (V3 back as at its first start):\n  upgrade reset --from " + redactedFrom)
                    .doesNotContain("secret").doesNotContain("reset --yes");
            assertThat(out.toString().lines().filter(line -> line.startsWith("  upgrade reset"))).singleElement()
                    .satisfies(line -> assertThat(line).doesNotContain("--yes"));
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("Continuing the interrupted run of [-0-9: ]+ from step 'folders' after key 3 \\(");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aStopAskedForBeforeTheFirstPageStopsAfterIt() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options(site, root))) {
                assertThatThrownBy(() -> upgrade.run(new RunListener() {
                    @Override
                    public void snapshotTaken(String table) {
                        upgrade.stop(); // Ctrl-C while V3's tables are copied
                    }
                })).isInstanceOf(CancelledException.class).hasMessageStartingWith("stopped on request after step 'policies' committed up to key 3;");
            }
            var run = execute(args("run", site, root));
            assertThat(run.out()).containsPattern("Continuing the interrupted run of [-0-9: ]+ from step 'policies' after key 3 \\(no step done yet\\)");
            endsAsUninterrupted(run, site, root);
        }
    }

    @Test
    void aResetKilledAfterItRestoredV3IsFinishedByTheNextReset() throws IOException {
        try (var site = newSite()) {
            var firstStart = site.snapshotV3();
            var root = FakeV2Root.create(site);
            endsAsUninterrupted(execute(args("run", site, root)), site, root);
            // what a reset leaves when it dies after restoring V3 and dropping the copies, before dropping the ledger
            site.v3("UPDATE {p}upgrade_run SET stage = 'RESETTING'");
            for (var table : TABLES) {
                site.v3("DELETE FROM {p}" + table).v3("INSERT INTO {p}" + table + " SELECT * FROM {p}upgrade_first_" + table)
                        .v3("DROP TABLE {p}upgrade_first_" + table);
                if (engine() == TestSite.Engine.SQLITE) { // SQLite restarts the ids in the same transaction as it restores the rows
                    site.v3("UPDATE sqlite_sequence SET seq = COALESCE((SELECT MAX(id) FROM {p}" + table + "), 0) WHERE name = '{p}" + table + "'")
                            .v3("DELETE FROM sqlite_sequence WHERE seq = 0");
                }
            }
            var check = execute(args("check", site, root));
            assertThat(check.code()).as(check.out()).isZero();
            assertThat(check.out()).contains("Putting V3 back as at its first start was interrupted: 'reset' (or 'run', before it starts) finishes it.");
            var reset = execute(args("reset", site, root));
            assertThat(reset.code()).as(reset.out() + reset.err()).isZero();
            assertThat(reset.out()).contains("V3 was already as at its first start; the leftovers of an interrupted run or reset were removed.");
            assertThat(site.snapshotV3()).isEqualTo(firstStart);
        }
    }

    @Test
    void aResetKilledBeforeItRestoredV3IsFinishedByTheNextRunBeforeItStarts() throws IOException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            endsAsUninterrupted(execute(args("run", site, root)), site, root);
            site.v3("UPDATE {p}upgrade_run SET stage = 'RESETTING'"); // the first thing a reset commits
            var run = execute(args("run", site, root));
            assertThat(run.out()).contains("Putting V3 back as at its first start was interrupted; finishing that first,"
                    + " then the upgrade starts from the beginning.");
            endsAsUninterrupted(run, site, root);
        }
    }
}
