package upgrade.site;

import org.junit.jupiter.api.Test;
import upgrade.UpgradeOptions;
import upgrade.cloudreve.CloudreveSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lib/ is a generic engine: Cloudreve's names and defaults (V2's table prefix and salt, its time
 * zone, the recovery folder) live in cloudreve/src (the site profile) and mappings/. Only javadoc
 * may name them, as an example.
 */
class LibKnowsNoCloudreveTest {
    private static final Pattern CLOUDREVE = Pattern.compile(
            "sd_|sdshare|Asia/Shanghai|Cloudreve|Recovered from V2|_thumb|upgrade\\.cloudreve|conf\\.ini|HashIDSalt|application/|2\\.0\\.0-Alpha1");

    private static Path lib() {
        return upgrade.support.ProjectRoot.get().resolve("lib");
    }

    @Test
    void noCodeInLibNamesCloudreveOrItsDefaults() throws IOException {
        var found = new ArrayList<String>();
        try (var files = Files.walk(lib())) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    var line = lines.get(i).trim();
                    var comment = line.startsWith("*") || line.startsWith("/**") || line.startsWith("//");
                    if (!comment && CLOUDREVE.matcher(line).find()) {
                        found.add(lib().relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("Cloudreve knowledge in lib/ (it belongs in cloudreve/src or mappings/)").isEmpty();
    }

    @Test
    void theGenericDefaultsAreNoProductsAndCloudrevesAreItsProfiles() {
        var generic = UpgradeOptions.defaults();
        assertThat(List.of(generic.v2Prefix(), generic.salt(), generic.thumbSuffix())).containsOnly("");
        assertThat(generic.v2TimeZone().getId()).isEqualTo("UTC");

        var cloudreve = CloudreveSite.defaults();
        assertThat(cloudreve.v2Prefix()).isEqualTo("sd_");
        assertThat(cloudreve.salt()).isEqualTo("sdshare");
        assertThat(cloudreve.v2TimeZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(cloudreve.recoveryFolder()).isEqualTo("Recovered from V2");
        assertThat(cloudreve.thumbSuffix()).isEqualTo("._thumb");
        assertThat(SiteProfiles.current()).as("tests/run.java installs it, as upgrade.java does").isInstanceOf(CloudreveSite.class);
        assertThat(SiteProfiles.current().defaultOptions()).isEqualTo(cloudreve);
    }

    @Test
    void theHelpAndQuestionsSpeakCloudreveThroughTheProfilesTexts() {
        var help = new java.io.StringWriter();
        var commandLine = upgrade.cli.UpgradeCommand.commandLine();
        commandLine.setOut(new java.io.PrintWriter(help));
        commandLine.execute("run", "--help");
        assertThat(help.toString()).contains("V2's web root: its application/database.php",
                "V3's conf.ini: its [Database]", "checked to be 2.0.0-Alpha1", "Default: sd_");
        assertThat(upgrade.cli.Texts.SHARE_SALT.text()).isEqualTo("  HashIDSalt, or the path of V3's conf.ini (empty: leave the new links out)");
        for (var text : upgrade.cli.Texts.values()) {
            assertThat(new upgrade.cloudreve.CloudreveTexts().keySet()).as("Cloudreve's words for " + text).contains(text.key());
        }
    }
}
