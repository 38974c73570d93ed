package upgrade.mapping;

import org.junit.jupiter.api.Test;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files with {@code since: RELEASE} hold what a V3 release changes: they are laid over the others,
 * oldest release first, only for that release and later ones, below an operator's --mappings.
 */
class VersionLayersTest {
    private final MappingLoader loader = new MappingLoader(
            new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), Instant.parse("2024-05-01T12:00:00Z"))));
    private final MappingFiles bundled = MappingFiles.bundled();
    private final TargetVersions versions = MappingLoader.versions(bundled);

    private List<String> upTo(String release) {
        return versions.known().stream().map(TargetVersions.Version::name).toList().subList(0, versions.indexOf(release) + 1);
    }

    private static upgrade.rules.JsonRule json(MappingSet set, String mapping, String column) {
        return (upgrade.rules.JsonRule) ((RowMapping) set.find(mapping).orElseThrow()).columns().get(column);
    }

    @Test
    void theLayersAreApartUntilAReleaseChoosesThem() {
        assertThat(bundled.files()).noneMatch(file -> file.since().isPresent());
        assertThat(bundled.layers()).extracting(MappingFiles.File::name).contains("nodes.yaml", "v3-3.4.0-settings.yaml", "v3-3.8.0-files.yaml");
        var v300 = loader.load(bundled.forVersion(upTo("3.0.0"), versions));
        assertThat(v300.find("nodes")).isEmpty();
        assertThat(json(v300, "groups", "options").fields()).doesNotContainKey("source_batch");
        assertThat(((KeyValueMapping) v300.find("settings").orElseThrow()).entries()).containsKey("aria2_rpcurl");
    }

    @Test
    void eachReleaseGetsTheLayersUpToItInOrder() {
        var v340 = loader.load(bundled.forVersion(upTo("3.4.0"), versions));
        assertThat(v340.find("nodes")).isPresent();
        assertThat(((KeyValueMapping) v340.find("settings").orElseThrow()).entries()).doesNotContainKey("aria2_rpcurl");
        assertThat(((RowMapping) v340.find("files").orElseThrow()).columns()).doesNotContainKey("metadata");

        var v383 = loader.load(bundled.forVersion(upTo("3.8.2"), versions));
        assertThat(json(v383, "groups", "options").fields().keySet()).containsExactly("archive_download", "archive_task", "share_download", "aria2",
                "source_batch", "aria2_batch", "redirected_source", "advance_delete");
        assertThat(((RowMapping) v383.find("files").orElseThrow()).nullable()).containsExactly("upload_session_id");
        assertThat(((RowMapping) v383.find("files").orElseThrow()).columns().get("metadata")).isInstanceOf(upgrade.rules.ExprRule.class);
        assertThat(v383.checksum()).isNotEqualTo(loader.load(bundled.forVersion(upTo("3.0.0"), versions)).checksum());
    }

    @Test
    void anOperatorsFilesAreLaidOverTheReleasesLayers() {
        var mine = new MappingFiles("my-mappings", List.of(new MappingFiles.File("groups.yaml",
                "extends: groups\ncolumns:\n  options: {json: {webdav_proxy: {value: true}}}\n")));
        var set = loader.load(bundled.overlay(mine).forVersion(upTo("3.8.2"), versions));
        assertThat(json(set, "groups", "options").fields().keySet()).contains("source_batch", "advance_delete", "webdav_proxy");
    }

    @Test
    void anOperatorMayExtendAReleasesOwnMapping() {
        var mine = new MappingFiles("my-mappings", List.of(new MappingFiles.File("nodes.yaml",
                "extends: nodes\ncolumns:\n  aria2_options: {json: {timeout: {value: 30}}}\n")));
        var set = loader.load(bundled.overlay(mine).forVersion(upTo("3.8.2"), versions));
        assertThat(json(set, "nodes", "aria2_options").fields().keySet()).containsExactly("server", "token", "temp_path", "options", "interval", "timeout");
        assertThat(json(set, "nodes", "aria2_options").fields().get("timeout")).isInstanceOf(upgrade.rules.ValueRule.class);
        var e = catchThrowableOfType(MappingException.class, () -> bundled.overlay(mine).forVersion(upTo("3.3.2"), versions));
        assertThat(e.getMessage()).contains("'extends' names 'nodes', which is not one of the");
    }

    @Test
    void aLayerNamingNoListedReleaseIsRefusedAtItsSinceKey() {
        var odd = new MappingFiles("test", bundled.files(), List.of(new MappingFiles.File("odd.yaml", "since: 3.9.0\nextends: groups\n")), null, null);
        var e = catchThrowableOfType(MappingException.class, () -> odd.forVersion(upTo("3.0.0"), versions));
        assertThat(e.getMessage()).contains("odd.yaml:1:", "'since' names '3.9.0', which is not a release target.yaml lists");
    }
}
