package upgrade.demo;

import java.util.Map;

/**
 * The sample V2 site and a V3 database as Cloudreve 3.0.0 leaves it after its first start,
 * both from the SQL files in demo/.
 */
public final class DemoSite {
    public static final String V2_SCHEMA = "demo/v2-schema.sql";
    public static final String V2_SAMPLE_SITE = "demo/v2-sample-site.sql";
    public static final String V3_FIRST_START = "demo/v3-3.0.0-mysql.sql";

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
        server.recreateDatabase(database);
        server.run(database, SqlScript.resource(V3_FIRST_START, Map.of("prefix", prefix)));
    }
}
