package upgrade.check;

import org.junit.jupiter.api.Test;
import upgrade.engine.RunListener;
import upgrade.support.TestSite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry run writes nothing; verify finds each kind of defect planted in an upgraded database. */
class DryRunAndVerifyTest {

    @Test
    void theDryRunReportsEverythingAndWritesNothing() throws Exception {
        try (var site = TestSite.sample("cd_").v2Script("fixtures/v2-dirty-site.sql")) {
            var before = site.snapshotV3();
            try (var upgrade = site.open()) {
                var plan = upgrade.run(RunListener.NONE, true);
                assertThat(plan.committed()).isFalse();
                assertThat(plan.exports()).isEmpty();
                assertThat(plan.step("files").orElseThrow().written()).isEqualTo(24);
                assertThat(plan.step("folders").orElseThrow().noteKeys()).containsKey("re-homed into the recovery folder: its parent folder no longer exists in V2");
            }
            assertThat(site.snapshotV3()).isEqualTo(before);
            try (var files = java.nio.file.Files.list(site.exports())) {
                assertThat(files).isEmpty();
            }
        }
    }

    /** Each defect, planted after a clean upgrade, with the check that must catch it. */
    private static final Map<String, List<String>> DEFECTS = Map.ofEntries(
            Map.entry("every user has exactly one root folder", List.of("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (900, '/', NULL, 2)")),
            Map.entry("every user's group exists", List.of("UPDATE {p}users SET group_id = 42 WHERE id = 4")),
            Map.entry("every password is in a form V3 accepts", List.of("UPDATE {p}users SET password = 'plain' WHERE id = 5")),
            Map.entry("every JSON column parses", List.of("UPDATE {p}users SET options = '{oops' WHERE id = 6")),
            Map.entry("every user's storage is the sum of their files' sizes", List.of("UPDATE {p}users SET storage = 1 WHERE id = 7")),
            Map.entry("every folder's owner exists", List.of("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (901, 'x', 2, 77)")),
            Map.entry("every root folder is called '/'", List.of("UPDATE {p}folders SET name = 'root' WHERE id = 5")),
            Map.entry("every folder is in a folder of its owner", List.of("UPDATE {p}folders SET parent_id = 3 WHERE id = 10")),
            Map.entry("folder names are unique in their folder", List.of("DROP INDEX idx_only_one_name ON {p}folders",
                    "INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (902, 'PHOTOS', 2, 2)")),
            Map.entry("every file is in a folder of its owner", List.of("UPDATE {p}files SET folder_id = 3 WHERE id = 5")),
            Map.entry("every file's storage policy exists", List.of("UPDATE {p}files SET policy_id = 99 WHERE id = 4")),
            Map.entry("file names are unique in their folder", List.of("DROP INDEX idx_only_one ON {p}files",
                    "UPDATE {p}files SET name = 'NOTES.TXT' WHERE id = 4")),
            Map.entry("no file has the name of a folder beside it", List.of("UPDATE {p}files SET name = 'Photos' WHERE id = 5")),
            Map.entry("every share's file or folder exists and belongs to its user", List.of("UPDATE {p}shares SET source_id = 6 WHERE id = 1")),
            Map.entry("every group's policy list is a JSON list of existing policies", List.of("UPDATE {p}groups SET policies = '[1,77]' WHERE id = 2")),
            Map.entry("every group's options parse", List.of("UPDATE {p}groups SET options = 'nope' WHERE id = 4")),
            Map.entry("every storage policy has options", List.of("UPDATE {p}policies SET options = '' WHERE id = 2")),
            Map.entry("V3's db_version setting is there", List.of("DELETE FROM {p}settings WHERE type = 'version'")),
            Map.entry("no NULL where V3 reads a string", List.of("UPDATE {p}users SET nick = NULL WHERE id = 3")));

    @Test
    void verifyCatchesAPlantedDefectOfEachKind() {
        try (var site = TestSite.sample("cd_")) {
            try (var upgrade = site.open()) {
                upgrade.run();
                var clean = upgrade.verify();
                assertThat(clean.failed()).isEmpty();
                assertThat(clean.results()).extracting(CheckResult::title).containsAll(DEFECTS.keySet());
                DEFECTS.values().forEach(statements -> statements.forEach(site::v3));
                var dirty = upgrade.verify();
                assertThat(dirty.failed()).extracting(CheckResult::title).containsExactlyInAnyOrderElementsOf(DEFECTS.keySet());
                assertThat(dirty.failed()).filteredOn(r -> r.title().equals("every user's group exists")).singleElement()
                        .satisfies(r -> assertThat(r.failures()).containsExactly(
                                "cd_users row 4: user 4 (carol@example.com) is in group 42, which does not exist"));
            }
        }
    }

    /** Verification reads whole tables: the listener hears of each, page by page, as of a step (the CLI shows its bar). */
    @Test
    void verificationTellsTheListenerHowFarEachTableIsRead() {
        try (var site = TestSite.sample("cd_"); var upgrade = site.open()) {
            upgrade.run();
            var heard = new ArrayList<String>();
            var report = upgrade.verify(upgrade.plan(), new RunListener() {
                @Override
                public void checkStarted(String name, String table, long rows) {
                    heard.add(name + " started: " + table + " " + rows);
                }

                @Override
                public void progress(String name, long rowsRead) {
                    heard.add(name + " read " + rowsRead);
                }

                @Override
                public void checkFinished(String name, long rowsRead) {
                    heard.add(name + " finished: " + rowsRead);
                }
            });
            assertThat(report.passed()).isTrue();
            var files = ((Number) site.rows("SELECT COUNT(*) AS n FROM {p}files").get(0).get("n")).longValue();
            assertThat(heard).containsSubsequence("verify-files started: cd_files " + files, "verify-files read " + files,
                    "verify-files finished: " + files);
            assertThat(heard).anyMatch(line -> line.startsWith("verify-users started: cd_users "))
                    .anyMatch(line -> line.startsWith("verify-shares finished: "));
        }
    }
}
