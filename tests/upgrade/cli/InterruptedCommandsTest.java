package upgrade.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.cli.UpgradeCommandTest.Result;
import upgrade.db.DatabaseInterruptedException;
import upgrade.db.SqlError;
import upgrade.engine.RunListener;
import upgrade.plan.Plan;
import upgrade.support.FakeV2Root;
import upgrade.support.TestServer;
import upgrade.support.TestSite;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Outside {@code run} too, a lost connection or a lock held by another session is told as what it
 * is (exit 4, the database named), never as a row's or a mapping's fault: for each command's work
 * through the facade (verify, reset, check, plan, files, drift, mappings, one mapping by hand) and
 * on the command line. Connections are ended from a second session with KILL CONNECTION, as a
 * server restart or an administrator does.
 */
class InterruptedCommandsTest {
    private static TestSite site;
    private static Path root;

    @BeforeAll
    static void site() throws java.io.IOException {
        site = TestSite.sample("cd_");
        root = FakeV2Root.create(site);
    }

    @AfterAll
    static void dropSite() {
        site.close();
    }

    /** Each piece of work, given the facade and a plan made before the connection was lost. */
    private static Map<String, BiConsumer<Upgrade, Plan>> work() {
        var work = new LinkedHashMap<String, BiConsumer<Upgrade, Plan>>();
        work.put("plan", (up, plan) -> up.plan());
        work.put("check", (up, plan) -> up.check(plan));
        work.put("dry run", (up, plan) -> up.run(plan, RunListener.NONE, true));
        work.put("verify", (up, plan) -> up.verify(plan));
        work.put("files", (up, plan) -> up.files(plan, RunListener.NONE, false));
        work.put("mappings", (up, plan) -> up.mappings());
        work.put("status", (up, plan) -> up.status());
        work.put("preview", (up, plan) -> up.preview("users", 2));
        work.put("runOne", (up, plan) -> up.runOne("groups"));
        work.put("reset", (up, plan) -> up.reset());
        return work;
    }

    @Test
    void aLostV3ConnectionIsToldAsSuchByEveryCommandsWork() {
        work().forEach((name, work) -> {
            try (var up = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withV2Root(root))) {
                var plan = up.plan();
                killSessions(site.v3Url());
                var e = catchThrowable(() -> work.accept(up, plan));
                assertThat(e).as(name).isInstanceOf(DatabaseInterruptedException.class)
                        .hasMessageStartingWith("the connection to the V3 database was lost while the upgrade ");
                assertThat(((DatabaseInterruptedException) e).kind()).as(name).isEqualTo(SqlError.CONNECTION_LOST);
                assertThat(((DatabaseInterruptedException) e).exitCode()).as(name).isEqualTo(ExitCodes.DATABASE);
            }
        });
    }

    @Test
    void whatOnlyReadsV3SaysItReadItAndWhatWritesSaysItWroteIt() {
        try (var up = Upgrade.openV3(site.v3Url(), site.options())) {
            killSessions(site.v3Url());
            assertThat(catchThrowable(up::verify)).hasMessageStartingWith("the connection to the V3 database was lost while the upgrade read it");
        }
        try (var up = Upgrade.openV3(site.v3Url(), site.options())) {
            killSessions(site.v3Url());
            assertThat(catchThrowable(up::reset)).hasMessageStartingWith("the connection to the V3 database was lost while the upgrade wrote it");
        }
    }

    @Test
    void aLostV2ConnectionIsBlamedOnV2() {
        for (var work : List.<BiConsumer<Upgrade, Plan>>of((up, plan) -> up.drift(), (up, plan) -> up.check(plan),
                (up, plan) -> up.preview("users", 2))) {
            try (var up = Upgrade.open(site.v2Url(), site.v3Url(), site.options())) {
                var plan = up.plan();
                killSessions(site.v2Url());
                assertThat(catchThrowable(() -> work.accept(up, plan))).isInstanceOf(DatabaseInterruptedException.class)
                        .hasMessageStartingWith("the connection to the V2 database was lost while the upgrade read it");
            }
        }
    }

    @Test
    void aLockHeldByAnotherSessionStopsAMappingRunByHandWithoutBlamingARow() throws SQLException {
        var impatient = site.v3Url() + "&sessionVariables=innodb_lock_wait_timeout=1";
        try (var other = TestServer.get().connect(databaseOf(site.v3Url()));
             var up = Upgrade.open(site.v2Url(), impatient, site.options())) {
            other.setAutoCommit(false);
            other.createStatement().execute("SELECT * FROM cd_groups FOR UPDATE"); // as a running Cloudreve V3 might
            var e = catchThrowable(() -> up.runOne("groups"));
            assertThat(e).isInstanceOf(DatabaseInterruptedException.class).hasMessageContaining("another session held rows or tables it writes");
            assertThat(((DatabaseInterruptedException) e).kind()).isEqualTo(SqlError.LOCK_CONFLICT);
            other.rollback();
        }
        assertThat(site.rows("SELECT COUNT(*) AS n FROM {p}groups").get(0).get("n")).as("V3's three groups untouched").isEqualTo(3L);
    }

    @Test
    void resetOnTheCommandLineExitsWith4NamingTheDatabase() {
        var out = new StringWriter();
        var err = new StringWriter();
        var outWriter = new PrintWriter(out, true);
        // The confirmation is where the connection is lost: after the command opened V3, before it writes.
        var killing = new KillingTerminal(Terminal.scripted(site.exports(), outWriter, "y"), site.v3Url());
        var commandLine = UpgradeCommand.commandLine(killing);
        commandLine.setOut(outWriter);
        commandLine.setErr(new PrintWriter(err));
        var result = new Result(commandLine.execute("reset", "--to", site.v3Url(), "--v3-prefix", "cd_"), out.toString(), err.toString());
        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).startsWith("upgrade: the connection to the V3 database was lost while the upgrade wrote it")
                .contains("run the same command again").doesNotContain("internal error");
    }

    /** A scripted terminal that ends V3's sessions when asked a question. */
    private record KillingTerminal(Terminal terminal, String url) implements Terminal {
        @Override
        public Path workingDirectory() {
            return terminal.workingDirectory();
        }

        @Override
        public boolean canAsk() {
            return true;
        }

        @Override
        public void say(String line) {
            terminal.say(line);
        }

        @Override
        public String readLine(String prompt) {
            killSessions(url);
            return terminal.readLine(prompt);
        }

        @Override
        public String readPassword(String prompt) {
            return terminal.readPassword(prompt);
        }
    }

    private static String databaseOf(String url) {
        return url.replaceAll(".*/([^?]+)\\?.*", "$1");
    }

    /** Ends every session on the database of {@code url} from outside, as a server restart or an administrator's KILL does. */
    private static void killSessions(String url) {
        var name = databaseOf(url);
        for (var session : TestServer.get().query(null, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + name
                + "' AND ID <> CONNECTION_ID()")) {
            TestServer.get().execute(null, "KILL CONNECTION " + session.get("ID"));
        }
    }
}
