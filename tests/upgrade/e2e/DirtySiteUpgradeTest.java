package upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.report.RunReport;
import upgrade.report.StepReport;
import upgrade.support.TestSite;
import upgrade.support.V3Rules;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site plus every kind of dirty data issue 3 names (tests/fixtures/v2-dirty-site.sql):
 * the result obeys V3's rules, and every V2 row is written or listed with its reason. Upgraded into
 * V3 3.0.0 here; {@link DirtySiteUpgradeInto383Test} runs every test of this class on V3 3.8.3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirtySiteUpgradeTest {
    private static final String RECOVERY = upgrade.cloudreve.CloudreveSite.RECOVERY_FOLDER;
    protected TestSite site;
    protected RunReport report;
    private Map<String, Object> v2Before;
    private long started;

    @BeforeAll
    void upgrade() {
        site = TestSite.sample("cd_", v3Release()).v2Script("fixtures/v2-dirty-site.sql");
        v2Before = site.snapshotV2();
        started = System.currentTimeMillis() / 1000;
        try (var upgrade = site.open()) {
            report = upgrade.run();
        }
    }

    /** The V3 release (a demo/ fixture) upgraded into. */
    protected String v3Release() {
        return "3.0.0";
    }

    @AfterAll
    void drop() {
        site.close();
    }

    protected StepReport step(String name) {
        return report.step(name).orElseThrow();
    }

    protected Map<String, Object> v3(String sql) {
        var rows = site.rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private long recoveryFolderOf(long owner) {
        return ((Number) v3("SELECT id FROM {p}folders WHERE owner_id = " + owner + " AND name = '" + RECOVERY + "'").get("id")).longValue();
    }

    @Test
    void theResultObeysV3sRules() {
        assertThat(V3Rules.broken(site)).isEmpty();
        try (var upgrade = site.open()) {
            assertThat(upgrade.verify().failed()).isEmpty();
        }
    }

    @Test
    void theReportNamesTheReleaseFoundInV3() {
        assertThat(report.target()).isEqualTo(v3Release().equals("3.0.0") ? "V3 3.0.0 (db_version_3.0.0)" : "V3 3.8.2 to 3.8.3 (db_version_3.8.1)");
    }

    @Test
    void everyV2RowIsWrittenOrListedWithItsReason() {
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).as(step.name()).isTrue());
        long folders = count("sd_folders");
        assertThat(step("roots").read()).isEqualTo(folders);
        assertThat(step("folders").read()).isEqualTo(folders);
        assertThat(step("roots").written() + step("roots").skippedTotal() + step("folders").written() + step("folders").skippedTotal())
                .isEqualTo(folders);
        assertThat(step("files").read()).isEqualTo(count("sd_files"));
        assertThat(step("shares").read()).isEqualTo(count("sd_shares"));
        assertThat(site.snapshotV2()).isEqualTo(v2Before);
    }

    private long count(String table) {
        return ((Number) site.v2Rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    @Test
    void rowsWhoseOwnerPolicyOrSourceIsGoneAreLeftOutByIdWithTheReason() {
        assertThat(step("folders").skippedKeys()).containsEntry("its owner is not in V3 (deleted in V2, or left out)", List.of("105"));
        assertThat(step("files").skippedKeys())
                .containsEntry("its owner is not in V3 (deleted in V2, or left out)", List.of("106"))
                .containsEntry("its storage policy no longer exists in V2", List.of("107"));
        assertThat(step("shares").skippedKeys())
                .containsEntry("the shared file is not in V3 (deleted in V2, left out, or not the owner's)", List.of("11", "15"))
                .containsEntry("the shared folder is not in V3 (deleted or renamed in V2, so its path leads nowhere)", List.of("12"))
                .containsEntry("its owner is not in V3 (deleted in V2, or left out)", List.of("13"));
        assertThat(step("roots").skippedKeys())
                .containsEntry("a second root folder of the same user; what it held goes into the first (lowest id)", List.of("30"));
    }

    @Test
    void collidingNamesAreRenamedAndListed() {
        assertThat(v3("SELECT name FROM {p}files WHERE id = 100")).containsEntry("name", "notes (2).txt");
        assertThat(v3("SELECT name FROM {p}files WHERE id = 101")).containsEntry("name", "Beach (2).PNG"); // equal but for case
        assertThat(v3("SELECT name FROM {p}files WHERE id = 102")).containsEntry("name", "todo (2).txt ");  // equal but for a trailing space
        assertThat(v3("SELECT name FROM {p}folders WHERE id = 100")).containsEntry("name", "docs (2)");
        assertThat(v3("SELECT name FROM {p}files WHERE id = 103")).containsEntry("name", "photos (file)"); // a folder has the name
        var renamed = "renamed: the name is taken in V3 (equal names, or equal but for case or trailing spaces)";
        assertThat(step("files").noteKeys().get(renamed)).containsExactlyInAnyOrder(
                "100 ('notes.txt' -> 'notes (2).txt')", "101 ('Beach.PNG' -> 'Beach (2).PNG')", "102 ('todo.txt ' -> 'todo (2).txt ')");
        assertThat(step("folders").noteKeys().get(renamed)).containsExactly("100 ('docs' -> 'docs (2)')");
        assertThat(step("files").noteKeys()).containsEntry("a folder of the same name is in the same place; the file is called 'NAME (file)'", List.of("103"));
    }

    @Test
    void namesLongerThanV3sColumnAreShortenedKeepingTheExtension() {
        var file = (String) v3("SELECT name FROM {p}files WHERE id = 104").get("name");
        assertThat(file).hasSize(255).endsWith("nnn.pdf");
        assertThat((String) v3("SELECT name FROM {p}folders WHERE id = 109").get("name")).hasSize(255);
        assertThat(step("files").noteKeys()).containsEntry("the name is longer than V3's 255 characters; shortened before its extension", List.of("104"));
    }

    @Test
    void textsLongerThanTheirV3ColumnAreCutToFitAndListedWithTheirLength() {
        var cut = "the text is longer than %s holds (255 characters); cut to fit";
        assertThat(v3("SELECT name FROM {p}groups WHERE id = 6")).containsEntry("name", "长".repeat(41) + "g".repeat(214));
        assertThat(step("groups").noteKeys()).containsEntry(cut.formatted("cd_groups.name"), List.of("6 (341 characters)"));
        assertThat(v3("SELECT name FROM {p}policies WHERE id = 6")).containsEntry("name", "p".repeat(255));
        assertThat(step("policies").noteKeys()).containsEntry(cut.formatted("cd_policies.name"), List.of("6 (300 characters)"));
        assertThat(step("groups").skippedTotal() + step("policies").skippedTotal()).isZero();
    }

    @Test
    void aUserWhoseEmailIsTakenKeepsTheAccountAndItsDataUnderAChangedEmail() throws Exception {
        var md5 = java.security.MessageDigest.getInstance("MD5");
        var hash = String.format("%032x", new java.math.BigInteger(1, md5.digest("sdsharealice2pw".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // V3 checks md5(salt + password) against the hash: ann signs in with her old password
        assertThat(v3("SELECT email, password FROM {p}users WHERE id = 9"))
                .containsEntry("email", "ALICE+v2-9@Example.COM").containsEntry("password", "md5:" + hash + ":sdshare");
        assertThat(v3("SELECT email FROM {p}users WHERE id = 10")).containsEntry("email", "bob+v2-10@example.com");
        assertThat(v3("SELECT id FROM {p}users WHERE email = 'alice+v2-9@example.com'")).containsEntry("id", 9L); // V3's lookup at sign-in
        assertThat(v3("SELECT email FROM {p}users WHERE id = 2")).containsEntry("email", "alice@example.com");     // the earlier user is untouched
        // her folder, file and share came along
        assertThat(v3("SELECT parent_id, owner_id FROM {p}folders WHERE id = 121")).containsEntry("parent_id", 120L).containsEntry("owner_id", 9L);
        assertThat(v3("SELECT folder_id, user_id FROM {p}files WHERE id = 120")).containsEntry("folder_id", 121L).containsEntry("user_id", 9L);
        assertThat(v3("SELECT source_id, user_id, password FROM {p}shares WHERE id = 17"))
                .containsEntry("source_id", 121L).containsEntry("user_id", 9L).containsEntry("password", "pw9");
        assertThat(v3("SELECT storage FROM {p}users WHERE id = 9")).containsEntry("storage", java.math.BigInteger.valueOf(1234));
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = 122")).containsEntry("parent_id", null);
        // listed with the user each clashed with; nobody left out
        assertThat(step("users").skippedTotal()).isZero();
        assertThat(step("users").noteKeys().get("the e-mail is taken in V3 by an earlier user (equal, or equal but for case or trailing spaces);"
                + " the account keeps its data and signs in with the changed e-mail and its old password")).containsExactly(
                "9 ('ALICE@Example.COM' -> 'ALICE+v2-9@Example.COM'; taken by id 2, email 'alice@example.com')",
                "10 ('bob@example.com' -> 'bob+v2-10@example.com'; taken by id 3, email 'bob@example.com')");
    }

    @Test
    void foldersAndFilesWhoseParentIsGoneAreReHomedIntoTheRecoveryFolder() {
        var recovery = recoveryFolderOf(3);
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = " + recovery)).containsEntry("parent_id", 3L); // bob's root
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = 102")).containsEntry("parent_id", recovery);
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = 104")).containsEntry("parent_id", recovery); // damaged path
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = 103")).containsEntry("parent_id", 102L);     // stays under the orphan
        assertThat(v3("SELECT folder_id FROM {p}files WHERE id = 105")).containsEntry("folder_id", recovery);
        assertThat(v3("SELECT folder_id FROM {p}files WHERE id = 115")).containsEntry("folder_id", 102L);
        assertThat(step("folders").noteKeys().get("re-homed into the recovery folder: its parent folder no longer exists in V2"))
                .containsExactly("102", "104");
        assertThat(step("files").noteKeys().get("re-homed into the recovery folder: its folder no longer exists in V2"))
                .containsExactly("105");
        assertThat(recovery).as("a new id above every id V2 folders keep").isGreaterThan(109);
    }

    @Test
    void aUserWithoutRootGetsOneAndAUserWithTwoKeepsTheFirst() {
        var henrysRoot = ((Number) v3("SELECT id FROM {p}folders WHERE owner_id = 8 AND parent_id IS NULL").get("id")).longValue();
        assertThat(henrysRoot).isGreaterThan(109);
        assertThat(step("missing-roots").noteKeys()).containsEntry("the user had no root folder in V2; an empty one was created", List.of("8"));
        assertThat(v3("SELECT parent_id FROM {p}folders WHERE id = 108")).containsEntry("parent_id", henrysRoot);
        assertThat(v3("SELECT folder_id FROM {p}files WHERE id = 109")).containsEntry("folder_id", henrysRoot);
        assertThat(site.rows("SELECT id FROM {p}folders WHERE id = 30")).isEmpty();
        assertThat(v3("SELECT folder_id FROM {p}files WHERE id = 110")).containsEntry("folder_id", 6L); // erin's first root
    }

    @Test
    void zeroAndImpossibleDatesFallBackToTheTimeOfTheUpgrade() {
        var file = ((Number) v3("SELECT UNIX_TIMESTAMP(created_at) AS t FROM {p}files WHERE id = 108").get("t")).longValue();
        var folder = ((Number) v3("SELECT UNIX_TIMESTAMP(created_at) AS t FROM {p}folders WHERE id = 106").get("t")).longValue();
        assertThat(file).isBetween(started - 5, started + 600);
        assertThat(folder).isEqualTo(file); // one moment for the whole run
        assertThat(step("files").noteKeys()).containsEntry("zero or unreadable upload date; the time of the upgrade is used", List.of("108"));
        assertThat(step("folders").noteKeys()).containsEntry("zero or unreadable date; the time of the upgrade is used", List.of("106"));
    }

    @Test
    void filesPointAtTheirBlobsAndKeepV3sFormOfPicInfo() {
        assertThat(v3("SELECT source_name FROM {p}files WHERE id = 111"))
                .containsEntry("source_name", "public/uploads/20190321/2/2_Win00001_win.txt"); // back-slashes turned
        assertThat(v3("SELECT source_name FROM {p}files WHERE id = 8"))
                .containsEntry("source_name", "uploads/3/Ab12Cd34Ef56Gh78_holiday.jpg");       // qiniu: the object key
        assertThat(site.rows("SELECT pic_info FROM {p}files WHERE id IN (3, 112, 113) ORDER BY id"))
                .extracting(r -> r.get("pic_info")).containsExactly("", "", "");
        assertThat(v3("SELECT pic_info FROM {p}files WHERE id = 1")).containsEntry("pic_info", "1920,1080");
        assertThat(v3("SELECT size FROM {p}files WHERE id = 116")).containsEntry("size", java.math.BigInteger.ZERO);
        assertThat(v3("SELECT folder_id FROM {p}files WHERE id = 114")).containsEntry("folder_id", 11L); // bob's own /photos
    }

    @Test
    void sharesPointAtOwnedObjectsAndOldKeysMapToNewShares() throws Exception {
        assertThat(v3("SELECT source_id, is_dir, password FROM {p}shares WHERE id = 14"))
                .containsEntry("source_id", 102L).containsEntry("is_dir", true).containsEntry("password", "pw2");
        assertThat(v3("SELECT source_id, source_name FROM {p}shares WHERE id = 16")).containsEntry("source_id", 2L);
        assertThat(v3("SELECT password, remain_downloads, expires FROM {p}shares WHERE id = 10"))
                .containsEntry("password", "").containsEntry("remain_downloads", -1).containsEntry("expires", null);
        assertThat(step("shares").noteKeys())
                .containsEntry("public share with a stale V2 password; it stays public, without a password", List.of("10"))
                .containsEntry("another V2 share has the same key; V2's link opened the first of them (see v2-share-links.csv)", List.of("10"));
        var csv = Files.readAllLines(site.exports().resolve("v2-share-links.csv"));
        assertThat(csv.get(0)).isEqualTo("v2_key,v2_link,v3_share_id,v3_hashid,v3_link");
        assertThat(csv).hasSize(1 + 6) // header + shares 1, 2, 10, 14, 16, 17
                .contains("k3x9a2bq,\"https://pan.example.com/s/k3x9a2bq\",1,,", "dddd4444,\"https://pan.example.com/s/dddd4444\",14,,");
    }
}
