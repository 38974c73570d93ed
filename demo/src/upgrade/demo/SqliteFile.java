package upgrade.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A SQLite file read and changed statement by statement (for the demo and the tests; the upgrade goes through its Dialect). */
public record SqliteFile(Path path) {

    /** A connection to the file; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
    }

    /** The rows a query gives, each a map of column label to value, in order. */
    public List<Map<String, Object>> query(String sql) {
        try (var connection = connect(); var rs = connection.createStatement().executeQuery(sql)) {
            return ResultRows.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(path + ": " + e.getMessage() + " in: " + sql, e);
        }
    }

    public void execute(String sql) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(path + ": " + e.getMessage() + " in: " + sql, e);
        }
    }

    /** The names of the file's tables, in name order. */
    public List<String> tables() {
        return query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").stream()
                .map(row -> row.get("name").toString()).toList();
    }
}
