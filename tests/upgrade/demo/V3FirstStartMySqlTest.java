package upgrade.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import upgrade.support.Catalog;
import upgrade.support.TestServer;
import upgrade.support.V3Reference;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The V3 first-start fixtures for MySQL/MariaDB (demo/v3-VERSION-mysql.sql) load and hold what the reference says. */
class V3FirstStartMySqlTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final MariaDbServer server = TestServer.get();
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(server::dropDatabase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasItsTablesAndFirstStartRows(String version) {
        var expected = V3FirstStart.of(version);
        var counts = read(fixture(version, "cd_"), Catalog::rowCounts);
        assertThat(counts).isEqualTo(prefixed("cd_", expected.rowCounts()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasItsColumnsAndDbVersionRow(String version) {
        var expected = V3FirstStart.of(version);
        var database = fixture(version, "cd_");
        var types = read(database, Catalog::columnTypes);
        for (var column : expected.columnsPresent()) {
            assertThat(types.get("cd_" + table(column))).as(column).containsKey(name(column));
        }
        for (var column : expected.columnsAbsent()) {
            assertThat(types.get("cd_" + table(column))).as(column).doesNotContainKey(name(column));
        }
        assertThat(types.get("cd_users")).containsEntry("options", expected.usersOptionsMySqlType());
        assertThat(rows(database, "SELECT name, value FROM cd_settings WHERE type = 'version'"))
                .containsExactly(List.of(expected.dbVersionSetting(), "installed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void eachVersionHasTheSchemaOfTheReferenceDdl(String version) {
        var reference = V3Reference.text();
        assumeTrue(reference.isPresent(), "shared/reference/v3-database.md is not beside this working copy");
        var expected = V3FirstStart.of(version);
        var fromFixture = fixture(version, "cd_");
        // The reference's DDL uses the prefix cd_: run it as it stands and compare the catalogs.
        var fromReference = database();
        server.recreateDatabase(fromReference);
        server.run(fromReference, new SqlScript("reference " + expected.referenceMySqlDdl(),
                SqlScript.split(V3Reference.sqlBlock(reference.get(), expected.referenceMySqlDdl()))));

        assertThat(read(fromFixture, Catalog::columnDetails)).isEqualTo(read(fromReference, Catalog::columnDetails));
        assertThat(read(fromFixture, Catalog::indexes)).isEqualTo(read(fromReference, Catalog::indexes));
    }

    @Test
    void withoutAVersionTheV3DatabaseIs300() {
        var database = database();
        DemoSite.createV3(server, database, "cd_");
        assertThat(rows(database, "SELECT name FROM cd_settings WHERE type = 'version'"))
                .containsExactly(List.of("db_version_3.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.0", "3.8.3"})
    void aPrefixGoesIntoTableNamesAndAutoNamedIndexesOnly(String version) {
        var plain = fixture(version, "");
        var prefixed = fixture(version, "cd_");
        assertThat(read(plain, Catalog::rowCounts)).isEqualTo(V3FirstStart.of(version).rowCounts());
        assertThat(read(prefixed, Catalog::indexes))
                .contains("cd_users idx_cd_users_deleted_at nonunique [deleted_at]", "cd_files idx_only_one unique [name, user_id, folder_id]")
                .containsExactlyInAnyOrderElementsOf(read(plain, Catalog::indexes).stream().map(i -> V3FirstStart.withPrefix(i, "cd_")).toList());
    }

    @Test
    void aVersionWithoutFixtureIsRefusedBeforeTheDatabaseIsTouched() {
        assertThatThrownBy(() -> DemoSite.createV3(server, "t_v3_never_created", "cd_", "3.5.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no V3 3.5.0 fixture; the demo/ fixtures are for V3 3.0.0 and 3.8.3");
        assertThat(rows(null, "SHOW DATABASES LIKE 't_v3_never_created'")).isEmpty();
    }

    private String fixture(String version, String prefix) {
        var database = database();
        DemoSite.createV3(server, database, prefix, version);
        return database;
    }

    private String database() {
        var name = "t_v3_fixture_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        databases.add(name);
        return name;
    }

    private List<List<String>> rows(String database, String sql) {
        return read(database, catalog -> catalog.rows(sql));
    }

    private <T> T read(String database, Function<Catalog, T> reader) {
        try (var connection = server.connect(database)) {
            return reader.apply(Catalog.of(connection));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> prefixed(String prefix, Map<String, Long> counts) {
        var result = new TreeMap<String, Long>();
        counts.forEach((table, count) -> result.put(prefix + table, count));
        return result;
    }

    private static String table(String column) {
        return column.substring(0, column.indexOf('.'));
    }

    private static String name(String column) {
        return column.substring(column.indexOf('.') + 1);
    }
}
