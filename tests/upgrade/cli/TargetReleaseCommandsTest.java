package upgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static upgrade.cli.UpgradeCommandTest.execute;

/**
 * The commands on a V3 3.8.3 database: check and plan say which release they found, run records it
 * in its JSON report and writes the master node too, and reset puts every table it wrote back as
 * at V3's first start (the master node included); a database of a release the mappings do not
 * know stops check with exit 5, writing nothing.
 */
class TargetReleaseCommandsTest {

    @Test
    void theCommandsNameTheReleaseAndResetPutsTheMasterNodeBack() throws IOException {
        try (var site = TestSite.sample("cd_", "3.8.3")) {
            var firstStart = site.snapshotV3();
            var to = new String[] {"--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_"};
            var check = execute(concat(new String[] {"check"}, to));
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("Target: V3 3.8.2 to 3.8.3 (db_version_3.8.1), found in its database; the mappings are that release's.",
                    "[pass] the V3 database has only the master node V3 made at its first start (v3-first-start.yaml)");

            var validate = execute(concat(new String[] {"mappings", "validate"}, to));
            assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
            assertThat(validate.out()).contains("Target: V3 3.8.2 to 3.8.3 (db_version_3.8.1)", "mappings are valid against both databases");

            var run = execute(concat(new String[] {"run", "--yes", "--export-dir", site.exports().toString()}, to));
            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Target: V3 3.8.2 to 3.8.3", "[pass] node 1 is the master node (verify-nodes.yaml)");
            var report = new ObjectMapper().readTree(site.exports().resolve("upgrade-report.json").toFile());
            assertThat(report.get("target").asText()).isEqualTo("V3 3.8.2 to 3.8.3 (db_version_3.8.1)");
            assertThat(site.rows("SELECT aria2_enabled FROM {p}nodes WHERE id = 1").get(0)).containsEntry("aria2_enabled", true);

            var reset = execute("reset", "--to", site.v3Url(), "--v3-prefix", "cd_", "--yes");
            assertThat(reset.code()).as(reset.out() + reset.err()).isZero();
            assertThat(site.snapshotV3()).isEqualTo(firstStart);
        }
    }

    @Test
    void aReleaseTheMappingsDoNotKnowStopsCheckWithExit5() {
        try (var site = TestSite.sample("cd_", "3.8.3")) {
            site.v3("UPDATE {p}settings SET name = 'db_version_4.0.0' WHERE type = 'version'");
            var before = site.snapshotV3();
            var check = execute("run", "--yes", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--export-dir", site.exports().toString());
            assertThat(check.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(check.out() + check.err()).contains("[FAIL] the V3 database is of a release the mappings support (V3 3.0.0 to 3.8.3) (target.yaml)",
                    "its settings record 'db_version_4.0.0'", "fix: start a V3 release from 3.0.0 to 3.8.3");
            assertThat(site.snapshotV3()).isEqualTo(before);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        var all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
