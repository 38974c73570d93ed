package upgrade.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import upgrade.support.TestSite;
import upgrade.support.V3Releases;
import upgrade.support.V3Rules;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dirty site upgraded into every release target.yaml lists, each on a stand-in of its
 * first-start database (the 3.8.3 fixture reduced to that release's schema and db_version, see
 * {@link V3Releases}): the release is found, every row is written or listed with its reason, and
 * the result obeys V3's rules and those of that release (the verify mappings of its layers too).
 * The releases with a fixture of their own are upgraded in full by DirtySiteUpgradeTest (3.0.0)
 * and DirtySiteUpgradeInto383Test (3.8.3).
 */
class EveryReleaseUpgradeTest {

    static List<String> releases() {
        return V3Releases.names();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void theDirtySiteUpgradesIntoEveryListedRelease(String release) {
        try (var site = TestSite.sampleAsRelease("cd_", release).v2Script("fixtures/v2-dirty-site.sql");
             var upgrade = site.open()) {
            var report = upgrade.run();
            assertThat(report.target()).startsWith("V3 " + V3Releases.LISTED.find(release).orElseThrow().releases() + " (db_version_");
            assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).as(step.name()).isTrue());
            assertThat(V3Rules.broken(site)).isEmpty();
            assertThat(upgrade.verify().failed()).isEmpty();
            var hasNodes = V3Releases.LISTED.indexOf(release) >= V3Releases.LISTED.indexOf("3.4.0");
            assertThat(report.step("nodes").isPresent()).as("the master node takes V2's aria2 from 3.4.0").isEqualTo(hasNodes);
            assertThat(site.rows("SELECT name FROM {p}settings WHERE name = 'aria2_rpcurl'")).hasSize(hasNodes ? 0 : 1);
        }
    }
}
