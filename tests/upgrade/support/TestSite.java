package upgrade.support;

import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;
import upgrade.demo.SqliteFile;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A V2 database and a freshly started V3 database of its own on the test server (or, for a SQLite
 * target, a V3 SQLite file in the site's temporary directory), dropped on close. Tests change the
 * V2 side with {@link #v2(String)} before upgrading, and read results with {@link #rows(String)}.
 */
public final class TestSite implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The product V3's database is on. */
    public enum Engine { MARIADB, SQLITE }

    private final MariaDbServer server = TestServer.get();
    private final String v2;
    private final String v3;
    private final String v3Prefix;
    private final java.nio.file.Path exports;
    /** V3's SQLite file; null when V3 is on the test server. */
    private final SqliteFile sqlite;

    private TestSite(boolean sampleSite, String v3Prefix, Engine engine, String version) {
        var n = ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        this.v2 = "t_v2_" + n;
        this.v3 = "t_v3_" + n;
        this.v3Prefix = v3Prefix;
        DemoSite.createV2(server, v2, sampleSite);
        try {
            this.exports = java.nio.file.Files.createTempDirectory("upgrade-test-exports-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (engine == Engine.SQLITE) {
            // beside the exports, not in them: the export directory is emptied by some tests
            sqlite = new SqliteFile(exports.resolveSibling(exports.getFileName() + "-cloudreve.db"));
            DemoSite.createV3Sqlite(sqlite.path(), version, v3Prefix);
        } else {
            sqlite = null;
            DemoSite.createV3(server, v3, v3Prefix, version);
        }
    }

    /** Where this site's runs write their export files. */
    public java.nio.file.Path exports() {
        return exports;
    }

    /** The sample V2 site and a V3 3.0.0 database with this table prefix. */
    public static TestSite sample(String v3Prefix) {
        return new TestSite(true, v3Prefix, Engine.MARIADB, DemoSite.V3_DEFAULT_VERSION);
    }

    /** The sample V2 site and a V3 database of this release on this engine, with this table prefix. */
    public static TestSite sample(String v3Prefix, Engine engine, String version) {
        return new TestSite(true, v3Prefix, engine, version);
    }

    /** The sample V2 site and a V3 database of this release (one of {@link DemoSite#V3_VERSIONS}) with this table prefix. */
    public static TestSite sample(String v3Prefix, String v3Version) {
        return new TestSite(true, v3Prefix, Engine.MARIADB, v3Version);
    }

    /**
     * The sample V2 site and a stand-in V3 database of any release target.yaml lists: the 3.8.3
     * fixture reduced to that release's schema and db_version ({@link V3Releases}).
     */
    public static TestSite sampleAsRelease(String v3Prefix, String release) {
        var site = new TestSite(true, v3Prefix, Engine.MARIADB, "3.8.3");
        V3Releases.reduce(site.server, site.v3, v3Prefix, release);
        return site;
    }

    /** A V2 database as the installer leaves it (admin, root folder, three groups, one policy). */
    public static TestSite fresh(String v3Prefix) {
        return new TestSite(false, v3Prefix, Engine.MARIADB, DemoSite.V3_DEFAULT_VERSION);
    }

    public String v2Url() {
        return server.url(v2);
    }

    /** V3's database: a URL on the test server, or {@code sqlite:PATH}. */
    public String v3Url() {
        return sqlite != null ? "sqlite:" + sqlite.path() : server.url(v3);
    }

    public Engine engine() {
        return sqlite != null ? Engine.SQLITE : Engine.MARIADB;
    }

    /** V3's SQLite file; only for {@link Engine#SQLITE}. */
    public java.nio.file.Path v3File() {
        return sqlite.path();
    }

    /** A connection of its own to the V3 database, e.g. to hold a lock while a run works. */
    public java.sql.Connection connectV3() throws java.sql.SQLException {
        return server.connect(v3);
    }

    public String v3Prefix() {
        return v3Prefix;
    }

    public UpgradeOptions options() {
        return upgrade.cloudreve.CloudreveSite.defaults().withV3Prefix(v3Prefix).withExportDirectory(exports);
    }

    public Upgrade open() {
        return Upgrade.open(v2Url(), v3Url(), options());
    }

    /** Runs SQL on the V2 database (test set-up only; the upgrade itself never writes V2). */
    public TestSite v2(String sql) {
        server.execute(v2, sql);
        return this;
    }

    /** Runs a SQL script from the class path (e.g. {@code fixtures/v2-dirty-site.sql}) on the V2 database. */
    public TestSite v2Script(String resource) {
        server.run(v2, upgrade.demo.SqlScript.resource(resource, Map.of()));
        return this;
    }

    /** Runs SQL on the V3 database, with {@code {p}} standing for the V3 prefix. */
    public TestSite v3(String sql) {
        if (sqlite != null) {
            sqlite.execute(sql.replace("{p}", v3Prefix));
        } else {
            server.execute(v3, sql.replace("{p}", v3Prefix));
        }
        return this;
    }

    /** Rows of a query on the V3 database ({@code {p}} is the prefix), column label to value. */
    public List<Map<String, Object>> rows(String sql) {
        return sqlite != null ? sqlite.query(sql.replace("{p}", v3Prefix)) : query(v3, sql.replace("{p}", v3Prefix));
    }

    /** V3's table names. */
    public List<String> v3Tables() {
        return sqlite != null ? sqlite.tables() : query(v3, "SHOW TABLES").stream().map(row -> row.values().iterator().next().toString()).toList();
    }

    public List<Map<String, Object>> v2Rows(String sql) {
        return query(v2, sql);
    }

    /** One checksum per table: equal snapshots mean nothing was written. */
    public Map<String, Object> snapshotV3() {
        if (sqlite == null) {
            return snapshot(v3);
        }
        // every row of every table (and the id counters, in sqlite_sequence), as text
        var snapshot = new LinkedHashMap<String, Object>();
        for (var table : sqlite.tables()) {
            snapshot.put(table, sqlite.query("SELECT * FROM \"" + table + "\" ORDER BY rowid").toString());
        }
        snapshot.put("sqlite_sequence", sqlite.query("SELECT * FROM sqlite_sequence ORDER BY name").toString());
        return snapshot;
    }

    public Map<String, Object> snapshotV2() {
        return snapshot(v2);
    }

    private Map<String, Object> snapshot(String database) {
        var checksums = new LinkedHashMap<String, Object>();
        for (var table : query(database, "SHOW TABLES")) {
            var name = table.values().iterator().next().toString();
            var row = query(database, "CHECKSUM TABLE `" + name + "` EXTENDED").get(0);
            checksums.put(name, row.get("Checksum"));
        }
        return checksums;
    }

    private List<Map<String, Object>> query(String database, String sql) {
        return server.query(database, sql);
    }

    @Override
    public void close() {
        server.dropDatabase(v2);
        if (sqlite != null) {
            sqlite.path().toFile().delete();
        } else {
            server.dropDatabase(v3);
        }
        try (var files = java.nio.file.Files.walk(exports)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
