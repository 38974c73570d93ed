package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/**
 * Every command on a V3 in a SQLite file (V3's default install): check without MySQL's engine and
 * character-set checks, the mappings validated against the file's schema, a dry run that writes
 * nothing, run, files, verify and reset; V3's SQLite file found
 * from --to sqlite:PATH and from conf.ini (no [Database] Type, or Type = sqlite, with DBFile).
 */
class SqliteCommandsTest {

    private static String[] with(TestSite site, String command, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of(command, "--from", site.v2Url(), "--to", site.v3Url(), "--yes",
                "--export-dir", site.exports().toString()));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void checkPlanRunFilesVerifyAndResetWorkOnASqliteFile() throws IOException {
        try (var site = TestSite.sample("", TestSite.Engine.SQLITE, "3.0.0")) {
            var firstStart = site.snapshotV3();
            var check = execute(with(site, "check"));
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).doesNotContain("InnoDB", "utf8mb4", "[FAIL]").contains("mysqldump --single-transaction");

            var validate = execute("mappings", "validate", "--from", site.v2Url(), "--to", site.v3Url());
            assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
            var drift = execute("mappings", "drift", "--strict", "--from", site.v2Url(), "--to", site.v3Url());
            assertThat(drift.code()).as(drift.out() + drift.err()).isZero();

            var swapped = execute("check", "--from", site.v3Url(), "--to", site.v3Url());
            assertThat(swapped.code()).isEqualTo(ExitCodes.DATABASE);
            assertThat(swapped.err()).contains("--from names a SQLite file, but the toolkit reads the site it upgrades from MySQL/MariaDB only");

            var plan = execute(with(site, "plan"));
            assertThat(plan.code()).as(plan.out() + plan.err()).isZero();
            assertThat(site.snapshotV3()).as("a dry run writes nothing").isEqualTo(firstStart);

            var run = execute(with(site, "run"));
            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("The V3 database follows V3's rules.");
            var root = upgrade.support.FakeV2Root.create(site);
            var v3Dir = Files.createTempDirectory(site.exports(), "v3dir");
            var files = execute("files", "--from", site.v2Url(), "--to", site.v3Url(), "--v2-root", root.toString(), "--v3-dir", v3Dir.toString());
            assertThat(files.code()).as(files.out() + files.err()).isZero();
            assertThat(v3Dir.resolve("avatar")).isDirectory();
            var verify = execute("verify", "--to", site.v3Url());
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("[pass] every user has exactly one root folder (verify-users.yaml)");

            var reset = execute("reset", "--to", site.v3Url(), "--yes");
            assertThat(reset.code()).as(reset.out() + reset.err()).isZero();
            assertThat(site.snapshotV3()).as("every row and id counter as at V3's first start").isEqualTo(firstStart);
        }
    }

    @Test
    void v3sSqliteFileIsFoundFromConfIniAsV3FindsIt() throws IOException {
        try (var site = TestSite.sample("", TestSite.Engine.SQLITE, "3.0.0")) {
            var v3Dir = Files.createDirectories(site.exports().resolve("v3"));
            Files.copy(site.v3File(), v3Dir.resolve("cloudreve.db"));
            // V3's default conf.ini has no [Database]: SQLite, cloudreve.db beside the executable (and conf.ini)
            Files.writeString(v3Dir.resolve("conf.ini"), "[System]\nMode = master\nListen = :5212\nHashIDSalt = salty\n");
            var byDefault = execute("verify", "--v3-conf", v3Dir.resolve("conf.ini").toString());
            assertThat(byDefault.code()).as(byDefault.out() + byDefault.err()).isZero();

            Files.move(v3Dir.resolve("cloudreve.db"), v3Dir.resolve("site.db"));
            Files.writeString(v3Dir.resolve("conf.ini"), "[Database]\nType = sqlite\nDBFile = site.db\n");
            var named = execute("verify", "--v3-conf", v3Dir.resolve("conf.ini").toString());
            assertThat(named.code()).as(named.out() + named.err()).isZero();

            Files.writeString(v3Dir.resolve("conf.ini"), "[Database]\nType = sqlite3\nDBFile = missing.db\n");
            var missing = execute("verify", "--v3-conf", v3Dir.resolve("conf.ini").toString());
            assertThat(missing.code()).isEqualTo(ExitCodes.DATABASE);
            assertThat(missing.err()).contains("there is no SQLite file " + v3Dir.resolve("missing.db"), "start Cloudreve V3 once");
            assertThat(v3Dir.resolve("missing.db")).doesNotExist();
        }
    }
}
