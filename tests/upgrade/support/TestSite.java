package upgrade.support;

import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A V2 database and a freshly started V3 database of its own on the test server, dropped on
 * close. Tests change the V2 side with {@link #v2(String)} before upgrading, and read results
 * with {@link #rows(String)}.
 */
public final class TestSite implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MariaDbServer server = TestServer.get();
    private final String v2;
    private final String v3;
    private final String v3Prefix;
    private final java.nio.file.Path exports;

    private TestSite(boolean sampleSite, String v3Prefix) {
        this(sampleSite, v3Prefix, DemoSite.V3_DEFAULT_VERSION);
    }

    private TestSite(boolean sampleSite, String v3Prefix, String v3Version) {
        var n = ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        this.v2 = "t_v2_" + n;
        this.v3 = "t_v3_" + n;
        this.v3Prefix = v3Prefix;
        DemoSite.createV2(server, v2, sampleSite);
        DemoSite.createV3(server, v3, v3Prefix, v3Version);
        try {
            this.exports = java.nio.file.Files.createTempDirectory("upgrade-test-exports-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where this site's runs write their export files. */
    public java.nio.file.Path exports() {
        return exports;
    }

    /** The sample V2 site and a V3 3.0.0 database with this table prefix. */
    public static TestSite sample(String v3Prefix) {
        return new TestSite(true, v3Prefix);
    }

    /** The sample V2 site and a V3 database of this release (one of {@link DemoSite#V3_VERSIONS}) with this table prefix. */
    public static TestSite sample(String v3Prefix, String v3Version) {
        return new TestSite(true, v3Prefix, v3Version);
    }

    /**
     * The sample V2 site and a stand-in V3 database of any release target.yaml lists: the 3.8.3
     * fixture reduced to that release's schema and db_version ({@link V3Releases}).
     */
    public static TestSite sampleAsRelease(String v3Prefix, String release) {
        var site = new TestSite(true, v3Prefix, "3.8.3");
        V3Releases.reduce(site.server, site.v3, v3Prefix, release);
        return site;
    }

    /** A V2 database as the installer leaves it (admin, root folder, three groups, one policy). */
    public static TestSite fresh(String v3Prefix) {
        return new TestSite(false, v3Prefix);
    }

    public String v2Url() {
        return server.url(v2);
    }

    public String v3Url() {
        return server.url(v3);
    }

    public String v3Prefix() {
        return v3Prefix;
    }

    public UpgradeOptions options() {
        return UpgradeOptions.defaults().withV3Prefix(v3Prefix).withExportDirectory(exports);
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
        server.execute(v3, sql.replace("{p}", v3Prefix));
        return this;
    }

    /** Rows of a query on the V3 database ({@code {p}} is the prefix), column label to value. */
    public List<Map<String, Object>> rows(String sql) {
        return query(v3, sql.replace("{p}", v3Prefix));
    }

    public List<Map<String, Object>> v2Rows(String sql) {
        return query(v2, sql);
    }

    /** One checksum per table: equal snapshots mean nothing was written. */
    public Map<String, Object> snapshotV3() {
        return snapshot(v3);
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
        server.dropDatabase(v3);
        try (var files = java.nio.file.Files.walk(exports)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
