package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.TestServer;
import upgrade.support.TestSite;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as an operator meets it: output, messages and exit codes. */
class UpgradeCommandTest {

    /** Exit code, standard output and standard error of one command. */
    record Result(int code, String out, String err) {}

    /** Runs a command as from a script: nobody to ask, in this process's working directory. */
    static Result execute(String... args) {
        return executeIn(Path.of("").toAbsolutePath(), null, args);
    }

    /**
     * Runs a command started in {@code workingDirectory}; with {@code answers}, on a terminal that
     * answers its questions with them, one per question (the dialogue is part of the output).
     */
    static Result executeIn(Path workingDirectory, List<String> answers, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var outWriter = new PrintWriter(out, true);
        var terminal = answers == null ? Terminal.none(workingDirectory)
                : Terminal.scripted(workingDirectory, outWriter, answers.toArray(String[]::new));
        var commandLine = UpgradeCommand.commandLine(terminal);
        commandLine.setOut(outWriter);
        commandLine.setErr(new PrintWriter(err));
        var code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        var result = execute("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("run", "check", "plan", "verify", "demo", "Exit codes:")
                .containsPattern("3 +A mapping file is invalid").containsPattern("4 +A database cannot be reached")
                .containsPattern("6 +A row could not be converted");
    }

    @Test
    void runHelpNamesEveryOptionThePasswordVariablesAndTheExitCodes() {
        var result = execute("run", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--from", "--to", "--v2-prefix", "--v3-prefix", "--salt", "--v2-timezone", "--yes",
                "--dry-run", "--leave-out-unsupported-policies", "--hashid-salt", "--recovery-folder", "--export-dir",
                "UPGRADE_V2_PASSWORD", "UPGRADE_V3_PASSWORD", "Exit codes:")
                .containsPattern("5 +A check before the upgrade failed").containsPattern("7 +The V3 database breaks V3's rules");
    }

    /** picocli's command lists show the first line of each description: it must be a whole sentence. */
    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        var summaries = new java.util.ArrayList<String>();
        var commands = new java.util.ArrayDeque<picocli.CommandLine>(UpgradeCommand.commandLine().getSubcommands().values());
        while (!commands.isEmpty()) {
            var command = commands.pop();
            var usage = command.getCommandSpec().usageMessage();
            summaries.add(command.getCommandName() + ": " + (usage.header().length > 0 ? usage.header()[0] : usage.description()[0]));
            commands.addAll(command.getSubcommands().values());
        }
        assertThat(summaries).hasSizeGreaterThan(10).allSatisfy(summary -> assertThat(summary).endsWith("."));
    }

    /** Pages are committed one by one: no help text may promise one transaction, or that a stopped run wrote nothing. */
    @Test
    void helpAndExitCodesTellWhatIsKept() {
        var help = execute("--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("6 A row could not be converted or written; V3 was put back as at its first start.",
                "130 Cancelled at the confirmation prompt (nothing was written), or stopped with Ctrl-C (the pages committed so far are kept:"
                        + " run the same command again to continue, or 'reset').",
                "7 The V3 database breaks V3's rules (found by verify, or by the verification that ends run); the output says how to repair each defect.",
                "run Upgrades the V2 site database (--from) into the V3 database (--to): checks first, then upgrades, then verifies.",
                "reset Puts the V3 database back as V3 left it at its first start, so the upgrade can start again.")
                .doesNotContain("Cancelled by the operator. Nothing was written", "the run was rolled back. Nothing was written");
        var run = execute("run", "--help").out().replaceAll("\\s+", " ");
        assertThat(run).doesNotContain("one transaction")
                .contains("V3 is written page by page, each page committed with its progress: a run that was killed or stopped with Ctrl-C"
                        + " keeps what it committed, and running the same command again continues it");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        var result = execute("run", "--to", "jdbc:mysql://localhost/v3");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing --from: give --from JDBC_URL, or --v2-root DIR (V2's web root), or run in V2's web root");
    }

    @Test
    void aSaltWithAColonIsRefused() {
        var result = execute("run", "--from", "jdbc:mysql://h/a", "--to", "jdbc:mysql://h/b", "--salt", "a:b");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--salt must not contain ':'");
    }

    @Test
    void anUnreachableDatabaseExitsWith4AndSaysHowToFixIt() {
        var result = execute("run", "--from", "jdbc:mysql://localhost:1/v2?user=root&password=secret", "--to", "jdbc:mysql://localhost:1/v3", "--yes");
        assertThat(result.code()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).startsWith("upgrade: V2 database: cannot connect to jdbc:mysql://localhost:1/v2?user=root&password=***")
                .contains("How to fix: check host, port, database name, user and password in --from")
                .doesNotContain("secret")
                .doesNotContain("\tat "); // no stack trace without -v
    }

    @Test
    void aSuccessfulRunPrintsEveryTableAndEveryOptionLeftOut() {
        try (var site = TestSite.sample("cd_")) {
            var result = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes",
                    "--export-dir", site.exports().toString());
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("[pass] no storage policies V3 cannot take (policies.yaml)",
                    "Back V2 up first, if you have not yet: mysqldump --single-transaction --host=",
                    "policies               5 read, 5 written, 0 passed on, 0 left out",
                    "users                  7 read, 7 written, 0 passed on, 0 left out",
                    "settings               41 read, 31 written, 0 passed on, 10 left out", "left out 1: V2 never read it", "siteStatus",
                    "left out 5: dropped by design: V3 schedules its own timed tasks",
                    "[pass] every user has exactly one root folder (verify-users.yaml)", "Next steps:",
                    "note 1: two-factor secret dropped by design", "Wrote " + site.exports().resolve("v2-share-links.csv"), "Committed in",
                    "The full report (every row left out, renamed or re-homed, with its key) is in " + site.exports().resolve("upgrade-report.json"));
            var json = readJson(site.exports().resolve("upgrade-report.json"));
            assertThat(json.path("committed").asBoolean()).isTrue();
            assertThat(json.path("droppedByDesign").path("sd_corn: dropped by design: V3 schedules its own timed tasks").asLong()).isEqualTo(5);
            assertThat(json.path("steps")).hasSize(16);
            assertThat(json.path("verify").findValues("failures")).allSatisfy(failures -> assertThat(failures).isEmpty());
        }
    }

    static com.fasterxml.jackson.databind.JsonNode readJson(java.nio.file.Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void planShowsTheRunAndWritesNothing() {
        try (var site = TestSite.sample("cd_")) {
            var before = site.snapshotV3();
            var result = execute("plan", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--export-dir", site.exports().toString());
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("files                  8 read, 8 written", "Not committed (dry run)", "This was a dry run: nothing was written.");
            assertThat(site.snapshotV3()).isEqualTo(before);
        }
    }

    @Test
    void checkAndVerifyExitWithTheirCodes() {
        try (var site = TestSite.sample("cd_")) {
            site.v2("UPDATE sd_task SET status = 'processing'");
            var check = execute("check", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(check.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(check.out()).contains("[FAIL] V2's OneDrive task queue has no pending tasks (dropped-tasks.yaml)",
                    "sd_task row 1: task '上传 report.docx 到 OneDrive' (uploadSingleToOnedrive) is still processing",
                    "fix: let V2's task queue finish", "Back V2 up before the upgrade: mysqldump --single-transaction");
            var run = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes");
            assertThat(run.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(run.out()).contains("Nothing was written.");
            var verify = execute("verify", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(verify.code()).as("a fresh V3 has no user storage to doubt, but a root for its admin only").isZero();
            site.v3("UPDATE {p}users SET group_id = 9");
            var broken = execute("verify", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(broken.code()).isEqualTo(ExitCodes.VERIFY_FAILED);
            assertThat(broken.out()).contains("[FAIL] every user's group exists (verify-users.yaml)", "1 check(s) failed.");
        }
    }

    @Test
    void theOperatorsScriptPointsAtTheDemoScript() {
        var result = execute("demo");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("the demo has its own script", "jbang demo.java");
    }
}
