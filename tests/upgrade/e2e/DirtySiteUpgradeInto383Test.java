package upgrade.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dirty site upgraded into V3 3.8.3 (demo/v3-3.8.3-mysql.sql): every test of
 * {@link DirtySiteUpgradeTest}, and what 3.8.3 has that 3.0.0 has not (v3-database.md §3.3,
 * §4.2-§4.5, §4.11, §5.2, §8): the master node takes V2's aria2, no aria2 setting is left, no file
 * is an upload placeholder, local images' thumbnails are marked as V3 marks its own, and the
 * groups' and policies' options have the keys 3.8.3 writes for its own.
 */
class DirtySiteUpgradeInto383Test extends DirtySiteUpgradeTest {

    @Override
    protected String v3Release() {
        return "3.8.3";
    }

    @Test
    void theMasterNodeTakesV2sOfflineDownloadsAsV3sUpgradeScriptWould() {
        assertThat(v3("SELECT aria2_enabled, aria2_options, type FROM {p}nodes WHERE id = 1"))
                .containsEntry("aria2_enabled", true).containsEntry("type", 1)
                .containsEntry("aria2_options", "{\"server\":\"http://127.0.0.1:6800/\",\"token\":\"secret-token\","
                        + "\"temp_path\":\"/srv/cloudreve/public/downloads\",\"options\":\"{\\\"max-tries\\\":5}\",\"interval\":10,\"timeout\":10}");
        assertThat(site.rows("SELECT name FROM {p}settings WHERE type = 'aria2'")).isEmpty();
        assertThat(site.rows("SELECT id FROM {p}nodes")).hasSize(1);
    }

    @Test
    void noFileIsAnUploadPlaceholderAndLocalImagesKeepTheirThumbnails() {
        assertThat(site.rows("SELECT id FROM {p}files WHERE upload_session_id IS NOT NULL")).isEmpty();
        assertThat(v3("SELECT metadata FROM {p}files WHERE id = 1")).containsEntry("metadata", "{\"thumb_sidecar\":\"true\",\"thumb_status\":\"exist\"}");
        assertThat(v3("SELECT metadata FROM {p}files WHERE id = 111")).containsEntry("metadata", "");   // a text file
        assertThat(v3("SELECT metadata FROM {p}files WHERE id = 8")).containsEntry("metadata", "");     // qiniu: its own thumbnails
    }

    @Test
    void groupsAndPoliciesHaveTheOptionsOf383() {
        assertThat(v3("SELECT options FROM {p}groups WHERE id = 1")).containsEntry("options",
                "{\"archive_download\":true,\"archive_task\":true,\"share_download\":true,\"aria2\":true,"
                        + "\"source_batch\":1000,\"aria2_batch\":50,\"redirected_source\":true,\"advance_delete\":true}");
        // V3's group 2 is the registered users (V2's 3), its group 3 the anonymous visitors (V2's guests, 2)
        assertThat((String) v3("SELECT options FROM {p}groups WHERE id = 2").get("options"))
                .contains("\"source_batch\":10", "\"aria2_batch\":1", "\"redirected_source\":true").doesNotContain("advance_delete");
        assertThat((String) v3("SELECT options FROM {p}groups WHERE id = 3").get("options")).doesNotContain("source_batch", "redirected_source");
        assertThat((String) v3("SELECT options FROM {p}policies WHERE id = 1").get("options")).contains("\"chunk_size\":26214400", "\"s3_path_style\":false");
    }

    @Test
    void v3sOwnSettingsStayAndTheThumbnailSuffixIsTheOneCopiedWith() {
        assertThat(v3("SELECT value FROM {p}settings WHERE name = 'db_version_3.8.1'")).containsEntry("value", "installed");
        assertThat(v3("SELECT value FROM {p}settings WHERE name = 'thumb_file_suffix'")).containsEntry("value", "._thumb");
        assertThat(v3("SELECT COUNT(*) AS n FROM {p}settings WHERE deleted_at IS NOT NULL")).containsEntry("n", 0L);
        assertThat(step("nodes").written()).isEqualTo(1);
        assertThat(step("settings").skippedKeys().get("V3 3.4.0+ keeps it in its master node's aria2 settings (nodes.yaml)"))
                .containsExactlyInAnyOrder("aria2_rpcurl", "aria2_token", "aria2_tmppath", "aria2_options");
    }
}
