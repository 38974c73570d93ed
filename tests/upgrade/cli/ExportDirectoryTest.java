package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.executeIn;

/** The report and the share-link map (every share key) are kept out of V2's web root, which V2's web server may serve. */
class ExportDirectoryTest {

    @Test
    void runInV2sWebRootWritesBesideItAndSaysWhere() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var root = DiscoveryTest.v2Root(site, "2.0.0-Alpha1").toRealPath();
            var beside = root.getParent().resolve("cloudreve-upgrade-" + root.getFileName());
            var result = executeIn(root, null, "run", "--v3-conf", DiscoveryTest.v3Conf(site).toString(), "--yes");
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("The report and v2-share-links.csv go to " + beside + " (beside V2's web root " + root
                    + ", which V2's web server may serve; --export-dir DIR chooses another)",
                    "The full report (every row left out, renamed or re-homed, with its key) is in " + beside.resolve("upgrade-report.json"),
                    "Wrote " + beside.resolve("v2-share-links.csv"));
            assertThat(beside.resolve("upgrade-report.json")).exists();
            assertThat(beside.resolve("v2-share-links.csv")).exists();
            assertThat(root.resolve("upgrade-report.json")).doesNotExist();
            assertThat(root.resolve("v2-share-links.csv")).doesNotExist();
        }
    }

    @Test
    void runElsewhereWritesIntoTheWorkingDirectory() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var root = DiscoveryTest.v2Root(site, "2.0.0-Alpha1");
            var elsewhere = Files.createDirectories(site.exports().resolve("admin-home")).toRealPath();
            var result = executeIn(elsewhere, null, "plan", "--v2-root", root.toString(), "--v3-conf", DiscoveryTest.v3Conf(site).toString());
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("The report goes to " + elsewhere + " (the working directory)");
            assertThat(elsewhere.resolve("upgrade-plan.json")).exists();
        }
    }

    @Test
    void anExportDirectoryInsideV2sWebRootIsWarnedAbout() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var root = DiscoveryTest.v2Root(site, "2.0.0-Alpha1");
            var result = executeIn(root, null, "plan", "--v3-conf", DiscoveryTest.v3Conf(site).toString(), "--export-dir", "public/upgrade");
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("WARNING: --export-dir " + root.toRealPath().resolve("public/upgrade") + " is inside V2's web root "
                    + root.toRealPath() + ": V2's web server may serve the report and v2-share-links.csv (every share key) to anyone.");
            assertThat(root.resolve("public/upgrade/upgrade-plan.json")).exists();
        }
    }

    @Test
    void aDirectoryInsideTheWebRootCountsAsInIt() throws IOException {
        var parent = Files.createTempDirectory("export-dir-test-").toRealPath();
        try {
            var root = Files.createDirectories(parent.resolve("www"));
            Files.createDirectories(root.resolve("application"));
            Files.writeString(root.resolve("application/database.php"), "<?php return ['database' => 'v2'];");
            var publicDir = Files.createDirectories(root.resolve("public"));
            var chosen = ExportDirectory.choose(null, publicDir, null);
            assertThat(chosen.path()).isEqualTo(parent.resolve("cloudreve-upgrade-www"));
            assertThat(chosen.warning()).isEmpty();
            var outside = ExportDirectory.choose(null, parent, root);
            assertThat(outside.path()).isEqualTo(parent);
            assertThat(outside.why()).isEqualTo("the working directory");
            assertThat(ExportDirectory.choose(Path.of("public"), root, null).warning()).isPresent();
            assertThat(ExportDirectory.choose(Path.of("../reports"), root, null).warning()).isEmpty();
        } finally {
            try (var files = Files.walk(parent)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
