package upgrade.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import upgrade.support.TestSite;
import upgrade.support.TestSite.Engine;
import upgrade.support.V3Releases;
import upgrade.support.V3Rules;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dirty site upgraded into every release target.yaml lists, on MySQL/MariaDB (prefix cd_) and
 * on SQLite (V3's default install, no prefix), each on a stand-in of that release's first-start
 * database (the 3.8.3 fixture made into that release's tables, columns, column types, default
 * settings and db_version, see {@link V3Releases}; V3StandInsTest shows they are faithful): the
 * release is found, every row is written or listed with its reason, and the result obeys V3's rules
 * and those of that release (V3Rules applies them by the tables and columns present; the verify
 * mappings of its layers too). All 15 releases run on both engines: the 30 upgrades take about
 * 70 seconds on the shared 2-core machine. The releases with a fixture of their own are also
 * upgraded in full by DirtySiteUpgradeTest (3.0.0), DirtySiteUpgradeInto383Test (3.8.3) and the
 * SqliteTarget*UpgradeTests.
 */
class EveryReleaseUpgradeTest {

    static Stream<Arguments> releases() {
        return Stream.of(Engine.values()).flatMap(engine -> V3Releases.names().stream().map(release -> Arguments.of(engine, release)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("releases")
    void theDirtySiteUpgradesIntoEveryListedRelease(Engine engine, String release) {
        // V3's default SQLite install has no table prefix; on MySQL the tests use cd_
        var prefix = engine == Engine.SQLITE ? "" : "cd_";
        try (var site = TestSite.sampleAsRelease(prefix, engine, release).v2Script("fixtures/v2-dirty-site.sql");
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
