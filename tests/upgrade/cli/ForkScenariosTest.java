package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/** Modified V2 sites ("forks") upgraded with the operator's own mapping files, and what drift shows them. */
class ForkScenariosTest {

    private static String bundled(String name) {
        return upgrade.mapping.MappingFiles.bundled().files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().text();
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
                    "1 thing(s) in V2 no mapping accounts for");
            var strict = execute("mappings", "drift", "--strict", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(strict.code()).isEqualTo(ExitCodes.MAPPING);

            var overlay = Files.createDirectories(site.exports().resolve("my-mappings"));
            Files.writeString(overlay.resolve("users.yaml"), bundled("users.yaml").replace(
                    "      preferred_theme: {expr: \"fn:jsonValue(row.options, 'preferTheme')\"}",
                    "      preferred_theme: {expr: \"fn:jsonValue(row.options, 'preferTheme')\"}\n"
                            + "      qq: {expr: \"fn:blank(row.qq) ? null : row.qq\"}   # this site's QQ number"));
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
}
