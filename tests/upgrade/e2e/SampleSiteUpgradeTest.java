package upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.report.RunReport;
import upgrade.support.TestSite;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The sample V2 site (demo/v2-sample-site.sql) upgraded into V3 3.0.0 with prefix cd_, checked value by value. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSiteUpgradeTest {
    private TestSite site;
    private RunReport report;
    private Map<String, Object> v2Before;

    @BeforeAll
    void upgrade() {
        site = TestSite.sample("cd_");
        v2Before = site.snapshotV2();
        try (var upgrade = site.open()) {
            report = upgrade.run();
        }
    }

    @AfterAll
    void drop() {
        site.close();
    }

    @Test
    void everyRowReadIsWrittenOrLeftOutWithAReason() {
        assertThat(report.steps()).extracting("name").containsExactly("policies", "groups", "users", "roots", "missing-roots",
                "folders", "files", "dropped-callbacks", "dropped-cron", "dropped-downloads", "dropped-storage-packs",
                "dropped-tasks", "dropped-transient", "settings", "shares", "storage");
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).isTrue());
        assertThat(report.step("users").orElseThrow().written()).isEqualTo(7);
        assertThat(report.step("groups").orElseThrow().written()).isEqualTo(5);
        assertThat(report.step("policies").orElseThrow().written()).isEqualTo(5);
        assertThat(report.committed()).isTrue();
    }

    @Test
    void v2IsNotChanged() {
        assertThat(site.snapshotV2()).isEqualTo(v2Before);
    }

    @Test
    void usersKeepIdsEmailsNicksAndGetV3Statuses() {
        var users = site.rows("SELECT id, email, nick, status, group_id, storage, two_factor, avatar, options, authn FROM {p}users ORDER BY id");
        assertThat(users).hasSize(7);
        assertThat(users.get(0)).containsAllEntriesOf(Map.of("email", "admin@cloudreve.org", "nick", "Admin", "status", 0,
                "group_id", 1L, "avatar", "gravatar", "options", "{\"preferred_theme\":\"#3f51b5\"}"));
        // alice: member of V2 group 3 (registered members) -> V3 group 2 (default group)
        assertThat(users.get(1)).containsAllEntriesOf(Map.of("email", "alice@example.com", "status", 0, "group_id", 2L,
                "avatar", "", "options", "{}"));
        // bob: VIP group keeps id 4, uploaded avatar, closed profile, 2FA secret dropped
        assertThat(users.get(2)).containsAllEntriesOf(Map.of("group_id", 4L, "avatar", "file", "two_factor", "",
                "options", "{\"profile_off\":true,\"preferred_theme\":\"#4caf50\"}"));
        assertThat(users.get(3)).containsEntry("email", "carol@example.com").containsEntry("status", 1); // pending activation
        assertThat(users.get(4)).containsEntry("email", "dave@example.com").containsEntry("status", 2);  // banned
        assertThat(users.get(5)).containsEntry("nick", "测试用户");
        assertThat(users.get(6)).containsEntry("group_id", 1L);
        assertThat(users).extracting(user -> user.get("storage")).containsExactly(BigInteger.ZERO,
                BigInteger.valueOf(1550336), BigInteger.valueOf(5402624), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
        assertThat(users).allSatisfy(user -> assertThat(user.get("authn")).isEqualTo(""));
    }

    @Test
    void everyV2PasswordVerifiesUnderV3sRuleForTheMd5Form() {
        var plaintext = Map.of(1L, "admin", 2L, "alice2019", 3L, "bobSecret!", 4L, "carol-pending",
                5L, "dave-banned", 6L, "erin12345", 7L, "frank-admin");
        var users = site.rows("SELECT id, password FROM {p}users");
        assertThat(users).hasSize(plaintext.size());
        for (var user : users) {
            var id = ((Number) user.get("id")).longValue();
            assertThat(v3AcceptsMd5Form((String) user.get("password"), plaintext.get(id))).as("user %d", id).isTrue();
            assertThat(v3AcceptsMd5Form((String) user.get("password"), plaintext.get(id) + "x")).isFalse();
        }
    }

    /** V3's CheckPassword for three parts md5:HASH:SALT: md5(SALT + password) equals HASH. */
    private static boolean v3AcceptsMd5Form(String stored, String password) {
        var parts = stored.split(":");
        return parts.length == 3 && parts[0].equals("md5") && md5(parts[2] + password).equals(parts[1]);
    }

    private static String md5(String text) {
        try {
            var digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void timesAreV2WallClockInShanghaiStoredAsTheSameInstant() {
        // alice registered 2019-03-17 09:12:45 Asia/Shanghai = 2019-03-17 01:12:45 UTC = 1552785165 s;
        // UNIX_TIMESTAMP reads a TIMESTAMP's stored instant whatever the session's time zone.
        var row = site.rows("SELECT UNIX_TIMESTAMP(created_at) AS epoch, UNIX_TIMESTAMP(updated_at) AS updated FROM {p}users WHERE id = 2").get(0);
        assertThat(((Number) row.get("epoch")).longValue()).isEqualTo(1552785165L);
        assertThat(((Number) row.get("updated")).longValue()).isEqualTo(1552785165L);
    }

    @Test
    void groupsSwapTwoAndThreeAndCarryQuotaPoliciesSpeedAndAria2() {
        var groups = site.rows("SELECT id, name, policies, max_storage, share_enabled, web_dav_enabled, speed_limit, options FROM {p}groups ORDER BY id");
        assertThat(groups).extracting(g -> g.get("id")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(groups.get(0)).containsEntry("policies", "[1]")
                .containsEntry("options", "{\"archive_download\":true,\"archive_task\":true,\"share_download\":true,\"aria2\":true}");
        // V3 2 = V2 3 (registered members): 100 MiB, 512 KiB/s = 524288 B/s
        assertThat(groups.get(1)).containsEntry("max_storage", BigInteger.valueOf(104857600)).containsEntry("speed_limit", 524288)
                .containsEntry("options", "{\"share_download\":true}");
        // V3 3 = V2 2 (guests): no policies; visitors may not download shares (allowdVisitorDownload false)
        assertThat(groups.get(2)).containsEntry("policies", "[]").containsEntry("speed_limit", 0)
                .containsEntry("options", "{\"share_download\":false}");
        assertThat(groups.get(3)).containsEntry("name", "VIP").containsEntry("policies", "[2,1]")
                .containsEntry("options", "{\"share_download\":true,\"aria2\":true}");
        // Trial listed the deleted policy 9: dropped
        assertThat(groups.get(4)).containsEntry("policies", "[3]").containsEntry("share_enabled", false).containsEntry("web_dav_enabled", false);
        assertThat(report.step("groups").orElseThrow().notes()).containsKeys(
                "the group listed storage policies that no longer exist; they were dropped from its policy list");
    }

    @Test
    void policiesGetV3ColumnsPerType() {
        var policies = site.rows("SELECT id, type, server, bucket_name, is_private, base_url, access_key, secret_key, max_size,"
                + " dir_name_rule, file_name_rule, is_origin_link_enable, options FROM {p}policies ORDER BY id");
        assertThat(policies).hasSize(5);
        assertThat(policies.get(0)).containsAllEntriesOf(Map.of("type", "local", "base_url", "", "dir_name_rule", "public/uploads/{date}/{uid}",
                "file_name_rule", "{uid}_{randomkey8}_{originname}",
                "options", "{\"token\":\"\",\"file_type\":[\"jpg\",\"png\",\"gif\",\"mp4\",\"txt\"],\"mimetype\":\"\"}"));
        assertThat(policies.get(1)).containsAllEntriesOf(Map.of("type", "qiniu", "bucket_name", "img-bucket", "is_private", true,
                "access_key", "QAK", "secret_key", "QSK", "base_url", "https://img.example.com/", "is_origin_link_enable", true,
                "options", "{\"token\":\"\",\"file_type\":[],\"mimetype\":\"image/*\"}"));
        assertThat(policies.get(2)).containsAllEntriesOf(Map.of("type", "oss", "server", "oss-cn-hangzhou.aliyuncs.com",
                "access_key", "OAK", "secret_key", "OSK"));
        assertThat(policies.get(3)).containsAllEntriesOf(Map.of("type", "upyun", "access_key", "operator", "secret_key", "oppass",
                "options", "{\"token\":\"antileech-token\",\"file_type\":[],\"mimetype\":\"\"}"));
        assertThat(policies.get(4)).containsAllEntriesOf(Map.of("type", "onedrive", "server", "https://graph.microsoft.com/v1.0",
                "base_url", "https://login.microsoftonline.com/common/oauth2/v2.0", "bucket_name", "client-id-123",
                "access_key", "MCYd1Xk9S6v-rt", "secret_key", "client-secret",
                "options", "{\"token\":\"\",\"file_type\":[],\"mimetype\":\"\",\"od_redirect\":\"https://pan.example.com/api/v3/callback/onedrive/auth\"}"));
    }

    @Test
    void settingsWithAV3HomeAreUpdatedAndV3sOwnRowsStay() {
        var settings = site.rows("SELECT name, value FROM {p}settings");
        var byName = new java.util.HashMap<String, Object>();
        settings.forEach(s -> byName.put((String) s.get("name"), s.get("value")));
        assertThat(byName).contains(
                entry("siteURL", "https://pan.example.com"),
                entry("siteName", "示例网盘"),
                entry("register_enabled", "0"),       // V2 regStatus 1 = closed
                entry("default_group", "2"),          // V2 group 3 -> V3 group 2
                entry("email_active", "1"),
                entry("login_captcha", "1"),
                entry("smtpHost", "smtp.example.com"),
                entry("smtpPort", "465"),
                entry("smtpEncryption", "1"),         // V2 ssl
                entry("maxEditSize", "200000"),
                entry("gravatar_server", "https://cdn.v2ex.com/"),
                entry("aria2_rpcurl", "http://127.0.0.1:6800/"),
                entry("aria2_temp_path", "/srv/cloudreve/public/downloads"),
                entry("db_version_3.0.0", "installed"),
                entry("thumb_width", "400"));
        assertThat(byName.get("secret_key").toString()).hasSize(256);
        assertThat(settings).hasSize(81 + 2); // V3's 81 defaults plus smtpEncryption and siteScript, which 3.0.0 lacks
    }

    @Test
    void everyV2OptionWithoutAV3HomeIsListedWithItsReason() {
        var settings = report.step("settings").orElseThrow();
        assertThat(settings.read()).isEqualTo(41);
        assertThat(settings.skippedKeys().values().stream().flatMap(java.util.List::stream))
                .containsExactlyInAnyOrder("siteStatus", "database_version", "allowdVisitorDownload", "refererCheck", "timeout",
                        "admin_color_body", "admin_color_nav", "sendfile", "header", "task_queue_token");
        assertThat(settings.skipped()).containsEntry("V2 never read it", 1L);
    }

    @Test
    void usersNotesCountWhatIsDroppedByDesign() {
        var notes = report.step("users").orElseThrow().notes();
        assertThat(notes).containsEntry(
                "two-factor secret dropped by design (V3 cannot take V2's over); the user signs in with the password and may enable it again", 1L);
    }
}
