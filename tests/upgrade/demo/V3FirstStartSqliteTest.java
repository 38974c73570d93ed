package upgrade.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import upgrade.support.Catalog;
import upgrade.support.TestServer;
import upgrade.support.V3Reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The V3 first-start fixtures for SQLite (demo/v3-VERSION-sqlite.sql) load into a file and hold what the reference says. */
class V3FirstStartSqliteTest {
    /** §6.3: TEXT in the drivers' format 2006-01-02 15:04:05.999999999-07:00. */
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?[+-]\\d{2}:\\d{2}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasItsTablesAndFirstStartRows(String version) {
        assertThat(read(fixture(version, ""), Catalog::rowCounts)).isEqualTo(V3FirstStart.of(version).rowCounts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasItsColumnsAndDbVersionRow(String version) {
        var expected = V3FirstStart.of(version);
        var file = fixture(version, "");
        var types = read(file, Catalog::columnTypes);
        for (var column : expected.columnsPresent()) {
            var cut = column.indexOf('.');
            assertThat(types.get(column.substring(0, cut))).as(column).containsKey(column.substring(cut + 1));
        }
        for (var column : expected.columnsAbsent()) {
            var cut = column.indexOf('.');
            assertThat(types.get(column.substring(0, cut))).as(column).doesNotContainKey(column.substring(cut + 1));
        }
        // SQLite reports the declared type, but upper-cases the names it knows (TEXT, INTEGER).
        assertThat(types.get("users").get("options")).isEqualToIgnoringCase(expected.usersOptionsSqliteType());
        assertThat(rows(file, "SELECT name, value FROM settings WHERE type = 'version'"))
                .containsExactly(List.of(expected.dbVersionSetting(), "installed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasTheSchemaOfTheReferenceDdl(String version) throws SQLException {
        var reference = V3Reference.text();
        assumeTrue(reference.isPresent(), "shared/reference/v3-database.md is not beside this working copy");
        var heading = V3FirstStart.of(version).referenceSqliteDdl();
        var fromReference = dir.resolve("reference.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + fromReference);
             var statement = connection.createStatement()) {
            for (var sql : SqlScript.split(V3Reference.sqlBlock(reference.get(), heading))) {
                statement.execute(sql);
            }
        }
        var fromFixture = fixture(version, "");

        assertThat(read(fromFixture, Catalog::columnDetails)).isEqualTo(read(fromReference, Catalog::columnDetails));
        assertThat(read(fromFixture, Catalog::indexes)).isEqualTo(read(fromReference, Catalog::indexes));
        // V3 finds its columns and indexes by matching the CREATE text (§2.4), so the text itself must be gorm's.
        assertThat(read(fromFixture, V3FirstStartSqliteTest::createStatements))
                .isEqualTo(read(fromReference, V3FirstStartSqliteTest::createStatements));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void datetimesAreTextInTheDriversFormatAndBooleansAreZeroOrOne(String version) {
        var file = fixture(version, "");
        for (var table : List.of("policies", "groups", "users", "folders", "settings")) {
            assertThat(rows(file, "SELECT typeof(created_at), created_at, typeof(updated_at), updated_at, deleted_at FROM " + table))
                    .as(table).isNotEmpty().allSatisfy(row -> {
                        assertThat(row.get(0)).isEqualTo("text");
                        assertThat(row.get(1)).matches(DATETIME);
                        assertThat(row.get(2)).isEqualTo("text");
                        assertThat(row.get(3)).matches(DATETIME);
                        assertThat(row.get(4)).isNull();
                    });
        }
        assertThat(rows(file, "SELECT DISTINCT typeof(share_enabled), share_enabled FROM groups"
                + " UNION SELECT DISTINCT typeof(web_dav_enabled), web_dav_enabled FROM groups"
                + " UNION SELECT DISTINCT typeof(auto_rename), auto_rename FROM policies"
                + " UNION SELECT DISTINCT typeof(is_private), is_private FROM policies"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).isIn(List.of("integer", "0"), List.of("integer", "1")));
    }

    /** The SQLite and the MySQL fixture of a version seed the same rows (times apart). */
    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void theSameRowsAsOnMySql(String version) throws SQLException {
        var file = fixture(version, "");
        var server = TestServer.get();
        var database = "t_v3_fixture_" + ProcessHandle.current().pid() + "_sqlite_" + version.replace('.', '_');
        DemoSite.createV3(server, database, "", version);
        try (var mysqlConnection = server.connect(database);
             var sqliteConnection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            var mysql = Catalog.of(mysqlConnection);
            var sqlite = Catalog.of(sqliteConnection);
            for (var table : V3FirstStart.of(version).tables()) {
                var columns = mysql.columnTypes().get(table).keySet().stream().filter(c -> !c.endsWith("_at")).toList();
                var select = "SELECT %s FROM %s ORDER BY id";
                assertThat(sqlite.rows(select.formatted(String.join(", ", columns.stream().map(sqlite::quote).toList()), sqlite.quote(table))))
                        .as(table)
                        .isEqualTo(mysql.rows(select.formatted(String.join(", ", columns.stream().map(mysql::quote).toList()), mysql.quote(table))));
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void settingsOf383AreThoseOf300WithTheChangesOfEachRelease() {
        var v300 = settingNames(fixture("3.0.0", ""));
        var v383 = settingNames(fixture("3.8.3", ""));
        // §5.2, release by release; siteICPId came in 3.1.0 and left in 3.6.0.
        var removed = List.of("captcha_IsUseReCaptcha",                                                    // 3.3.1
                "aria2_token", "aria2_rpcurl", "aria2_temp_path", "aria2_options", "aria2_interval", "aria2_call_timeout", // 3.4.0
                "onedrive_chunk_retries", "upload_credential_timeout",                                     // 3.5.0
                "db_version_3.0.0");
        var added = List.of("siteScript", "smtpEncryption",                                                // 3.1.0
                "folder_props_timeout",                                                                    // 3.3.0
                "captcha_type", "captcha_TCaptcha_CaptchaAppId", "captcha_TCaptcha_AppSecretKey",
                "captcha_TCaptcha_SecretId", "captcha_TCaptcha_SecretKey",                                 // 3.3.1
                "siteID", "office_preview_service", "slave_node_retry", "slave_ping_interval",
                "slave_recover_interval", "slave_transfer_timeout",                                        // 3.4.0
                "chunk_retries", "cron_recycle_upload_session", "use_temp_chunk_buffer", "thumb_file_suffix",
                "thumb_max_task_count", "thumb_encode_method", "thumb_gc_after_gen", "thumb_encode_quality", // 3.5.0
                "public_resource_maxage", "show_app_promotion",                                            // 3.6.0
                "wopi_enabled", "wopi_endpoint", "wopi_max_size", "wopi_session_timeout",                  // 3.7.0
                "thumb_builtin_enabled", "thumb_vips_enabled", "thumb_vips_path", "thumb_vips_exts",
                "thumb_ffmpeg_enabled", "thumb_ffmpeg_path", "thumb_ffmpeg_seek", "thumb_ffmpeg_exts",
                "thumb_libreoffice_enabled", "thumb_libreoffice_path", "thumb_libreoffice_exts",
                "thumb_proxy_enabled", "thumb_proxy_policy", "thumb_max_src_size",                         // 3.8.0
                "db_version_3.8.1");
        assertThat(v300).hasSize(81).containsAll(removed).doesNotContainAnyElementsOf(added);
        var expected = new TreeSet<>(v300);
        removed.forEach(expected::remove);
        expected.addAll(added);
        assertThat(v383).hasSize(114).isEqualTo(expected);
    }

    @Test
    void changedDefaultsAndRowsOf383() {
        var file = fixture("3.8.3", "");
        assertThat(rows(file, "SELECT name, value FROM settings WHERE name IN"
                + " ('archive_timeout', 'maxEditSize', 'siteKeywords', 'siteTitle', 'chunk_retries') ORDER BY name"))
                .containsExactly(List.of("archive_timeout", "600"), List.of("chunk_retries", "5"), List.of("maxEditSize", "52428800"),
                        List.of("siteKeywords", "Cloudreve, cloud storage"), List.of("siteTitle", "Inclusive cloud storage for everyone"));
        assertThat(rows(file, "SELECT id, name, status, type, aria2_enabled, aria2_options, rank FROM nodes"))
                .containsExactly(List.of("1", "Master (Local machine)", "0", "1", "0", "{\"interval\":10,\"timeout\":10}", "0"));
        assertThat(rows(file, "SELECT id, name, options FROM groups ORDER BY id")).containsExactly(
                List.of("1", "Admin", "{\"archive_download\":true,\"archive_task\":true,\"share_download\":true,\"aria2\":true,"
                        + "\"source_batch\":1000,\"redirected_source\":true,\"aria2_batch\":50,\"advance_delete\":true}"),
                List.of("2", "User", "{\"share_download\":true,\"source_batch\":10,\"redirected_source\":true,\"aria2_batch\":1}"),
                List.of("3", "Anonymous", "{\"share_download\":true}"));
        assertThat(rows(file, "SELECT name, options FROM policies")).containsExactly(List.of("Default storage policy",
                "{\"token\":\"\",\"file_type\":null,\"mimetype\":\"\",\"chunk_size\":26214400,\"s3_path_style\":false}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void aPrefixGoesIntoTableNamesAndAutoNamedIndexesOnly(String version) {
        var plain = fixture(version, "");
        var prefixed = dir.resolve("prefixed.db");
        DemoSite.createV3Sqlite(prefixed, version, "cd_");
        assertThat(read(prefixed, Catalog::indexes))
                .contains("cd_users idx_cd_users_deleted_at nonunique [deleted_at]", "cd_files idx_only_one unique [name, user_id, folder_id]")
                .containsExactlyInAnyOrderElementsOf(read(plain, Catalog::indexes).stream().map(i -> V3FirstStart.withPrefix(i, "cd_")).toList());
        assertThat(read(prefixed, Catalog::rowCounts).keySet()).allMatch(table -> table.startsWith("cd_"))
                .hasSameSizeAs(V3FirstStart.of(version).tables());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        var file = Files.writeString(dir.resolve("cloudreve.db"), "a real site");
        assertThatThrownBy(() -> DemoSite.createV3Sqlite(file, "3.8.3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + " already exists; remove it or choose another file for the V3 SQLite database");
        assertThat(Files.readString(file)).isEqualTo("a real site");
    }

    @Test
    void aVersionWithoutFixtureIsRefused() {
        var file = dir.resolve("cloudreve.db");
        assertThatThrownBy(() -> DemoSite.createV3Sqlite(file, "3.8.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no V3 3.8.2 fixture; the demo/ fixtures are for V3 3.0.0 and 3.8.3");
        assertThat(file).doesNotExist();
    }

    private Path fixture(String version, String prefix) {
        var file = dir.resolve("v3-" + version + ".db");
        DemoSite.createV3Sqlite(file, version, prefix);
        return file;
    }

    private TreeSet<String> settingNames(Path file) {
        return new TreeSet<>(rows(file, "SELECT name FROM settings").stream().map(r -> r.get(0)).toList());
    }

    private static Map<String, String> createStatements(Catalog catalog) {
        var statements = new TreeMap<String, String>();
        catalog.rows("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").forEach(r -> statements.put(r.get(0), r.get(1)));
        return statements;
    }

    private static List<List<String>> rows(Path file, String sql) {
        return read(file, catalog -> catalog.rows(sql));
    }

    private static <T> T read(Path file, Function<Catalog, T> reader) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return reader.apply(Catalog.of(connection));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
