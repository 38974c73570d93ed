package upgrade.support;

import upgrade.demo.MariaDbServer;

/**
 * The one database server the whole test run uses: an existing MySQL/MariaDB server when
 * {@value #URL_VARIABLE} names one (e.g. {@code jdbc:mariadb://localhost:3306/?user=root&password=pw};
 * the tests create and drop databases named {@code t_*} on it), otherwise an embedded MariaDB
 * started once and stopped when the JVM exits.
 */
public final class TestServer {
    public static final String URL_VARIABLE = "UPGRADE_TEST_DB_URL";
    private static MariaDbServer server;

    private TestServer() {}

    public static synchronized MariaDbServer get() {
        if (server == null) {
            var url = System.getenv(URL_VARIABLE);
            server = url == null || url.isBlank() ? MariaDbServer.embedded() : MariaDbServer.existing(url);
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }
}
