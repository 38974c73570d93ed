package upgrade.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The sample V2 site and V3 databases as Cloudreve 3.0.0 or 3.8.3 leaves them after its first
 * start (on MySQL/MariaDB or in a SQLite file), all from the SQL files in demo/.
 */
public final class DemoSite {
    public static final String V2_SCHEMA = "demo/v2-schema.sql";
    public static final String V2_SAMPLE_SITE = "demo/v2-sample-site.sql";
    public static final String V3_FIRST_START = "demo/v3-3.0.0-mysql.sql";
    /** The V3 releases with a first-start fixture in demo/ (v3-VERSION-mysql.sql, v3-VERSION-sqlite.sql). */
    public static final List<String> V3_VERSIONS = List.of("3.0.0", "3.8.3");
    /** The V3 release the demo and most tests upgrade into. */
    public static final String V3_DEFAULT_VERSION = "3.0.0";

    private DemoSite() {}

    /** A V2 2.0.0-Alpha1 database: the installer's schema and seed rows, plus the sample site when asked. */
    public static void createV2(MariaDbServer server, String database, boolean sampleSite) {
        server.recreateDatabase(database);
        server.run(database, SqlScript.resource(V2_SCHEMA, Map.of()));
        if (sampleSite) {
            server.run(database, SqlScript.resource(V2_SAMPLE_SITE, Map.of()));
        }
    }

    /** A V3 database exactly as Cloudreve 3.0.0 creates and seeds it on MySQL, with this table prefix. */
    public static void createV3(MariaDbServer server, String database, String prefix) {
        createV3(server, database, prefix, V3_DEFAULT_VERSION);
    }

    /** A V3 database exactly as this V3 release (one of {@link #V3_VERSIONS}) creates and seeds it on MySQL. */
    public static void createV3(MariaDbServer server, String database, String prefix, String version) {
        var script = v3Script(version, "mysql", prefix);
        server.recreateDatabase(database);
        server.run(database, script);
    }

    /** A new SQLite file, without table prefix, as this V3 release creates and seeds it (V3's default install). */
    public static void createV3Sqlite(Path file, String version) {
        createV3Sqlite(file, version, "");
    }

    /**
     * A new SQLite file as this V3 release creates and seeds it, with this table prefix. It refuses
     * an existing file rather than overwrite what may be a real site's database.
     */
    public static void createV3Sqlite(Path file, String version, String prefix) {
        var script = v3Script(version, "sqlite", prefix);
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " already exists; remove it or choose another file for the V3 SQLite database");
        }
        run(file, script);
    }

    private static void run(Path file, SqlScript script) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var statement = connection.createStatement()) {
            // One transaction: SQLite would otherwise sync the file after every statement.
            connection.setAutoCommit(false);
            for (var sql : script.statements()) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(script.name() + ": " + e.getMessage() + " in: " + sql.lines().findFirst().orElse(""), e);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the V3 SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first-start fixture of a V3 release on an engine ("mysql" or "sqlite"), with the prefix filled in. */
    public static SqlScript v3Script(String version, String engine, String prefix) {
        if (!V3_VERSIONS.contains(version)) {
            throw new IllegalArgumentException("there is no V3 " + version + " fixture; the demo/ fixtures are for V3 "
                    + String.join(" and ", V3_VERSIONS));
        }
        return SqlScript.resource("demo/v3-" + version + "-" + engine + ".sql", Map.of("prefix", prefix));
    }
}
