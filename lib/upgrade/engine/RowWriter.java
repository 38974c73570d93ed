package upgrade.engine;

import org.jdbi.v3.core.statement.StatementException;
import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.WriteMode;
import upgrade.report.StepCounter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes rows into a target table in batches: one multi-row INSERT per batch. When a batch fails,
 * its rows are retried one by one so the failing row is named; a row that only collides with a
 * unique key already in the target is left out and reported, any other failure stops the run.
 */
public final class RowWriter {
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");

    private final Database database;
    private final Table table;
    private final WriteMode mode;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final Set<String> nullable;
    private final int batchSize;
    private final StepCounter counter;
    private final List<Outcome.Write> pending = new ArrayList<>();

    public RowWriter(Database database, Table table, WriteMode mode, List<String> columnNames, List<String> targetKey,
                     Set<String> nullable, int batchSize, StepCounter counter) {
        this.database = database;
        this.table = table;
        this.mode = mode;
        this.columns = columnNames.stream().map(c -> table.column(c).orElseThrow()).toList();
        this.keyColumns = targetKey.stream().map(c -> table.column(c).orElseThrow()).toList();
        this.nullable = nullable;
        this.batchSize = batchSize;
        this.counter = counter;
    }

    public void add(Outcome.Write row) {
        pending.add(row);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var batch = List.copyOf(pending);
        pending.clear();
        var bound = batch.stream().map(this::bindable).toList();
        switch (mode) {
            case INSERT -> insert(batch, bound);
            case REPLACE -> {
                delete(bound);
                insert(batch, bound);
            }
            case UPDATE -> update(batch, bound);
        }
    }

    private void insert(List<Outcome.Write> batch, List<List<Object>> bound) {
        try {
            execute(database.dialect().multiRowInsert(table, names(), batch.size()), flatten(bound));
            counter.written(batch.size(), batch.size());
        } catch (StatementException e) {
            // Find the rows at fault: each row alone either goes in, collides with a unique key, or is an error.
            for (int i = 0; i < batch.size(); i++) {
                insertOne(batch.get(i), bound.get(i));
            }
        }
    }

    private void insertOne(Outcome.Write row, List<Object> values) {
        try {
            execute(database.dialect().multiRowInsert(table, names(), 1), values);
            counter.written(1, 1);
        } catch (StatementException e) {
            var sql = sqlCause(e);
            if (sql != null && database.dialect().isDuplicateKey(sql)) {
                var key = DUPLICATE_KEY.matcher(sql.getMessage());
                counter.skipped(row.sourceKey(), "already in " + table.name() + " under the unique key '"
                        + (key.find() ? key.group(1) : "?") + "' (a duplicate in the source)");
                return;
            }
            throw failure(row, e);
        }
    }

    private void delete(List<List<Object>> bound) {
        if (keyColumns.size() != 1) {
            throw new IllegalStateException("replace needs a single-column target_key on " + table.name());
        }
        var key = keyColumns.get(0);
        var index = columns.indexOf(key);
        if (index < 0) {
            throw new IllegalStateException("replace needs the target_key column " + key.name() + " among the mapped columns");
        }
        var dialect = database.dialect();
        var keys = bound.stream().map(values -> values.get(index)).toList();
        var placeholders = String.join(", ", keys.stream().map(k -> "?").toList());
        execute("DELETE FROM " + dialect.quote(table.name()) + " WHERE " + dialect.quote(key.name()) + " IN (" + placeholders + ")", keys);
    }

    private void update(List<Outcome.Write> batch, List<List<Object>> bound) {
        var dialect = database.dialect();
        var set = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        var sql = "UPDATE " + dialect.quote(table.name()) + " SET "
                + String.join(", ", set.stream().map(c -> dialect.quote(c.name()) + " = ?").toList())
                + " WHERE " + String.join(" AND ", keyColumns.stream().map(c -> dialect.quote(c.name()) + " = ?").toList());
        for (int i = 0; i < batch.size(); i++) {
            var values = bound.get(i);
            var arguments = new ArrayList<>();
            set.forEach(c -> arguments.add(values.get(columns.indexOf(c))));
            keyColumns.forEach(c -> arguments.add(values.get(columns.indexOf(c))));
            try {
                if (execute(sql, arguments) == 0) {
                    insertOne(batch.get(i), values);
                } else {
                    counter.written(1, 1);
                }
            } catch (StatementException e) {
                throw failure(batch.get(i), e);
            }
        }
    }

    private int execute(String sql, List<Object> arguments) {
        var update = database.handle().createUpdate(sql);
        for (int i = 0; i < arguments.size(); i++) {
            var value = arguments.get(i);
            if (value == null) {
                update.bindNull(i, java.sql.Types.NULL);
            } else {
                update.bindByType(i, value, value.getClass());
            }
        }
        return update.execute();
    }

    /** The row's values in column order, converted and checked against the target columns. */
    private List<Object> bindable(Outcome.Write row) {
        var values = new ArrayList<>(columns.size());
        for (var column : columns) {
            values.add(convert(row, column, row.values().get(column.name())));
        }
        return values;
    }

    private Object convert(Outcome.Write row, Column column, Object value) {
        if (value == null) {
            if (column.isText() && !nullable.contains(column.name())) {
                throw new DataException(where(row, column) + " would be NULL, but V3 reads this column as a string",
                        "make the rule give a value (e.g. end the expression with ?? '') or list the column under 'nullable'", null);
            }
            return null;
        }
        if (value instanceof Instant instant) {
            return database.dialect().timeValue(instant);
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            throw new DataException(where(row, column) + " got a " + (value instanceof Map ? "map" : "list") + " (" + value + ")",
                    "wrap it in fn:json(...) to store it as JSON text", null);
        }
        if (value instanceof CharSequence text && column.maxChars() > 0) {
            var length = text.toString().codePointCount(0, text.length());
            if (length > column.maxChars()) {
                throw new DataException(where(row, column) + " is " + length + " characters long; the column holds " + column.maxChars()
                        + " (value: '" + text + "')", "shorten it in the mapping, e.g. fn:truncate(..., " + column.maxChars() + ")", null);
            }
        }
        return value;
    }

    private String where(Outcome.Write row, Column column) {
        return "the source row with key " + row.sourceKey() + ": " + table.name() + "." + column.name();
    }

    private DataException failure(Outcome.Write row, StatementException e) {
        var sql = sqlCause(e);
        return new DataException("cannot write the source row with key " + row.sourceKey() + " into " + table.name() + ": "
                + (sql != null ? sql.getMessage() : e.getMessage()), "fix the mapping rule for the column the database names, or the source row", e);
    }

    private static SQLException sqlCause(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    private static List<Object> flatten(List<List<Object>> rows) {
        var all = new ArrayList<>();
        rows.forEach(all::addAll);
        return all;
    }
}
