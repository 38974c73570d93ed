package upgrade.e2e;

import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A freshly installed V2 with V3's default (empty) prefix, and the dirty user rows real V2 sites hold. */
class DirtyUsersAndDefaultsTest {

    @Test
    void aFreshV2InstallUpgradesIntoV3sDefaultPrefixKeepingV3sDefaultsWhereV2HadPlaceholders() {
        try (var site = TestSite.fresh("")) {
            try (var upgrade = site.open()) {
                var report = upgrade.run();
                assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).isTrue());
            }
            var admin = site.rows("SELECT email, nick, password, group_id, options FROM users").get(0);
            assertThat(admin).containsAllEntriesOf(Map.of("email", "admin@cloudreve.org", "nick", "Admin",
                    "password", "md5:d8446059f8846a2c111a7f53515665fb:sdshare", "group_id", 1L,
                    "options", "{}")); // V2's seed admin has options '' and profile 1
            // V2 shipped aria2 placeholders ('/path/to/public/download'); V3's empty values stay.
            var aria2 = site.rows("SELECT name, value FROM settings WHERE name IN ('aria2_options', 'aria2_rpcurl', 'aria2_temp_path', 'aria2_token') ORDER BY name");
            assertThat(aria2).extracting(r -> r.get("value")).containsExactly("{}", "", "", "");
            // regStatus '0' (open) becomes register_enabled '1'; defaultGroup 3 becomes 2
            assertThat(site.rows("SELECT value FROM settings WHERE name IN ('register_enabled', 'default_group') ORDER BY name"))
                    .extracting(r -> r.get("value")).containsExactly("2", "1");
            // root folder V3 created for its admin stays (files and folders come in a later step)
            assertThat(site.rows("SELECT name, owner_id FROM folders")).hasSize(1);
        }
    }

    @Test
    void dirtyUsersAreAccountedFor() {
        try (var site = TestSite.sample("cd_")) {
            // e-mail equal under V3's case-insensitive unique index; a group deleted in V2; a zero date; empty options
            site.v2("INSERT INTO sd_users VALUES (8, 'Alice@Example.com', 'alice2', 'x', '2019-03-20 10:00:00', 0, 3, 0, 'n', 0, '0', 0, 'default', 1, 'x', '{}')");
            site.v2("INSERT INTO sd_users VALUES (9, 'ghost@example.com', 'ghost', 'y', '2019-03-20 10:00:00', 0, 42, 0, 'n', 0, '0', 0, 'default', 1, 'y', '')");
            site.v2("INSERT INTO sd_users VALUES (10, 'nobody@example.com', 'nobody', 'z', '2019-03-20 10:00:00', 0, 3, 0, 'n', 0, '', 0, 'f.abc.png', 0, 'z', 'not json')");
            try (var upgrade = site.open()) {
                var users = upgrade.run().step("users").orElseThrow();
                assertThat(users.read()).isEqualTo(10);
                assertThat(users.written()).isEqualTo(9);
                assertThat(users.skipped()).containsExactly(
                        Map.entry("already in cd_users under the unique key 'uix_cd_users_email' (a duplicate in the source)", 1L));
                assertThat(users.skippedKeys().values()).containsExactly(java.util.List.of("8"));
                assertThat(users.notes()).containsEntry("the user's V2 group no longer exists; the user joins V3's default group (2)", 1L);
            }
            assertThat(site.rows("SELECT group_id FROM {p}users WHERE id = 9").get(0)).containsEntry("group_id", 2L);
            assertThat(site.rows("SELECT avatar, options FROM {p}users WHERE id = 10").get(0))
                    .containsEntry("avatar", "file").containsEntry("options", "{\"profile_off\":true}");
        }
    }

    @Test
    void aMissingV2AdminLeavesV3sSeededAdminInPlace() {
        try (var site = TestSite.sample("cd_")) {
            site.v2("DELETE FROM sd_users WHERE id = 1");
            try (var upgrade = site.open()) {
                upgrade.run();
            }
            var admin = site.rows("SELECT email, nick FROM {p}users WHERE id = 1").get(0);
            assertThat(admin).containsEntry("email", "admin@cloudreve.org").containsEntry("nick", "admin"); // V3's own
        }
    }
}
