package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.FakeV2Root;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/** The files command on its own. */
class FilesCommandTest {

    @Test
    void theFilesCommandNeedsV2sWebRootAndCanRunAlone() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var without = execute("files", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(without.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(without.err()).contains("Missing --v2-root");
            var upgraded = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes",
                    "--export-dir", site.exports().toString());
            assertThat(upgraded.out()).contains("The files on disk (thumbnails, avatars) were not copied: V2's web root is not known.");
            var root = FakeV2Root.create(site);
            var v3 = Files.createTempDirectory(site.exports(), "v3dir");
            var result = execute("files", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                    "--v2-root", root.toString(), "--v3-dir", v3.toString(), "--dry-run");
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("thumbnails", "note 2: would be copied", "note 1: would be copied (as PNG)");
            try (var files = Files.list(v3)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
