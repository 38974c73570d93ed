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
                // issue 10: the later user of an e-mail is no longer left out, but kept under a changed e-mail
                assertThat(users.written()).isEqualTo(10);
                assertThat(users.skipped()).isEmpty();
                assertThat(users.noteKeys()).containsEntry("the e-mail is taken in V3 by an earlier user (equal, or equal but for case"
                        + " or trailing spaces); the account keeps its data and signs in with the changed e-mail and its old password",
                        java.util.List.of("8 ('Alice@Example.com' -> 'Alice+v2-8@Example.com'; taken by id 2, email 'alice@example.com')"));
                assertThat(users.notes()).containsEntry("the user's V2 group no longer exists; the user joins V3's default group (2)", 1L);
            }
            assertThat(site.rows("SELECT email, password FROM {p}users WHERE id = 8").get(0))
                    .containsEntry("email", "Alice+v2-8@Example.com").containsEntry("password", "md5:x:sdshare");
            assertThat(site.rows("SELECT group_id FROM {p}users WHERE id = 9").get(0)).containsEntry("group_id", 2L);
            assertThat(site.rows("SELECT avatar, options FROM {p}users WHERE id = 10").get(0))
                    .containsEntry("avatar", "file").containsEntry("options", "{\"profile_off\":true}");
        }
    }

    @Test
    void aChangedEmailThatIsItselfTakenIsChangedAgain() {
        try (var site = TestSite.sample("cd_")) {
            // frank (7) already has the address alice's later twin (8) would get
            site.v2("UPDATE sd_users SET user_email = 'alice+V2-8@example.com', user_date = user_date WHERE id = 7")
                    .v2("INSERT INTO sd_users VALUES (8, 'Alice@Example.com', 'alice2', 'x', '2019-03-20 10:00:00', 0, 3, 0, 'n', 0, '0', 0, 'default', 1, 'x', '{}')");
            try (var upgrade = site.open()) {
                var users = upgrade.run().step("users").orElseThrow();
                assertThat(users.written()).isEqualTo(8);
                assertThat(users.noteKeys().values()).anySatisfy(keys -> assertThat(keys).containsExactly(
                        "8 ('Alice@Example.com' -> 'Alice+v2-8-3@Example.com'; taken by id 2, email 'alice@example.com')"));
            }
            assertThat(site.rows("SELECT email FROM {p}users WHERE id = 8").get(0)).containsEntry("email", "Alice+v2-8-3@Example.com");
        }
    }

    @Test
    void aNickLongerThanV3sColumnIsCutToFitWithoutSplittingACharacterAndListed() {
        try (var site = TestSite.sample("cd_")) {
            // a fork that widened the nick (V3: varchar(50)) and holds characters outside the BMP
            var grin = new String(Character.toChars(0x1F600));
            site.v2("ALTER TABLE sd_users MODIFY user_nick VARCHAR(80) CHARACTER SET utf8mb4 NOT NULL")
                    .v2("UPDATE sd_users SET user_nick = CONCAT(REPEAT('a', 49), '" + grin + "', REPEAT('b', 30)), user_date = user_date WHERE id = 2");
            try (var upgrade = site.open()) {
                var users = upgrade.run().step("users").orElseThrow();
                assertThat(users.written()).isEqualTo(7);
                assertThat(users.noteKeys()).containsEntry("the text is longer than cd_users.nick holds (50 characters); cut to fit",
                        java.util.List.of("2 (80 characters)"));
            }
            assertThat(site.rows("SELECT nick FROM {p}users WHERE id = 2").get(0)).containsEntry("nick", "a".repeat(49) + grin);
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
