package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.mapping.MappingFiles;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/** A verification that fails ends with a "Verification failed" block (each defect, what to do), never with the next steps of a success. */
class VerificationFailedTest {

    private static String[] args(String command, TestSite site, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of(command, "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                "--export-dir", site.exports().toString(), "--yes"));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    /** An operator's users.yaml that forgets the md5: form of the passwords. */
    private static Path brokenPasswords(TestSite site) throws IOException {
        var users = upgrade.support.EditedMappings.bundledText("users.yaml");
        var rule = "password: {expr: \"'md5:' + row.user_pass + ':' + param.salt\", fit: stop}";
        assertThat(users).contains(rule);
        var directory = Files.createDirectories(site.exports().resolve("my-mappings"));
        Files.writeString(directory.resolve("users.yaml"), users.replace(rule, "password: {expr: \"row.user_pass\", fit: stop}"));
        return directory;
    }

    @Test
    void aRunWhoseMappingWroteDefectsSaysWhichMappingToFixThenResetAndRunAgain() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var run = execute(args("run", site, "--mappings", brokenPasswords(site).toString()));
            assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.VERIFY_FAILED);
            assertThat(run.out()).contains("  [FAIL] every password is in a form V3 accepts (verify-users.yaml)",
                    "Verification failed: 1 check(s) failed. Do not start V3 on this database until each defect is repaired.\n"
                            + "  every password is in a form V3 accepts (verify-users.yaml), 7 row(s):\n"
                            + "      cd_users row 1: user 1 (admin@cloudreve.org) has a password V3 cannot check\n",
                    "      if a mapping wrote these rows wrong: fix users.yaml, avatar-fallback.yaml or storage.yaml, then 'reset' and 'run' again\n",
                    "What to do: when a mapping wrote the rows wrong, fix it, then run 'reset' (V3 back as at its first start) and 'run' again;\n"
                            + "otherwise repair V3 as each defect says, then run 'verify' again.")
                    .doesNotContain("Next steps", "The V3 database follows V3's rules.");
            assertThat(site.exports().resolve("upgrade-report.json")).content().contains("has a password V3 cannot check");

            var reset = execute(args("reset", site));
            assertThat(reset.code()).as(reset.err()).isZero();
            var again = execute(args("run", site));
            assertThat(again.code()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("The V3 database follows V3's rules.", "Next steps:").doesNotContain("Verification failed");
        }
    }

    @Test
    void aDefectWithARepairInV3NamesItAndASecondRunStillEndsWithTheBlock() {
        try (var site = TestSite.sample("cd_")) {
            assertThat(execute(args("run", site)).code()).isZero();
            site.v3("UPDATE {p}users SET storage = 1 WHERE id = 4");
            var verify = execute(args("verify", site));
            assertThat(verify.code()).isEqualTo(ExitCodes.VERIFY_FAILED);
            assertThat(verify.out()).contains("Verification failed: 1 check(s) failed.",
                    "  every user's storage is the sum of their files' sizes (verify-users.yaml), 1 row(s):\n"
                            + "      cd_users row 4: user 4 (carol@example.com) has storage 1, but their files add up to 0\n"
                            + "      repair in V3: V3 refuses deletions when storage is too low; V3 3.2+ can fix it:"
                            + " cloudreve --database-script CalibrateUserStorage\n"
                            + "      if a mapping wrote these rows wrong: fix users.yaml, avatar-fallback.yaml or storage.yaml, then 'reset' and 'run' again\n");

            var again = execute(args("run", site));
            assertThat(again.code()).isEqualTo(ExitCodes.VERIFY_FAILED);
            assertThat(again.out()).containsPattern("This V3 was already upgraded on [-0-9: ]+ \\(verified on [-0-9: ]+: passed\\); verifying again")
                    .contains("Verification failed: 1 check(s) failed.", "repair in V3: V3 refuses deletions").doesNotContain("Next steps");
            var check = execute(args("check", site));
            assertThat(check.out()).containsPattern("This V3 was upgraded on [-0-9: ]+ \\(verified on [-0-9: ]+: 1 check\\(s\\) failed\\)");
        }
    }
}
