package bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The per-row loop's JDBC: V2's rows streamed, V3's statements prepared once and committed every so many writes. */
final class LoopJdbc implements AutoCloseable {
    private final Connection read;
    private final Connection write;
    private final int commitEvery;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long pending;

    LoopJdbc(Connection read, Connection write, int commitEvery) {
        this.read = read;
        this.write = write;
        this.commitEvery = commitEvery;
    }

    Connection read() {
        return read;
    }

    Connection write() {
        return write;
    }

    interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /**
     * Streams the rows of a V2 query, handing each to {@code handler}. Connector/J reads a whole result into
     * memory unless the fetch size is Integer.MIN_VALUE (its row-by-row streaming; a positive size is ignored
     * without useCursorFetch), which at a million files would not fit the benchmark's heap.
     */
    void stream(String sql, RowHandler handler) throws SQLException {
        try (var statement = read.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            try (var rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    /** One INSERT or UPDATE in V3; every {@code commitEvery} writes a commit. A failed write throws, and counts for nothing. */
    void write(String sql, Object... values) throws SQLException {
        bind(sql, values).executeUpdate();
        if (++pending % commitEvery == 0) {
            write.commit();
        }
    }

    void update(String sql) throws SQLException {
        try (var statement = write.createStatement()) {
            statement.executeUpdate(sql);
        }
        write.commit();
    }

    Long queryLong(String sql, Object... values) throws SQLException {
        try (var rows = bind(sql, values).executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    String queryString(String sql, Object... values) throws SQLException {
        try (var rows = bind(sql, values).executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private PreparedStatement bind(String sql, Object... values) throws SQLException {
        var statement = statements.get(sql);
        if (statement == null) {
            statement = write.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        try (read; write) {
            for (var statement : statements.values()) {
                statement.close();
            }
        }
    }
}
