package upgrade.e2e;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.engine.CancelledException;
import upgrade.engine.Ledger;
import upgrade.engine.RunListener;
import upgrade.engine.RunStatus;
import upgrade.mapping.MappingException;
import upgrade.mapping.MappingFiles;
import upgrade.report.StepReport;
import upgrade.support.TestSite;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run that dies or is stopped continues where it stopped; reset puts V3 back as at its first start. */
class SafeRetryTest {
    private static final List<String> TABLES = List.of("users", "groups", "policies", "folders", "files", "shares", "settings");

    /** Stands for the process dying in the middle of a page (nothing catches an Error on its way out). */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** A listener that acts once a step has read at least {@code rows} rows. */
    private static RunListener after(String step, long rows, Runnable action) {
        return new RunListener() {
            @Override
            public void progress(String name, long rowsRead) {
                if (name.equals(step) && rowsRead >= rows) {
                    action.run();
                }
            }
        };
    }

    /** Every V3 table's rows, without the times (each run has its own 'now'). */
    private static Map<String, List<Map<String, Object>>> contents(TestSite site) {
        var contents = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var table : TABLES) {
            var rows = new ArrayList<Map<String, Object>>();
            for (var row : site.rows("SELECT * FROM {p}" + table + " ORDER BY id")) {
                row.remove("created_at");
                row.remove("updated_at");
                rows.add(row);
            }
            contents.put(table, rows);
        }
        return contents;
    }

    private static TestSite dirtySite() {
        return TestSite.sample("cd_").v2Script("fixtures/v2-dirty-site.sql");
    }

    @Test
    void aRunKilledMidTableAndResumedEndsIdenticalToAnUninterruptedRun() throws Exception {
        Map<String, List<Map<String, Object>>> expected;
        List<String> expectedLinks;
        try (var site = dirtySite(); var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withBatchSize(3))) {
            upgrade.run();
            expected = contents(site);
            expectedLinks = Files.readAllLines(site.exports().resolve("v2-share-links.csv"));
        }
        try (var site = dirtySite()) {
            var options = site.options().withBatchSize(3);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                assertThatThrownBy(() -> upgrade.run(after("files", 7, () -> { throw new Killed(); })))
                        .isInstanceOf(Killed.class);
            }
            assertThat(site.rows("SELECT COUNT(*) AS n FROM {p}files").get(0).get("n")).as("some files committed").isEqualTo(6L);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                assertThat(upgrade.check().failed()).as("a resumed run passes the checks").isEmpty();
                var report = upgrade.run();
                var files = report.step("files").orElseThrow();
                assertThat(files.read()).as("counts carry over").isEqualTo(site.v2Rows("SELECT COUNT(*) AS n FROM sd_files").get(0).get("n"));
                assertThat(files.balanced()).isTrue();
                assertThat(upgrade.verify().failed()).isEmpty();
            }
            assertThat(contents(site)).isEqualTo(expected);
            assertThat(Files.readAllLines(site.exports().resolve("v2-share-links.csv"))).isEqualTo(expectedLinks);
        }
    }

    @Test
    void aStopRequestStopsAtAPageBoundaryAndTheNextRunContinues() {
        try (var site = dirtySite()) {
            var options = site.options().withBatchSize(4);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                assertThatThrownBy(() -> upgrade.run(after("folders", 1, upgrade::stop)))
                        .isInstanceOf(CancelledException.class)
                        .hasMessageStartingWith("stopped on request after step 'folders' committed up to key ")
                        .satisfies(e -> assertThat(((CancelledException) e).exitCode()).isEqualTo(130));
            }
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                var finished = new ArrayList<String>();
                upgrade.run(new RunListener() {
                    @Override
                    public void stepFinished(StepReport report) {
                        finished.add(report.name());
                    }
                });
                assertThat(finished).as("steps done before the stop are not run again").doesNotContain("policies", "users", "roots")
                        .contains("folders", "files", "shares");
                assertThat(upgrade.verify().failed()).isEmpty();
            }
        }
    }

    @Test
    void changedMappingsRefuseToResumeUnlessToldOtherwise() {
        try (var site = dirtySite()) {
            try (var upgrade = site.open()) {
                assertThatThrownBy(() -> upgrade.run(after("files", 1, () -> { throw new Killed(); }))).isInstanceOf(Killed.class);
            }
            var edited = new ArrayList<MappingFiles.File>();
            MappingFiles.bundled().files().forEach(f -> edited.add(f.name().equals("shares.yaml")
                    ? new MappingFiles.File(f.name(), f.text() + "\n# an operator's edit\n") : f));
            var changed = site.options().withMappings(new MappingFiles("edited", edited));
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), changed)) {
                assertThatThrownBy(upgrade::run).isInstanceOf(MappingException.class)
                        .hasMessageContaining("the mapping files changed since the interrupted run");
            }
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), changed.withResumeChangedMappings(true))) {
                upgrade.run();
                assertThat(upgrade.verify().failed()).isEmpty();
            }
        }
    }

    @Test
    void resetPutsV3BackAsAtItsFirstStartSoTheUpgradeCanRunAgain() {
        try (var site = dirtySite()) {
            var firstStart = site.snapshotV3();
            try (var upgrade = site.open()) {
                upgrade.run();
                // issue 10: a finished run is recognised (run again verifies it), not refused as a V3 that is not fresh
                assertThat(upgrade.check().failed()).isEmpty();
                assertThat(upgrade.status()).get().extracting(RunStatus::stage).isEqualTo(Ledger.Stage.FINISHED);
                assertThat(upgrade.reset()).containsExactlyInAnyOrder("cd_users", "cd_groups", "cd_policies", "cd_folders", "cd_files",
                        "cd_shares", "cd_settings");
            }
            assertThat(site.snapshotV3()).isEqualTo(firstStart);
            try (var upgrade = site.open()) {
                upgrade.run();
                assertThat(upgrade.verify().failed()).isEmpty();
            }
        }
    }
}
