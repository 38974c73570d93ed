package upgrade.plan;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.check.ChecksFailedException;
import upgrade.demo.DemoSite;
import upgrade.mapping.DetectedVersion;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.TargetVersions;
import upgrade.support.TestServer;
import upgrade.support.V3Releases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The V3 release is read from the first-start database (its db_version_* setting, confirmed by its
 * schema): every release target.yaml lists is recognised, and a release it does not list, or a
 * schema that is not its db_version's, is refused as a failed check (exit 5) naming what was found.
 * The databases of the releases without a fixture of their own are the 3.8.3 fixture without the
 * tables and columns later releases added (v3-database.md §6) and with that release's db_version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionDetectionTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final TargetVersions VERSIONS = MappingLoader.versions(MappingFiles.bundled());
    private final List<String> databases = new ArrayList<>();

    @AfterAll
    void drop() {
        databases.forEach(TestServer.get()::dropDatabase);
    }

    static List<String> releases() {
        return V3Releases.names();
    }

    /** A V3 database of {@code fixture} (3.0.0 or 3.8.3), prefix cd_. */
    private String v3(String fixture) {
        var name = "t_v3_detect_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        databases.add(name);
        DemoSite.createV3(TestServer.get(), name, "cd_", fixture);
        return name;
    }

    /** The 3.8.3 fixture as release {@code name} would have made it (see {@link V3Releases}). */
    private String v3As(String name) {
        var database = v3("3.8.3");
        V3Releases.reduce(TestServer.get(), database, "cd_", name);
        return database;
    }

    private static void marker(String database, String marker) {
        TestServer.get().execute(database, "UPDATE cd_settings SET name = 'db_version_" + marker + "' WHERE type = 'version'");
    }

    private static DetectedVersion detect(String database) {
        try (var upgrade = Upgrade.openV3(TestServer.get().url(database), UpgradeOptions.defaults().withV3Prefix("cd_"))) {
            return upgrade.draft().mappings().version().orElseThrow();
        }
    }

    @ParameterizedTest
    @MethodSource("releases")
    void everyListedReleaseIsRecognised(String release) {
        var found = detect(v3As(release));
        assertThat(found.version().name()).isEqualTo(release);
        assertThat(found.marker()).isEqualTo("db_version_" + VERSIONS.known().get(VERSIONS.indexOf(release)).marker());
    }

    @Test
    void theFixturesAreTheirReleases() {
        assertThat(detect(v3("3.0.0")).describe()).isEqualTo("V3 3.0.0 (db_version_3.0.0)");
        assertThat(detect(v3("3.8.3")).describe()).isEqualTo("V3 3.8.2 to 3.8.3 (db_version_3.8.1)");
    }

    @Test
    void theReleasesRangeFrom300To383() {
        assertThat(VERSIONS.range()).isEqualTo("3.0.0 to 3.8.3");
        assertThat(VERSIONS.markers()).containsExactly("3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.3.1", "3.3.2", "3.4.0", "3.5.0", "3.5.2",
                "3.6.0", "3.7.0", "3.7.1", "3.8.0-beta1", "3.8.1");
    }

    @Test
    void aNewerReleaseIsRefusedNamingWhatWasFound() {
        var database = v3("3.8.3");
        marker(database, "3.9.0");
        assertThatThrownBy(() -> detect(database)).isInstanceOfSatisfying(ChecksFailedException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(5);
            assertThat(e.getMessage()).contains("the V3 database is of a release the mappings support (V3 3.0.0 to 3.8.3)",
                    "its settings record 'db_version_3.9.0': no release of V3 the mappings support (3.0.0 to 3.8.3) writes it");
            assertThat(e.hint()).isNotEmpty();
            assertThat(e.getMessage()).contains("fix: start a V3 release from 3.0.0 to 3.8.3");
        });
    }

    @Test
    void aPreReleaseIsRefused() {
        var database = v3("3.0.0");
        marker(database, "3.0.0-rc1");
        assertThatThrownBy(() -> detect(database)).isInstanceOf(ChecksFailedException.class)
                .hasMessageContaining("'db_version_3.0.0-rc1': no release of V3");
    }

    @Test
    void aSchemaThatIsNotItsDbVersionsIsRefused() {
        var database = v3("3.8.3");
        marker(database, "3.4.0");
        assertThatThrownBy(() -> detect(database)).isInstanceOfSatisfying(ChecksFailedException.class, e -> assertThat(e.getMessage())
                .contains("its settings record 'db_version_3.4.0' (V3 3.4.0 to 3.4.3), but its schema is not that release's:",
                        "it has the column 'cd_files.upload_session_id', which 3.5.0 added", "it has the table 'cd_source_links', which 3.6.0 added"));
        var old = v3("3.0.0");
        marker(old, "3.8.1");
        assertThatThrownBy(() -> detect(old)).isInstanceOf(ChecksFailedException.class)
                .hasMessageContaining("it has no table 'cd_nodes' (3.4.0 added it)");
    }

    @Test
    void theSameMarkerIsToldApartByTheSchema() {
        assertThat(detect(v3As("3.8.0")).version().releases()).isEqualTo("3.8.0");
        assertThat(detect(v3As("3.8.1")).version().releases()).isEqualTo("3.8.1");
    }

    @Test
    void aSoftDeletedDbVersionDoesNotCount() {
        var database = v3("3.8.3");
        TestServer.get().execute(database, "INSERT INTO cd_settings (type, name, value, deleted_at) VALUES ('version', 'db_version_9.9.9', 'installed', NOW())");
        assertThat(detect(database).version().name()).isEqualTo("3.8.2");
    }
}
