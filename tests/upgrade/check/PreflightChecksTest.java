package upgrade.check;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.support.TestSite;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each check before the upgrade passes on a ready site and fails, with its fix, when its problem is planted. */
class PreflightChecksTest {

    /** The failed checks of a sample site after {@code plant} changed it. */
    private static List<CheckResult> failedAfter(Consumer<TestSite> plant, UpgradeOptions options) {
        try (var site = TestSite.sample("cd_")) {
            plant.accept(site);
            var before = site.snapshotV3();
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options == null ? site.options() : options.withV3Prefix("cd_")
                    .withExportDirectory(site.exports()))) {
                var failed = upgrade.check().failed();
                if (!failed.isEmpty()) {
                    assertThatThrownBy(upgrade::run).isInstanceOf(ChecksFailedException.class);
                    assertThat(site.snapshotV3()).as("nothing written").isEqualTo(before);
                }
                return failed;
            }
        }
    }

    private static List<CheckResult> failedAfter(Consumer<TestSite> plant) {
        return failedAfter(plant, null);
    }

    @Test
    void aReadySitePassesEveryCheck() {
        assertThat(failedAfter(site -> { })).isEmpty();
    }

    @Test
    void v2MustBe2_0_0_Alpha1() {
        var failed = failedAfter(site -> site.v2("UPDATE sd_options SET option_value = '4' WHERE option_name = 'database_version'"));
        assertThat(failed).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("V2 is Cloudreve 2.0.0-Alpha1");
            assertThat(result.failures()).containsExactly("V2's database_version is '4'; 2.0.0-Alpha1 has 5");
            assertThat(result.fix()).startsWith("upgrade V2 to 2.0.0-Alpha1 first");
        });
        var byVersionFile = failedAfter(site -> { }, upgrade.cloudreve.CloudreveSite.defaults().withV2Version("1.1.1"));
        assertThat(byVersionFile).singleElement().satisfies(result ->
                assertThat(result.failures()).containsExactly("V2's database_version is '5' and version.json says 1.1.1; 2.0.0-Alpha1 has 5"));
        assertThat(failedAfter(site -> { }, upgrade.cloudreve.CloudreveSite.defaults().withV2Version("2.0.0-Alpha1"))).isEmpty();
    }

    private static final Consumer<TestSite> S3 = site -> site
            .v2("INSERT INTO sd_policy VALUES (6, 'Amazon', 's3', 'https://b.s3.amazonaws.com/', 'b', 1, 'u', 'ak', 'sk', 'us-east-1', 'https://s3.amazonaws.com', '[]', '0', 0, 0, '{uid}', '0', 0)")
            .v2("INSERT INTO sd_files VALUES (50, 's3.txt', '2/s3.txt', 2, 10, '2019-03-20 10:00:00', '', 2, 6, '/'), (51, 's3b.txt', '2/s3b.txt', 2, 10, '2019-03-20 10:00:00', '', 2, 6, '/')");

    /** A type neither V2 nor V3 knows, left by a fork or written by hand. */
    private static final Consumer<TestSite> B2 = site -> site
            .v2("INSERT INTO sd_policy VALUES (7, 'Backblaze', 'b2', 'https://api.backblazeb2.com', 'bb', 1, 'u', 'ak', 'sk', '0', '0', '[]', '0', 0, 0, '{uid}', '0', 0)")
            .v2("INSERT INTO sd_files VALUES (52, 'b2.txt', '2/b2.txt', 2, 10, '2019-03-20 10:00:00', '', 2, 7, '/')");

    @Test
    void s3AndRemotePoliciesAreRefusedWithTheirFileCountsUnlessLeftOutOnRequest() {
        assertThat(failedAfter(S3)).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("no storage policies V3 cannot take");
            assertThat(result.failures()).containsExactly(
                    "sd_policy row 6: 'Amazon' is a s3 policy holding 2 file(s); V3's drivers keep S3 and remote (slave) files differently");
        });
        try (var site = TestSite.sample("cd_")) {
            S3.accept(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withLeaveOutUnsupported(true))) {
                var report = upgrade.run();
                assertThat(report.step("policies").orElseThrow().skippedKeys()).containsEntry(
                        "an S3 policy, which V3 cannot take: left out on request (--leave-out-unsupported-policies) with its 2 file(s)", List.of("6"));
                assertThat(report.step("files").orElseThrow().skippedKeys()).containsEntry(
                        "its storage policy 6 ('Amazon') was left out on request (--leave-out-unsupported-policies): an S3 policy", List.of("50", "51"));
                assertThat(upgrade.verify().passed()).isTrue();
            }
        }
    }

    @Test
    void aPolicyOfATypeNeitherV2NorV3KnowsIsRefusedByNameUnlessLeftOutOnRequestWithItsCause() {
        assertThat(failedAfter(B2)).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("no storage policies V3 cannot take");
            assertThat(result.failures()).containsExactly(
                    "sd_policy row 7: 'Backblaze' is a b2 policy holding 1 file(s); the type 'b2' is unknown to Cloudreve V2 2.0.0-Alpha1 and to V3");
            assertThat(result.fix()).contains("--leave-out-unsupported-policies");
        });
        try (var site = TestSite.sample("cd_")) {
            S3.andThen(B2).accept(site);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withLeaveOutUnsupported(true))) {
                assertThat(upgrade.check().failed()).isEmpty();
                var report = upgrade.run();
                assertThat(report.step("policies").orElseThrow().skippedKeys()).containsEntry(
                        "a policy of the type 'b2', unknown to Cloudreve V2 2.0.0-Alpha1 and to V3, which V3 cannot take:"
                                + " left out on request (--leave-out-unsupported-policies) with its 1 file(s)", List.of("7"));
                // each file names its policy and the real cause
                assertThat(report.step("files").orElseThrow().skippedKeys())
                        .containsEntry("its storage policy 6 ('Amazon') was left out on request (--leave-out-unsupported-policies): an S3 policy",
                                List.of("50", "51"))
                        .containsEntry("its storage policy 7 ('Backblaze') was left out on request (--leave-out-unsupported-policies):"
                                + " its type 'b2' is unknown to Cloudreve V2 2.0.0-Alpha1 and to V3", List.of("52"));
                assertThat(upgrade.verify().passed()).isTrue();
            }
            assertThat(site.rows("SELECT id FROM {p}policies WHERE id IN (6, 7)")).isEmpty();
            assertThat(site.rows("SELECT id FROM {p}files WHERE id IN (50, 51, 52)")).isEmpty();
        }
    }

    @Test
    void pendingOneDriveTasksStopTheRun() {
        var failed = failedAfter(site -> site.v2("UPDATE sd_task SET status = 'todo'"));
        assertThat(failed).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("V2's OneDrive task queue has no pending tasks");
            assertThat(result.failures()).containsExactly("sd_task row 1: task '上传 report.docx 到 OneDrive' (uploadSingleToOnedrive) is still todo");
        });
    }

    @Test
    void v3MustHaveStartedOnce() {
        var failed = failedAfter(site -> site.v3("DELETE FROM {p}settings WHERE type = 'version'"));
        assertThat(failed).extracting(CheckResult::title).containsExactly("V3 has started once on this database");
    }

    @Test
    void v3MustBeUntouchedSinceItsFirstStart() {
        var failed = failedAfter(site -> site.v3("INSERT INTO {p}users (id, email, nick, password, status, group_id, storage, two_factor, avatar, options, authn)"
                + " VALUES (2, 'x@example.com', 'x', 'x', 0, 2, 0, '', '', '{}', '')"));
        assertThat(failed).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("the V3 database holds only what V3 wrote at its first start");
            assertThat(result.failures()).singleElement().asString().startsWith("it holds 2 user(s), 1 folder(s), 0 file(s), 0 share(s), 3 group(s) and 1 policy(ies)");
        });
    }

    @Test
    void v3TablesMustBeTransactional() {
        var failed = failedAfter(site -> site.v3("ALTER TABLE {p}shares ENGINE=MyISAM"));
        assertThat(failed).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("the V3 tables are transactional (InnoDB)");
            assertThat(result.failures()).containsExactly("cd_shares uses MyISAM, which has no transactions");
        });
    }

    @Test
    void v3TextColumnsMustHoldEveryCharacter() {
        var failed = failedAfter(site -> site.v3("ALTER TABLE {p}files CONVERT TO CHARACTER SET utf8mb3"));
        assertThat(failed).singleElement().satisfies(result -> {
            assertThat(result.title()).isEqualTo("the V3 text columns can hold every character (utf8mb4)");
            assertThat(result.failures()).singleElement().asString().startsWith("cd_files: name (utf8mb3), source_name (utf8mb3)");
        });
    }
}
