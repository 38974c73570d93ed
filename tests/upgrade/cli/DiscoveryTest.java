package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.FakeV2Root;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/** Settings read from V2's web root and V3's conf.ini, as an operator runs the tool in V2's root. */
class DiscoveryTest {
    private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:]+):(\\d+)/([^?]+)\\?user=(\\w+)");

    static Path v2Root(TestSite site, String version) throws IOException {
        var root = Files.createTempDirectory(site.exports(), "v2root");
        FakeV2Root.application(site, root, version);
        return root;
    }

    /** V3's conf.ini as V3 writes it, with the [Database] section an operator adds for MySQL. */
    static Path v3Conf(TestSite site) throws IOException {
        var url = URL.matcher(site.v3Url());
        assertThat(url.find()).isTrue();
        var conf = site.exports().resolve("conf.ini");
        Files.writeString(conf, """
                [System]
                Mode = master
                Listen = :5212
                SessionSecret = 7dZ3
                HashIDSalt = salt-of-this-v3

                [Database]
                Type = mysql
                Host = %s
                Port = %s
                User = %s
                Password = %s
                Name = %s
                TablePrefix = cd_
                """.formatted(url.group(1), url.group(2), url.group(4), FakeV2Root.password(site.v3Url()), url.group(3)));
        return conf;
    }

    @Test
    void aRunTakesEverythingFromV2sWebRootAndV3sConfIni() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var result = execute("run", "--v2-root", v2Root(site, "2.0.0-Alpha1").toString(), "--v3-conf", v3Conf(site).toString(),
                    "--export-dir", site.exports().toString(), "--yes");
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            assertThat(result.out()).containsPattern("Settings from V2: .*/application \\(read (by|without) php\\), version 2.0.0-Alpha1")
                    .contains("Settings from V3: " + site.exports().resolve("conf.ini"));
            var links = Files.readAllLines(site.exports().resolve("v2-share-links.csv"));
            assertThat(links.get(1)).as("the HashIDSalt came from conf.ini").matches("k3x9a2bq,.*,1,\\w+,\"https://pan.example.com/s/\\w+\"");
        }
    }

    @Test
    void theVersionInVersionJsonIsChecked() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var result = execute("check", "--v2-root", v2Root(site, "1.1.1").toString(), "--v3-conf", v3Conf(site).toString());
            assertThat(result.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(result.out()).contains("[FAIL] V2 is Cloudreve 2.0.0-Alpha1 (settings.yaml)",
                    "V2's database_version is '5' and version.json says 1.1.1; 2.0.0-Alpha1 has 5");
        }
    }

    @Test
    void withoutATerminalAMissingDatabaseIsNamedNotAskedFor() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var result = execute("check", "--v2-root", v2Root(site, "2.0.0-Alpha1").toString());
            assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("Missing --to: give --to JDBC_URL, or --v3-conf FILE (V3's conf.ini)");
        }
    }

    @Test
    void optionsCanComeFromAnArgumentFile() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var file = site.exports().resolve("upgrade.args");
            Files.writeString(file, "--from\n" + site.v2Url() + "\n--to\n" + site.v3Url() + "\n--v3-prefix\ncd_\n");
            var result = execute("check", "@" + file);
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("[pass] V3 has started once on this database");
        }
    }
}
