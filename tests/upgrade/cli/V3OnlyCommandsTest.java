package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.db.DatabaseException;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static upgrade.cli.UpgradeCommandTest.execute;

/** verify and reset after the upgrade, when V2's database may be gone: they need only V3. */
class V3OnlyCommandsTest {

    private static void dropV2(TestSite site) {
        var name = site.v2Url().replaceAll(".*/([^?]+)\\?.*", "$1");
        site.v2("DROP DATABASE `" + name + "`");
    }

    @Test
    void verifyAndResetWorkWithTheV2DatabaseDropped() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var firstStart = site.snapshotV3();
            var run = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes",
                    "--export-dir", site.exports().toString());
            assertThat(run.code()).isZero();
            dropV2(site);

            var verify = execute("verify", "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(verify.err()).isEmpty();
            assertThat(verify.code()).isZero();
            assertThat(verify.out()).contains("[pass] every user has exactly one root folder (verify-users.yaml)",
                    "The V3 database follows V3's rules.");
            var fromConf = execute("verify", "--v3-conf", DiscoveryTest.v3Conf(site).toString());
            assertThat(fromConf.code()).isZero();
            var withGoneV2 = execute("verify", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(withGoneV2.code()).as("V2 is not even opened").isZero();

            var declined = UpgradeCommandTest.executeIn(site.exports(), java.util.List.of("n"), "reset", "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(declined.code()).isEqualTo(ExitCodes.CANCELLED);
            assertThat(declined.out()).contains("Put the V3 database back as it was at V3's first start? [y/N] n", "Nothing was changed.");
            var reset = execute("reset", "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes");
            assertThat(reset.err()).isEmpty();
            assertThat(reset.code()).isZero();
            assertThat(reset.out()).contains("Restored as at V3's first start:");
            assertThat(site.snapshotV3()).isEqualTo(firstStart);
        }
    }

    @Test
    void verifyStillFindsDefectsOnItsOwn() {
        try (var site = TestSite.sample("cd_")) {
            site.v3("UPDATE {p}users SET group_id = 9");
            var broken = execute("verify", "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(broken.code()).isEqualTo(ExitCodes.VERIFY_FAILED);
            assertThat(broken.out()).contains("[FAIL] every user's group exists (verify-users.yaml)");
        }
    }

    @Test
    void aVerifyMappingThatReadsV2IsRefusedWithWhy() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var overlay = Files.createDirectories(site.exports().resolve("my-mappings"));
            Files.writeString(overlay.resolve("verify-v2-users.yaml"), """
                    phase: verify
                    source: users
                    description: A check that reads V2.
                    write: none
                    refuse:
                      - check: "V2 users have e-mails"
                        when: "row.user_email == ''"
                        message: "user ${row.id} has no e-mail"
                    """);
            var verify = execute("verify", "--mappings", overlay.toString(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(verify.code()).isEqualTo(ExitCodes.MAPPING);
            assertThat(verify.err()).contains("verify-v2-users.yaml:2:",
                    "this reads the V2 table 'users', but V3's rules are checked on the V3 database alone",
                    "How to fix: read V3's tables only: source: {target: TABLE}");
        }
    }

    @Test
    void theLibraryOpensV3AloneForVerifyAndSaysWhatElseNeedsV2() {
        try (var site = TestSite.sample("cd_")) {
            try (var upgrade = Upgrade.openV3(site.v3Url(), site.options())) {
                assertThat(upgrade.verify().passed()).isTrue();
                assertThatThrownBy(upgrade::check).isInstanceOf(DatabaseException.class)
                        .hasMessage("this needs the V2 database, but only the V3 database was opened");
            }
        }
    }

    @Test
    void theirHelpSaysTheyNeedOnlyV3() {
        assertThat(execute("verify", "--help").out()).contains("Needs only the V3 database (--to or --v3-conf)");
        assertThat(execute("reset", "--help").out()).contains("Needs only the V3 database (--to or --v3-conf)");
        assertThat(execute("run", "--help").out()).contains("Not needed (nor opened)");
    }

    @Test
    void filesAndTheOtherCommandsStillNeedV2() {
        var result = execute("check", "--to", "jdbc:mysql://localhost:1/v3");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing --from");
    }
}
