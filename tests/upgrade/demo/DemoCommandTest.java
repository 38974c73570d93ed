package upgrade.demo;

import org.junit.jupiter.api.Test;
import upgrade.support.TestServer;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo script's command line: the demo itself, and every upgrade command beside it. */
class DemoCommandTest {

    @Test
    void theDemoRunsTheUpgradeAndShowsTheResult() {
        var server = TestServer.get();
        try {
            var out = new StringWriter();
            var err = new StringWriter();
            var commandLine = DemoCli.commandLine();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            var code = commandLine.execute("demo", "--server", server.serverUrl());
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("$ upgrade run --from", "Committed in",
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
            var out = new StringWriter();
            var err = new StringWriter();
            var commandLine = DemoCli.commandLine();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            var file = dir.resolve("cloudreve.db");
            var code = commandLine.execute("demo", "--server", server.serverUrl(), "--sqlite", file.toString());
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("V3 at first start (prefix none): sqlite:" + file, "Committed in",
                    "cloudreve.db> SELECT id, email, nick", "1 | admin@cloudreve.org | Admin | 0 | 1 | gravatar", "register_enabled | 0");
            var again = DemoCli.commandLine();
            again.setErr(new PrintWriter(err));
            assertThat(again.execute("demo", "--server", server.serverUrl(), "--sqlite", file.toString())).as("an existing file is never overwritten").isNotZero();
            assertThat(err.toString()).contains(file + " already exists");
        } finally {
            server.dropDatabase(DemoCommand.V2_DATABASE);
        }
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
