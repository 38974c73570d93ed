package upgrade.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import upgrade.support.Catalog;
import upgrade.support.StandInSchema;
import upgrade.support.TestServer;
import upgrade.support.TestSite.Engine;
import upgrade.support.V3Releases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-ins of the releases without a fixture of their own ({@link V3Releases}) are faithful: the
 * 3.8.3 fixture made into 3.0.0's is the 3.0.0 fixture (columns and their types, indexes, default
 * settings with their values, the seeded rows' names, and on SQLite the CREATE text V3 matches), which holds every release's
 * changes undone in turn; and a release between shows its own mix (3.4.0, v3-database.md §3.3, §5.2, §6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3StandInsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterAll
    void drop() {
        databases.forEach(TestServer.get()::dropDatabase);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStandInOf300IsThe300Fixture(Engine engine) {
        var standIn = catalogOf(engine, "3.8.3", "3.0.0");
        var fixture = catalogOf(engine, "3.0.0", null);
        assertThat(standIn.read(Catalog::columnDetails)).isEqualTo(fixture.read(Catalog::columnDetails));
        assertThat(standIn.read(Catalog::indexes)).isEqualTo(fixture.read(Catalog::indexes));
        assertThat(standIn.read(V3StandInsTest::settings)).hasSize(81).isEqualTo(fixture.read(V3StandInsTest::settings));
        for (var seeded : List.of("groups", "policies")) {
            assertThat(standIn.rows("SELECT id, name FROM %s ORDER BY id", seeded)).as(seeded)
                    .isEqualTo(fixture.rows("SELECT id, name FROM %s ORDER BY id", seeded));
        }
        if (engine == Engine.SQLITE) {
            assertThat(standIn.read(V3StandInsTest::createStatements)).isEqualTo(fixture.read(V3StandInsTest::createStatements));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStandInOf340HasItsOwnColumnTypesAndSettings(Engine engine) {
        var standIn = catalogOf(engine, "3.8.3", "3.4.0");
        var types = standIn.read(Catalog::columnTypes);
        var prefix = engine == Engine.SQLITE ? "" : "cd_";
        // §6: options text from 3.4.0, longtext (MySQL) only from 3.5.2; groups.options varchar(255) before 3.5.2
        assertThat(types.get(prefix + "users").get("options")).isEqualToIgnoringCase("text");
        assertThat(types.get(prefix + "users").get("authn")).isEqualToIgnoringCase("text");
        assertThat(types.get(prefix + "groups").get("options")).isEqualToIgnoringCase("varchar(255)");
        assertThat(types.get(prefix + "downloads").get("attrs")).isEqualToIgnoringCase(engine == Engine.SQLITE ? "text" : "longtext");
        assertThat(types.get(prefix + "downloads")).containsKey("node_id");
        assertThat(types.get(prefix + "files")).doesNotContainKeys("upload_session_id", "metadata");
        assertThat(types).containsKey(prefix + "nodes").doesNotContainKey(prefix + "source_links");
        // §5.2: aria2 gone and siteID there from 3.4.0; siteICPId until 3.6.0; the 3.5.0 and 3.6.0 defaults not yet
        var settings = standIn.read(V3StandInsTest::settings);
        assertThat(settings).containsKeys("siteID", "slave_node_retry", "captcha_type", "siteICPId", "upload_credential_timeout",
                        "onedrive_chunk_retries", "db_version_3.4.0")
                .doesNotContainKeys("aria2_rpcurl", "aria2_call_timeout", "captcha_IsUseReCaptcha", "chunk_retries", "thumb_file_suffix",
                        "public_resource_maxage", "wopi_enabled", "thumb_builtin_enabled", "db_version_3.8.1");
        assertThat(settings.get("archive_timeout")).isEqualTo("timeout 60");
        assertThat(settings.get("siteTitle")).isEqualTo("basic 平步云端");
        assertThat(settings.get("maxEditSize")).isEqualTo("file_edit 4194304");
        // §3.3 step 7: the master node's name before 3.6.0
        assertThat(standIn.rows("SELECT id, name, type FROM %s", "nodes"))
                .containsExactly(List.of("1", "主机（本机）", "1"));
    }

    /** Reads a V3 database of {@code fixture} on the engine, made into release {@code standIn}'s when not null. */
    private Db catalogOf(Engine engine, String fixture, String standIn) {
        var n = ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        if (engine == Engine.SQLITE) {
            var file = dir.resolve("v3-" + n + ".db");
            DemoSite.createV3Sqlite(file, fixture, "");
            if (standIn != null) {
                V3Releases.reduce(new StandInSchema.InFile(new SqliteFile(file)), "", standIn);
            }
            return new Db(() -> DriverManager.getConnection("jdbc:sqlite:" + file));
        }
        var database = "t_v3_standin_" + n;
        databases.add(database);
        DemoSite.createV3(TestServer.get(), database, "cd_", fixture);
        if (standIn != null) {
            V3Releases.reduce(new StandInSchema.OnServer(TestServer.get(), database), "cd_", standIn);
        }
        return new Db(() -> TestServer.get().connect(database));
    }

    /** Setting name to "type value" (secret_key too: both fixtures hold the same). */
    private static Map<String, String> settings(Catalog catalog) {
        var settings = new TreeMap<String, String>();
        catalog.rows("SELECT name, type, value FROM " + catalog.quote(tableLike(catalog, "settings")) + " WHERE deleted_at IS NULL")
                .forEach(row -> settings.put(row.get(0), row.get(1) + " " + row.get(2)));
        return settings;
    }

    private static String tableLike(Catalog catalog, String table) {
        return catalog.rowCounts().keySet().stream().filter(name -> name.endsWith(table)).findFirst().orElseThrow();
    }

    private static Map<String, String> createStatements(Catalog catalog) {
        var statements = new TreeMap<String, String>();
        catalog.rows("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").forEach(r -> statements.put(r.get(0), r.get(1)));
        return statements;
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    /** A database read through its catalog, one connection per read. */
    private record Db(Opener opener) {
        /** The rows of a query on V3's table {@code table} (whatever its prefix), which stands for %s. */
        List<List<String>> rows(String sql, String table) {
            return read(catalog -> catalog.rows(sql.formatted(catalog.quote(tableLike(catalog, table)))));
        }

        <T> T read(Function<Catalog, T> reader) {
            try (var connection = opener.open()) {
                return reader.apply(Catalog.of(connection));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
