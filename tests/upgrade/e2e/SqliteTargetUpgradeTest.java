package upgrade.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.report.RunReport;
import upgrade.report.StepReport;
import upgrade.support.TestSite;
import upgrade.support.V3Rules;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dirty site (tests/fixtures/v2-dirty-site.sql) upgraded into V3's default install: a SQLite
 * file without table prefix, as V3 leaves it at its first start (3.0.0; {@link V3_8_3} for 3.8.3). The result obeys V3's rules
 * as V3 on SQLite compares (names byte for byte), every V2 row is written or listed with its
 * reason, and times are the text V3's SQLite drivers write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteTargetUpgradeTest {
    /** The V3 release whose first-start SQLite file is upgraded into. */
    String version() {
        return "3.0.0";
    }

    /** Go's 2006-01-02 15:04:05.999999999-07:00 (v3-database.md §6.3). */
    static final String GO_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?[+-]\\d{2}:\\d{2}";
    private static final DateTimeFormatter GO_PARSER = new java.time.format.DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).appendPattern("xxx").toFormatter();
    static final List<String> WRITTEN = List.of("users", "groups", "policies", "folders", "files", "shares", "settings");

    private TestSite site;
    private RunReport report;
    private upgrade.check.CheckReport verification;
    private Map<String, Object> v2Before;
    private List<Map<String, Object>> schemaBefore;
    private long started;

    @BeforeAll
    void upgrade() {
        site = TestSite.sample("", TestSite.Engine.SQLITE, version()).v2Script("fixtures/v2-dirty-site.sql");
        v2Before = site.snapshotV2();
        schemaBefore = v3Schema();
        started = System.currentTimeMillis() / 1000;
        try (var upgrade = site.open()) {
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

    private Map<String, Object> v3(String sql) {
        var rows = site.rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private long number(String sql) {
        return ((Number) v3(sql).values().iterator().next()).longValue();
    }

    @Test
    void theResultObeysV3sRulesAndTheVerificationPassed() {
        assertThat(V3Rules.broken(site)).isEmpty();
        assertThat(verification.passed()).as(verification.toString()).isTrue();
    }

    @Test
    void everyV2RowIsWrittenOrListedWithItsReason() {
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.balanced()).as(step.name()).isTrue());
        assertThat(step("files").read()).isEqualTo(((Number) site.v2Rows("SELECT COUNT(*) AS n FROM sd_files").get(0).get("n")).longValue());
        assertThat(step("files").skippedKeys())
                .containsEntry("its owner is not in V3 (deleted in V2, or left out)", List.of("106"))
                .containsEntry("its storage policy no longer exists in V2", List.of("107"));
        assertThat(step("shares").skippedKeys())
                .containsEntry("the shared file is not in V3 (deleted in V2, left out, or not the owner's)", List.of("11", "15"))
                .containsEntry("its owner is not in V3 (deleted in V2, or left out)", List.of("13"));
        assertThat(site.snapshotV2()).isEqualTo(v2Before);
    }

    /** V3's CREATE text of its own tables and indexes, which its later starts search for columns and indexes (gorm's textual checks). */
    private List<Map<String, Object>> v3Schema() {
        return site.rows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT LIKE 'upgrade%' ORDER BY type, name");
    }

    @Test
    void v3sSchemaTextIsUntouched() {
        assertThat(v3Schema()).isEqualTo(schemaBefore);
    }

    @Test
    void eMailsCollideAsV3sSqliteComparesThem() {
        assertThat(v3("SELECT email FROM users WHERE id = 10")).containsEntry("email", "bob+v2-10@example.com"); // the same e-mail
        assertThat(v3("SELECT email FROM users WHERE id = 9")).containsEntry("email", "ALICE@Example.COM");    // equal but for case: V3 on SQLite tells them apart
        assertThat(step("users").skippedTotal()).isZero();
    }

    @Test
    void namesCollideAsV3sSqliteComparesThemByteForByte() {
        assertThat(v3("SELECT name FROM files WHERE id = 100")).containsEntry("name", "notes (2).txt"); // the same name
        assertThat(v3("SELECT name FROM folders WHERE id = 100")).containsEntry("name", "docs (2)");
        assertThat(v3("SELECT name FROM files WHERE id = 103")).containsEntry("name", "photos (file)"); // a folder has the name
        // equal but for case or a trailing space is no collision in SQLite's unique index, nor for V3 on SQLite
        assertThat(v3("SELECT name FROM files WHERE id = 101")).containsEntry("name", "Beach.PNG");
        assertThat(v3("SELECT name FROM files WHERE id = 102")).containsEntry("name", "todo.txt ");
    }

    @Test
    void foldersFoundByV2sPathsAsV2sMySqlComparedThem() {
        // V2 showed '/photos' of bob for a file whose path said so in another case: the staged V2 paths compare as MySQL did
        assertThat(v3("SELECT folder_id FROM files WHERE id = 114")).containsEntry("folder_id", 11);
        var recovery = number("SELECT id FROM folders WHERE owner_id = 3 AND name = '" + upgrade.cloudreve.CloudreveSite.RECOVERY_FOLDER + "'");
        assertThat(v3("SELECT parent_id FROM folders WHERE id = 102")).containsEntry("parent_id", (int) recovery);
        assertThat(v3("SELECT folder_id FROM files WHERE id = 115")).containsEntry("folder_id", 102);
    }

    @Test
    void timesAreTextInTheFormV3sDriversWriteAndBooleansZeroOrOne() {
        for (var table : WRITTEN) {
            // a setting this V3 lacks is created without times, as on MySQL (V3 reads NULL as the zero time)
            var rows = site.rows("SELECT typeof(created_at) AS t, created_at, typeof(updated_at) AS u, updated_at FROM " + table
                    + (table.equals("settings") ? " WHERE created_at IS NOT NULL" : ""));
            assertThat(rows).as(table).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("t")).isEqualTo("text");
                assertThat(row.get("created_at").toString()).matches(GO_TIME);
                assertThat(row.get("u")).isEqualTo("text");
                assertThat(row.get("updated_at").toString()).matches(GO_TIME);
            });
        }
        // V2 wrote 2019-03-20 11:00:00 in PRC: the instant is 03:00 UTC
        assertThat(v3("SELECT created_at FROM files WHERE id = 100")).containsEntry("created_at", "2019-03-20 03:00:00+00:00");
        var zeroDate = OffsetDateTime.parse(v3("SELECT created_at FROM files WHERE id = 108").get("created_at").toString(), GO_PARSER).toEpochSecond();
        assertThat(zeroDate).isBetween(started - 5, started + 600);
        assertThat(site.rows("SELECT DISTINCT typeof(is_dir) AS t, is_dir FROM shares UNION SELECT DISTINCT typeof(share_enabled), share_enabled FROM groups"))
                .allSatisfy(row -> assertThat(List.of(row.get("t"), ((Number) row.get("is_dir")).intValue())).isIn(List.of("integer", 0), List.of("integer", 1)));
        assertThat(site.rows("SELECT typeof(expires) AS t FROM shares WHERE expires IS NOT NULL")).isEmpty();
    }

    @Test
    void theTextThatMustNotBeNullIsNotAndStorageIsTheSumOfFileSizes() {
        assertThat(number("SELECT COUNT(*) FROM files WHERE pic_info IS NULL OR source_name IS NULL")).isZero();
        assertThat(number("SELECT storage FROM users WHERE id = 9")).isEqualTo(1234);
        assertThat(number("SELECT typeof(storage) = 'integer' FROM users WHERE id = 9")).isEqualTo(1);
    }
}
