package upgrade.demo;

import org.junit.jupiter.api.Test;
import upgrade.support.TestServer;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo script's command line: the demo itself, and every upgrade command beside it. */
class DemoCommandTest {

    /** What one command line of the demo script printed, and its exit code. */
    private record Printed(int code, String out, String err) {}

    private static Printed demo(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = DemoCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        var code = commandLine.execute(args);
        return new Printed(code, out.toString(), err.toString());
    }

    @Test
    void theDemoRunsTheUpgradeAndShowsTheResult() {
        var server = TestServer.get();
        try {
            var run = demo("demo", "--server", server.serverUrl());
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("$ upgrade run --from", "Committed in",
                    "1 | admin@cloudreve.org | Admin | 0 | 1 | gravatar", "register_enabled | 0");
        } finally {
            server.dropDatabase(DemoCommand.V2_DATABASE);
            server.dropDatabase(DemoCommand.V3_DATABASE);
        }
    }

    @Test
    void theDemoCanPutV3IntoASqliteFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var server = TestServer.get();
        try {
            var file = dir.resolve("cloudreve.db");
            var run = demo("demo", "--server", server.serverUrl(), "--sqlite", file.toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("V3 3.0.0 at first start (prefix none): sqlite:" + file, "Committed in",
                    "cloudreve.db> SELECT id, email, nick", "1 | admin@cloudreve.org | Admin | 0 | 1 | gravatar", "register_enabled | 0");
            var again = demo("demo", "--server", server.serverUrl(), "--sqlite", file.toString());
            assertThat(again.code()).as("an existing file is never overwritten").isNotZero();
            assertThat(again.err()).contains(file + " already exists");
        } finally {
            server.dropDatabase(DemoCommand.V2_DATABASE);
        }
    }

    @Test
    void theDemoUpgradesIntoV383OnRequest() {
        var server = TestServer.get();
        try {
            var run = demo("demo", "--server", server.serverUrl(), "--v3", "3.8.3");
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("V3 3.8.3 at first start", "Target: V3 3.8.2 to 3.8.3 (db_version_3.8.1)", "Committed in",
                    "1 | Master (Local machine) | 1 | 1 | {\"server\":\"http://127.0.0.1:6800/\"");
        } finally {
            server.dropDatabase(DemoCommand.V2_DATABASE);
            server.dropDatabase(DemoCommand.V3_DATABASE);
        }
    }

    @Test
    void theDemoUpgradesIntoV383sSqliteFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var server = TestServer.get();
        try {
            var file = dir.resolve("cloudreve.db");
            var run = demo("demo", "--server", server.serverUrl(), "--v3", "3.8.3", "--sqlite", file.toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("V3 3.8.3 at first start (prefix none): sqlite:" + file, "Target: V3 3.8.2 to 3.8.3 (db_version_3.8.1)",
                    "Committed in", "cloudreve.db> SELECT id, name, type, aria2_enabled, aria2_options", "1 | Master (Local machine) | 1 | 1 |");
        } finally {
            server.dropDatabase(DemoCommand.V2_DATABASE);
        }
    }

    @Test
    void theDemoRefusesAReleaseWithoutFixtureAndListsTheOnesItHas() {
        var err = new StringWriter();
        var commandLine = DemoCli.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("demo", "--v3", "3.4.0")).isEqualTo(2);
        assertThat(err.toString()).contains("--v3 3.4.0: the demo has a first-start database of V3 3.0.0, 3.8.2, 3.8.3 only");
        var help = new StringWriter();
        commandLine.setOut(new PrintWriter(help));
        commandLine.execute("demo", "--help");
        assertThat(help.toString()).contains("--v3=RELEASE", "3.0.0 (default), 3.8.2 or 3.8.3");
    }

    @Test
    void theDemoScriptHasEveryUpgradeCommandAndTheRealDemo() {
        var out = new StringWriter();
        var commandLine = DemoCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("run", "check", "verify", "demo", "Exit codes:")
                .contains("Upgrades a sample V2 site");
        Object demo = commandLine.getSubcommands().get("demo").getCommand();
        assertThat(demo).isInstanceOf(DemoCommand.class);
    }
}
