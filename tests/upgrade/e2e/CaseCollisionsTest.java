package upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.Upgrade;
import upgrade.check.CheckReport;
import upgrade.report.RunReport;
import upgrade.report.StepReport;
import upgrade.support.TestSite;
import upgrade.support.V3Rules;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that differ only in case, trailing spaces or accents (issue 10), planted by
 * tests/fixtures/v2-case-collisions.sql and upgraded two rows per page, so that colliding rows fall
 * in one page and on both sides of a page boundary: every comparison the engine makes agrees with
 * the database's (V3's unique keys, V2's path lookups), so the run passes its own verification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseCollisionsTest {
    private static final String RENAMED = "renamed: the name is taken in V3 (equal names, or equal but for case or trailing spaces)";
    private static final String FOLDER_BESIDE = "a folder of the same name is in the same place; the file is called 'NAME (file)'";
    private TestSite site;
    private RunReport report;
    private CheckReport verification;

    @BeforeAll
    void upgrade() {
        site = TestSite.fresh("cd_").v2Script("fixtures/v2-case-collisions.sql");
        try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withBatchSize(2))) {
            report = upgrade.run();
            verification = upgrade.verify();
        }
    }

    @AfterAll
    void drop() {
        site.close();
    }

    private StepReport step(String name) {
        return report.step(name).orElseThrow();
    }

    private Map<Long, String> names(String table) {
        var names = new java.util.TreeMap<Long, String>();
        site.rows("SELECT id, name FROM {p}" + table).forEach(r -> names.put(((Number) r.get("id")).longValue(), (String) r.get("name")));
        return names;
    }

    private long parentOf(String table, long id) {
        var column = table.equals("files") ? "folder_id" : "parent_id";
        return ((Number) site.rows("SELECT " + column + " AS p FROM {p}" + table + " WHERE id = " + id).get(0).get("p")).longValue();
    }

    private long recoveryFolderOf(long owner) {
        var rows = site.rows("SELECT id FROM {p}folders WHERE owner_id = " + owner + " AND name = '" + upgrade.cloudreve.CloudreveSite.RECOVERY_FOLDER + "'");
        assertThat(rows).hasSize(1);
        return ((Number) rows.get(0).get("id")).longValue();
    }

    @Test
    void theRunPassesItsOwnVerificationAndV3sRules() {
        assertThat(verification.failed()).isEmpty();
        assertThat(verification.passed()).isTrue();
        assertThat(V3Rules.broken(site)).isEmpty();
        assertThat(report.steps()).allSatisfy(s -> assertThat(s.balanced()).as(s.name()).isTrue());
        assertThat(step("folders").written()).isEqualTo(33);
        assertThat(step("files").written()).isEqualTo(47);
    }

    @Test
    void foldersEqualButForCaseOrAccentAreRenamedInOnePageAndAcrossPages() {
        assertThat(names("folders")).containsEntry(4L, "Photos").containsEntry(5L, "photos (2)") // across a page boundary
                .containsEntry(7L, "music").containsEntry(8L, "MUSIC (2)")                      // in one page
                .containsEntry(9L, "Docs").containsEntry(10L, "docs (2)")
                .containsEntry(12L, "Café").containsEntry(13L, "cafe (2)");                    // equal but for an accent
        assertThat(step("folders").noteKeys().get(RENAMED)).containsExactly(
                "5 ('photos' -> 'photos (2)')", "8 ('MUSIC' -> 'MUSIC (2)')", "10 ('docs' -> 'docs (2)')", "13 ('cafe' -> 'cafe (2)')",
                "20 ('RECOVERED FROM V2' -> 'RECOVERED FROM V2 (2)')", "22 ('two' -> 'two (2)')");
    }

    @Test
    void aFileNamedLikeAFolderButForCaseSpacesOrAccentsIsCalledNameFile() {
        assertThat(names("files"))
                .containsEntry(1L, "design39 (file)")            // folder 'Design39'
                .containsEntry(2L, "Report  (file)")             // folder 'Report', the file 'Report '
                .containsEntry(12L, "Docs (2) (file)")           // folder 10 as V3 renamed it, 'docs (2)'
                .containsEntry(13L, "DOCS (file)")               // folder 9, 'Docs'
                .containsEntry(14L, "CAFE (file)")               // folder 'Café'
                .containsEntry(17L, "RECOVERED FROM V2 (file)"); // carol's folder 'recovered from v2'
        assertThat(step("files").noteKeys().get(FOLDER_BESIDE))
                .containsExactly("1", "2", "8", "9", "12", "13", "14", "17", "25", "27", "28", "30", "31", "34", "37", "44");
    }

    @Test
    void filesEqualButForCaseOrTrailingSpacesAreRenamedInOnePageAndAcrossPages() {
        assertThat(names("files"))
                .containsEntry(4L, "notes.txt").containsEntry(5L, "NOTES (2).TXT")  // across a page boundary
                .containsEntry(6L, "pad.txt").containsEntry(7L, "pad (2).txt ")     // a trailing space, across a boundary
                .containsEntry(10L, "same.txt").containsEntry(11L, "SAME (2).TXT")  // in one page
                // both named like folder 'Design39', then equal to file 1's 'design39 (file)' but for case
                .containsEntry(8L, "DESIGN39 (file) (2)").containsEntry(9L, "Design39 (file) (3)");
        assertThat(step("files").noteKeys().get(RENAMED)).containsExactly(
                "5 ('NOTES.TXT' -> 'NOTES (2).TXT')", "7 ('pad.txt ' -> 'pad (2).txt ')",
                "8 ('DESIGN39 (file)' -> 'DESIGN39 (file) (2)')", "9 ('Design39 (file)' -> 'Design39 (file) (3)')",
                "11 ('SAME.TXT' -> 'SAME (2).TXT')",
                "20 ('notes.txt' -> 'notes (3).txt')", "23 ('MEMO.md ' -> 'MEMO (3).md ')", "24 ('RESUME.PDF' -> 'RESUME (3).PDF')",
                "25 ('y (file)' -> 'y (file) (2)')", "27 ('X (file)' -> 'X (file) (3)')", "30 ('J (file)' -> 'J (file) (2)')",
                "32 ('h (file)' -> 'h (file) (2)')", "33 ('k (file)' -> 'k (file) (2)')",
                "36 ('" + "N".repeat(251) + ".TXT' -> '" + "N".repeat(247) + " (3).TXT')");
    }

    /**
     * No unique key covers files against folders, yet V3 forbids a file and a folder of one name in
     * a folder: a name on_conflict gives is also checked against the folders beside the file.
     */
    @Test
    void aFileRenamedForAnotherFileSkipsTheNamesOfFoldersBesideIt() {
        assertThat(names("folders")).containsEntry(26L, "Notes (2).TXT").containsEntry(27L, "memo (2).md").containsEntry(28L, "Résumé (2).pdf");
        assertThat(names("files"))
                .containsEntry(19L, "notes.txt").containsEntry(20L, "notes (3).txt")    // folder 'Notes (2).TXT', in one page
                .containsEntry(22L, "memo.md").containsEntry(23L, "MEMO (3).md ")      // folder 'memo (2).md' (case, trailing space), across pages
                .containsEntry(21L, "resume.pdf").containsEntry(24L, "RESUME (3).PDF"); // folder 'Résumé (2).pdf' (case, accents)
    }

    @Test
    void aFileBesideAFolderOfItsNameIsCalledNameFileOrTheNextFreeName() {
        assertThat(names("files"))
                .containsEntry(25L, "y (file) (2)")                                     // folders 'Y' and 'y (file)'
                .containsEntry(26L, "x (file)").containsEntry(27L, "X (file) (3)")      // file 'x (file)' first, page before; folder 'x (file) (2)'
                .containsEntry(29L, "j (file)").containsEntry(30L, "J (file) (2)")      // file 'j (file)' first, same page
                .containsEntry(31L, "H (file)").containsEntry(32L, "h (file) (2)")      // 'H' first, same page
                .containsEntry(28L, "K (file)").containsEntry(33L, "k (file) (2)");     // 'K' first, pages before
    }

    @Test
    void namesAtTheColumnsLimitAreShortenedAndStillAvoidFolders() {
        assertThat(names("folders")).containsEntry(36L, "L".repeat(255)).containsEntry(37L, "N".repeat(247) + " (2).txt");
        assertThat(names("files"))
                .containsEntry(34L, "l".repeat(248) + " (file)")                        // ' (file)' kept, the name shortened
                .containsEntry(35L, "n".repeat(251) + ".txt")
                .containsEntry(36L, "N".repeat(247) + " (3).TXT");                     // '... (2).TXT' is folder 37's
    }

    @Test
    void v2PathsFindTheirFolderAsV2sCollationDid() {
        assertThat(parentOf("folders", 16)).isEqualTo(3);  // position '/design39', the folder '/Design39'
        assertThat(parentOf("folders", 17)).isEqualTo(16); // position '/Design39/sub ', the folder '/design39/sub'
        assertThat(parentOf("files", 15)).isEqualTo(3);    // dir '/DESIGN39', its parent_folder gone
        assertThat(parentOf("folders", 23)).isEqualTo(22); // '/two': the folder with exactly that path ...
        assertThat(parentOf("folders", 24)).isEqualTo(21); // '/TWO': ... else the first V2 compared equal, '/Two'
    }

    @Test
    void aFolderWithTheRecoveryFoldersNameButForCaseServesAsItOrIsRenamed() {
        // carol's own 'recovered from v2' came first: it is her recovery folder
        assertThat(site.rows("SELECT id FROM {p}folders WHERE owner_id = 2 AND parent_id = 2 AND name LIKE 'recovered%'")).hasSize(1);
        assertThat(parentOf("folders", 15)).isEqualTo(14);
        assertThat(parentOf("files", 16)).isEqualTo(14);
        // dave's orphan came first: his recovery folder was created, and his own folder renamed
        var daves = recoveryFolderOf(3);
        assertThat(daves).isGreaterThan(20);
        assertThat(parentOf("folders", 19)).isEqualTo(daves);
        assertThat(parentOf("files", 18)).isEqualTo(daves);
        assertThat(names("folders")).containsEntry(20L, "RECOVERED FROM V2 (2)");
        assertThat(step("folders").noteKeys().get("re-homed into the recovery folder: its parent folder no longer exists in V2"))
                .containsExactly("15", "19");
        assertThat(step("files").noteKeys().get("re-homed into the recovery folder: its folder no longer exists in V2"))
                .isEqualTo(List.of("16", "18", "38", "41", "42", "43", "47"));
    }

    @Test
    void aRecoveryFolderMadeInAPageRenamesAFileOfItsNameInThatPage() {
        var erins = recoveryFolderOf(4);
        assertThat(parentOf("files", 38)).isEqualTo(erins);
        assertThat(parentOf("files", 37)).isEqualTo(25);
        assertThat(names("files")).containsEntry(37L, "Recovered From V2 (file)");
    }

    /**
     * No unique key covers a folder against the files beside it either: when a file in the root
     * already has the recovery folder's name (but for case, accents, trailing spaces), written pages
     * before an orphan needs the folder, the recovery folder takes the next numbered name no file
     * there has, and every later orphan of that user goes into the same folder.
     */
    @Test
    void aRecoveryFolderAvoidsTheNameOfAFileWrittenInTheRootPagesBefore() {
        var franks = site.rows("SELECT id, name FROM {p}folders WHERE owner_id = 5 AND parent_id = 38");
        assertThat(franks).extracting(r -> r.get("name")).containsExactly("Recovered from V2 (2)");
        var franksFolder = ((Number) franks.get(0).get("id")).longValue();
        assertThat(List.of(parentOf("files", 41), parentOf("files", 42), parentOf("files", 43))).containsOnly(franksFolder);
        assertThat(names("files")).containsEntry(39L, "recovered from v2")                   // kept: no folder of its name
                .containsEntry(44L, "Recovered from V2 (2) (file)");                          // beside the recovery folder
        var graces = site.rows("SELECT id, name FROM {p}folders WHERE owner_id = 6 AND parent_id = 39");
        assertThat(graces).extracting(r -> r.get("name")).containsExactly("Recovered from V2 (3)");
        assertThat(parentOf("files", 47)).isEqualTo(((Number) graces.get(0).get("id")).longValue());
        assertThat(names("files")).containsEntry(45L, "Récovered from V2 ").containsEntry(46L, "RECOVERED FROM V2 (2)");
        assertThat(step("files").noteKeys()).containsEntry(
                "re-homed into the recovery folder: its folder no longer exists in V2 (in folders named 'Recovered from V2 (2)':"
                        + " 'Recovered from V2' is taken in files)", List.of("41", "42", "43"));
        assertThat(step("files").noteKeys()).containsEntry(
                "re-homed into the recovery folder: its folder no longer exists in V2 (in folders named 'Recovered from V2 (3)':"
                        + " 'Recovered from V2' is taken in files)", List.of("47"));
    }

    /**
     * The engine follows the database, it does not fold case itself: where V3's name columns are
     * binary (utf8mb4_bin), 'design39' and 'Design39' are two names, so nothing is renamed.
     */
    @Test
    void underABinaryCollationNamesEqualButForCaseAreDifferentNames() {
        try (var binary = TestSite.fresh("cd_")) {
            binary.v3("ALTER TABLE {p}folders MODIFY name varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
                    .v3("ALTER TABLE {p}files MODIFY name varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
                    .v2("INSERT INTO sd_folders (id, folder_name, parent_folder, position, owner, date, position_absolute) VALUES"
                            + " (2, 'Design39', 1, '/', '1', '2019-03-20 10:00:00', '/Design39'), (3, 'design39', 1, '/', '1', '2019-03-20 10:00:00', '/design39')")
                    .v2("INSERT INTO sd_files (id, orign_name, pre_name, upload_user, size, upload_date, pic_info, parent_folder, policy_id, dir) VALUES"
                            + " (1, 'DESIGN39', 'a', 1, 1, '2019-03-20 11:00:00', ' ', 1, 1, '/'), (2, 'Design39', 'b', 1, 1, '2019-03-20 11:00:00', ' ', 1, 1, '/'),"
                            + " (3, 'notes.txt', 'c', 1, 1, '2019-03-20 11:00:00', ' ', 1, 1, '/'), (4, 'NOTES.TXT', 'd', 1, 1, '2019-03-20 11:00:00', ' ', 1, 1, '/')");
            try (var upgrade = Upgrade.open(binary.v2Url(), binary.v3Url(), binary.options().withBatchSize(2))) {
                upgrade.run();
                assertThat(upgrade.verify().failed()).isEmpty();
            }
            assertThat(binary.rows("SELECT id, name FROM {p}folders WHERE id IN (2, 3) ORDER BY id")).extracting(r -> r.get("name"))
                    .containsExactly("Design39", "design39");
            assertThat(binary.rows("SELECT id, name FROM {p}files ORDER BY id")).extracting(r -> r.get("name"))
                    .containsExactly("DESIGN39", "Design39 (file)", "notes.txt", "NOTES.TXT");
        }
    }
}
