package upgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import upgrade.report.DriftPrinter;
import upgrade.Upgrade;
import upgrade.mapping.MappingFiles;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/** Modified V2 sites ("forks") upgraded with the operator's own mapping files, and what drift shows them. */
class ForkScenariosTest {

    /** The fork's users.yaml: only what it adds to the bundled one. */
    private static final String QQ = """
            extends: users
            columns:
              options: {json: {qq: {expr: "fn:blank(row.qq) ? null : row.qq"}}}   # this site's QQ number
            """;

    private static String bundled(String name) {
        return upgrade.support.EditedMappings.bundledText(name);
    }

    @Test
    void aSiteWithAnotherTablePrefixUpgradesWithV2Prefix() {
        try (var site = TestSite.sample("cd_")) {
            for (var table : site.v2Rows("SHOW TABLES")) {
                var name = table.values().iterator().next().toString();
                site.v2("RENAME TABLE `" + name + "` TO `pan_" + name.substring(3) + "`");
            }
            var result = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v2-prefix", "pan_", "--v3-prefix", "cd_",
                    "--yes", "--export-dir", site.exports().toString());
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("users                  7 read, 7 written");
        }
    }

    @Test
    void aSiteWithAnExtraUserColumnCarriesItIntoV3sOptionsWithAnOverlayFile() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            site.v2("ALTER TABLE sd_users ADD qq VARCHAR(20) NOT NULL DEFAULT ''").v2("UPDATE sd_users SET qq = '12345' WHERE id = 2");
            var drift = execute("mappings", "drift", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(drift.code()).isZero();
            assertThat(drift.out()).contains("sd_users.qq: no mapping reads it or lists it under 'ignored'; nothing migrates it",
                    "1 difference(s) between V2 and the mappings");
            var strict = execute("mappings", "drift", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(strict.code()).isEqualTo(ExitCodes.MAPPING);

            var overlay = Files.createDirectories(site.exports().resolve("my-mappings"));
            Files.writeString(overlay.resolve("users.yaml"), QQ);
            var validate = execute("mappings", "validate", "--mappings", overlay.toString(), "--from", site.v2Url(), "--to", site.v3Url(),
                    "--v3-prefix", "cd_");
            assertThat(validate.code()).isZero();
            var list = execute("mappings", "list", "--mappings", overlay.toString());
            assertThat(list.out()).containsPattern("users +upgrade +users +users .*users.yaml \\(" + Path.of(overlay.toString()) + "\\)");
            assertThat(execute("mappings", "show", "users", "--mappings", overlay.toString()).out()).contains("qq: {expr:");

            var run = execute("run", "--mappings", overlay.toString(), "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--yes", "--export-dir", site.exports().toString());
            assertThat(run.code()).isZero();
            assertThat(site.rows("SELECT options FROM {p}users WHERE id = 2").get(0)).containsEntry("options", "{\"qq\":\"12345\"}");
            var after = execute("mappings", "drift", "--mappings", overlay.toString(), "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(after.out()).contains("Every V2 table and column is read or deliberately ignored by a mapping.");
        }
    }

    @Test
    void planAndRunShowTheColumnNoMappingReadsBeforeTheyWriteAndTheReportRecordsIt() {
        try (var site = TestSite.sample("cd_")) {
            site.v2("ALTER TABLE sd_users ADD qq VARCHAR(20) NOT NULL DEFAULT ''").v2("UPDATE sd_users SET qq = '12345' WHERE id = 2");
            var plan = execute("plan", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--export-dir", site.exports().toString());
            assertThat(plan.code()).isZero();
            assertThat(plan.out()).contains("WARNING: V2 has 1 table(s) or column(s) that no mapping reads; their data is NOT migrated:",
                    "  sd_users.qq: no mapping reads it or lists it under 'ignored'; nothing migrates it",
                    "in a directory of your own, given with --mappings DIR; to leave it out on purpose, list it under 'ignored:'");
            assertThat(plan.out().indexOf("sd_users.qq")).isLessThan(plan.out().indexOf("users                  7 read"));
            var planned = UpgradeCommandTest.readJson(site.exports().resolve("upgrade-plan.json")).path("drift");
            assertThat(planned).hasSize(1);
            assertThat(planned.get(0).path("column").asText()).isEqualTo("qq");

            var run = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes",
                    "--export-dir", site.exports().toString());
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("  sd_users.qq: no mapping reads it or lists it under 'ignored'; nothing migrates it");
            assertThat(run.out().indexOf("sd_users.qq")).as("shown before anything is written").isLessThan(run.out().indexOf("Checking V2 and V3:"));
            var drift = UpgradeCommandTest.readJson(site.exports().resolve("upgrade-report.json")).path("drift");
            assertThat(drift).hasSize(1);
            assertThat(drift.get(0).path("table").asText()).isEqualTo("sd_users");
            assertThat(drift.get(0).path("column").asText()).isEqualTo("qq");
            assertThat(drift.get(0).path("kind").asText()).isEqualTo("NOT_MIGRATED");
        }
    }

    @Test
    void strictMakesDriftAFailureOfPlanAndRunBeforeAnythingIsWritten() {
        try (var site = TestSite.sample("cd_")) {
            var stock = execute("plan", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--export-dir", site.exports().toString());
            assertThat(stock.code()).isZero();
            assertThat(stock.out()).contains(DriftPrinter.none("V2"));

            site.v2("ALTER TABLE sd_users ADD qq VARCHAR(20) NOT NULL DEFAULT ''");
            var before = site.snapshotV3();
            var run = execute("run", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes",
                    "--export-dir", site.exports().toString());
            assertThat(run.code()).isEqualTo(ExitCodes.MAPPING);
            assertThat(run.out()).contains("sd_users.qq: no mapping reads it").doesNotContain("Checking V2 and V3:");
            assertThat(run.err()).contains("run --strict: 1 difference(s) between the V2 database and the mappings; nothing was written");
            assertThat(site.snapshotV3()).isEqualTo(before);
            assertThat(site.exports().resolve("upgrade-report.json")).doesNotExist();
            var plan = execute("plan", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--export-dir", site.exports().toString());
            assertThat(plan.code()).isEqualTo(ExitCodes.MAPPING);
            assertThat(plan.err()).contains("plan --strict: 1 difference(s)");
        }
    }

    @Test
    void showMergedPrintsTheMappingARunUsesSayingWhereEachPartCameFrom() throws IOException {
        var overlay = Files.createTempDirectory("my-mappings");
        try {
            Files.writeString(overlay.resolve("users.yaml"), QQ);
            var fork = overlay.resolve("users.yaml").toString();
            var shown = execute("mappings", "show", "users", "--merged", "--mappings", overlay.toString());
            assertThat(shown.code()).isZero();
            var bundledUsers = bundled("users.yaml");
            assertThat(shown.out()).startsWith("# users, as a run uses it: users.yaml (bundled), with " + fork + " laid over it.\n")
                    .contains("target: users  # users.yaml:" + lineOf(bundledUsers, "target: users") + "\n",
                            "  options:  # " + String.join(", ", new TreeSet<>(List.of(fork, "users.yaml"))) + "\n",
                            "      profile_off:  # users.yaml:" + lineOf(bundledUsers, "      profile_off:") + "\n",
                            "      qq:  # " + fork + ":3\n        expr: \"fn:blank(row.qq) ? null : row.qq\"\n");
            // it is the mapping as YAML: the bundled rules with the fork's field among them
            var merged = new ObjectMapper(new YAMLFactory()).readTree(shown.out());
            assertThat(merged.path("columns").path("options").path("json").fieldNames()).toIterable()
                    .containsExactly("profile_off", "preferred_theme", "qq");
            assertThat(merged.path("columns").path("email").path("copy").asText()).isEqualTo("user_email");

            var folders = execute("mappings", "show", "folders", "--merged").out();
            assertThat(folders).startsWith("# folders, as a run uses it: folders.yaml (bundled);\n"
                            + "# lookups from lookups.yaml: v2_folder, v3_root, v3_user;\n# shared rules from rules.yaml: recovery_folder.\n")
                    .contains("  v3_user:  # lookups.yaml:" + lineOf(bundled("lookups.yaml"), "  v3_user:") + "\n");
        } finally {
            try (var files = Files.walk(overlay)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int lineOf(String text, String part) {
        return (int) text.substring(0, text.indexOf(part)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aChangeToABundledRuleReachesAForkThatExtendsIt() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            site.v2("ALTER TABLE sd_users ADD qq VARCHAR(20) NOT NULL DEFAULT ''").v2("UPDATE sd_users SET qq = '12345' WHERE id = 2");
            var overlay = Files.createDirectories(site.exports().resolve("my-mappings"));
            Files.writeString(overlay.resolve("users.yaml"), QQ);
            // a later toolkit fixes the bundled nick rule; the fork's file is as it was
            var fixed = new ArrayList<MappingFiles.File>();
            for (var file : MappingFiles.bundled().files()) {
                fixed.add(file.name().equals("users.yaml")
                        ? new MappingFiles.File(file.name(), file.text().replace("nick: {copy: user_nick}", "nick: {expr: \"'~' + row.user_nick\"}"))
                        : file);
            }
            var files = new MappingFiles("bundled mappings", fixed).overlay(MappingFiles.directory(overlay));
            try (var run = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withMappings(files))) {
                run.run();
            }
            assertThat(site.rows("SELECT nick, options FROM {p}users WHERE id = 2").get(0))
                    .containsEntry("nick", "~" + site.v2Rows("SELECT user_nick FROM sd_users WHERE id = 2").get(0).get("user_nick"))
                    .containsEntry("options", "{\"qq\":\"12345\"}");
        }
    }

    @Test
    void driftAlsoListsWhatTheMappingsReadButAForkDroppedOrRenamed() {
        try (var site = TestSite.sample("cd_")) {
            site.v2("ALTER TABLE sd_users CHANGE profile bio TINYINT(1) NOT NULL").v2("DROP TABLE sd_corn");
            var drift = execute("mappings", "drift", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(drift.code()).isZero();
            assertThat(drift.out()).contains(
                    "sd_users.bio: no mapping reads it or lists it under 'ignored'; nothing migrates it",
                    "sd_users.profile: a mapping reads it, but this V2 table has no such column",
                    "sd_corn: a mapping reads this table, but this V2 database has no such table",
                    "3 difference(s) between V2 and the mappings");
            var strict = execute("mappings", "drift", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(strict.code()).isEqualTo(ExitCodes.MAPPING);
            assertThat(strict.err()).contains("mappings drift --strict: 3 difference(s) between the V2 database and the mappings");
        }
    }

    @Test
    void anOverlayFileCanRemoveABundledMapping() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var overlay = Files.createDirectories(site.exports().resolve("no-shares"));
            Files.writeString(overlay.resolve("shares.yaml"), "# this site drops its shares\ndisabled: true\n");
            var list = execute("mappings", "list", "--mappings", overlay.toString());
            assertThat(list.out()).doesNotContain(" shares.yaml").contains("verify-shares.yaml", "25 mappings");
            var run = execute("run", "--mappings", overlay.toString(), "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--yes", "--export-dir", site.exports().toString());
            assertThat(run.code()).isZero();
            assertThat(site.rows("SELECT COUNT(*) AS n FROM {p}shares").get(0).get("n")).isEqualTo(0L);
        }
    }

    @Test
    void aSiteWithAnExtraPolicyTypeMapsItOntoAV3TypeWithAnOverlayFile() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            // this fork added Tencent COS, which V3 supports as 'cos'
            site.v2("INSERT INTO sd_policy VALUES (6, 'Tencent COS', 'cos', 'https://b-125.cos.ap-shanghai.myqcloud.com', 'b-125', 1,"
                            + " 'https://cdn.example.com/', 'SecretId', 'SecretKey', '0', '0', '[]', '0', 0, 1, 'cos/{uid}', '{randomkey8}_{originname}', 0)")
                .v2("INSERT INTO sd_files VALUES (60, 'cos.txt', 'cos/2/Ab_cos.txt', 2, 42, '2019-03-20 10:00:00', '', 2, 6, '/')");
            var refused = execute("check", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(refused.out()).contains("[FAIL] no storage policies V3 cannot take (policies.yaml)",
                    "sd_policy row 6: 'Tencent COS' is a cos policy holding 1 file(s); the type 'cos' is unknown to Cloudreve V2 2.0.0-Alpha1 and to V3");

            var overlay = Files.createDirectories(site.exports().resolve("cos-site"));
            // the type joins the types V3 can take (one let: value, read by 'refuse' and 'skip'), and its server is kept;
            // the fork's server rule starts from the bundled one
            assertThat(bundled("policies.yaml")).contains("supported: \"row.policy_type =~ ['local', 'qiniu', 'oss', 'upyun', 'onedrive']\"",
                    ": (row.policy_type == 'onedrive' ? 'https://graph.microsoft.com/v1.0' : '')");
            Files.writeString(overlay.resolve("policies.yaml"), """
                    # This fork added Tencent COS, which V3 supports as 'cos'.
                    extends: policies
                    let:
                      supported: "row.policy_type =~ ['local', 'qiniu', 'oss', 'upyun', 'onedrive', 'cos']"
                    columns:
                      server:
                        expr: >
                          row.policy_type == 'oss' ? fn:host(row.server).replace(row.bucketname + '.', '')
                          : (row.policy_type == 'onedrive' ? 'https://graph.microsoft.com/v1.0' : (row.policy_type == 'cos' ? row.server : ''))
                    """);
            var run = execute("run", "--mappings", overlay.toString(), "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--yes", "--export-dir", site.exports().toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(site.rows("SELECT type, server, bucket_name, access_key, secret_key FROM {p}policies WHERE id = 6").get(0))
                    .containsEntry("type", "cos").containsEntry("server", "https://b-125.cos.ap-shanghai.myqcloud.com")
                    .containsEntry("bucket_name", "b-125").containsEntry("access_key", "SecretId").containsEntry("secret_key", "SecretKey");
            assertThat(site.rows("SELECT source_name, policy_id FROM {p}files WHERE id = 60").get(0))
                    .containsEntry("source_name", "cos/2/Ab_cos.txt").containsEntry("policy_id", 6L);
        }
    }
}
