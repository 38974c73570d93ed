package upgrade.db;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements a step runs page after page (a page's INSERT, the lookups of its keys), each
 * prepared once per text and run again with new values, straight on the connection's JDBC.
 *
 * <p>Why not through Jdbi like the rest: profiled on 200,000 files, two thirds of the processor
 * time of the thread running the steps went to Jdbi and Connector/J preparing the same few texts
 * again for every page (Jdbi's SQL lexer and its argument map, the driver's scan of the text for
 * parameters), more than to the mappings' expressions. Values are bound as {@link #bind} says,
 * as Jdbi bound them before. A failure is thrown as Jdbi's
 * {@link UnableToExecuteStatementException} carrying the {@link SQLException}, so
 * {@link Database#refusal} classifies it like any other.
 */
public final class PreparedStatements implements AutoCloseable {
    /**
     * Texts kept prepared at once, the least recently run let go first: a step runs a dozen again
     * and again (a full page's INSERT, each lookup's query for a full page of keys), and texts that
     * differ only in their number of rows now and then.
     */
    private static final int KEPT = 32;

    /** Reads the rows a query returns, one at a time (the result set stands on the current row). */
    @FunctionalInterface
    public interface RowHandler {
        void read(ResultSet row) throws SQLException;
    }

    /** What a query's row gives (the result set stands on that row). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > KEPT) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    PreparedStatements(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Runs an INSERT, UPDATE or DELETE; the rows it changed. */
    int update(String sql, List<?> values) {
        try {
            var statement = bound(sql, values);
            var changed = statement.executeUpdate();
            statement.clearParameters(); // a kept statement does not keep a page's values too
            return changed;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a query and hands each row it returns to {@code reader}, in order. */
    void query(String sql, List<?> values, RowHandler reader) {
        try {
            var statement = bound(sql, values);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
            statement.clearParameters();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a query and gives what {@code mapper} makes of its first row; empty when it returns none (or the mapper gives null). */
    <T> Optional<T> first(String sql, List<?> values, RowMapper<T> mapper) {
        try {
            var statement = bound(sql, values);
            T found = null;
            try (var rows = statement.executeQuery()) {
                if (rows.next()) {
                    found = mapper.map(rows);
                }
            }
            statement.clearParameters();
            return Optional.ofNullable(found);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an UPDATE or DELETE once per list of values, in one JDBC batch; per list, the rows it changed. */
    int[] updateEach(String sql, List<? extends List<?>> valuesEach) {
        try {
            var statement = statement(sql);
            for (var values : valuesEach) {
                bindAll(statement, values);
                statement.addBatch();
            }
            var changed = statement.executeBatch();
            statement.clearParameters();
            return changed;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private PreparedStatement bound(String sql, List<?> values) throws SQLException {
        var statement = statement(sql);
        bindAll(statement, values);
        return statement;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        var statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private void bindAll(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    /**
     * NULL as SQL NULL, an instant in the dialect's form ({@link Dialect#timeValue}), the usual
     * Java types by their own setters, anything else as the driver takes it.
     */
    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, dialect.timeValue(instant));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    /** The statement is let go (a driver may leave it unusable after a failure) and the failure told as Jdbi tells it. */
    private UnableToExecuteStatementException failed(String sql, SQLException e) {
        closeQuietly(prepared.remove(sql));
        return new UnableToExecuteStatementException(e.getMessage(), e, null);
    }

    @Override
    public void close() {
        prepared.values().forEach(PreparedStatements::closeQuietly);
        prepared.clear();
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement of a lost connection: the failure that lost it is what gets reported
        }
    }
}
