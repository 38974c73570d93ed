package upgrade.engine;

import org.jdbi.v3.core.statement.StatementException;
import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.RowMapping;
import upgrade.mapping.WriteMode;
import upgrade.report.StepCounter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes rows into a target table in batches: one multi-row INSERT per batch. When a batch fails,
 * its rows are retried one by one so the failing row is named. A row that collides with a unique
 * key already in the target is renamed by the mapping's {@code on_conflict} rule (and noted), or
 * else left out and reported; any other failure stops the run.
 */
public final class RowWriter {
    /** How many names {@code on_conflict} tries before the row is left out. */
    static final int RENAME_TRIES = 1000;
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");

    private final Database database;
    private final Table table;
    private final WriteMode mode;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final Set<String> nullable;
    private final RowMapping.Rename rename;
    private final IdAllocator ids;
    private final int batchSize;
    private final StepCounter counter;
    private final Consumer<Outcome.Write> onWritten;
    private final List<Outcome.Write> pending = new ArrayList<>();

    /**
     * @param ids       gives ids to new rows when the mapping has no rule for the table's auto-increment column
     * @param onWritten hears about every row that reached the table
     */
    public RowWriter(Database database, Table table, RowMapping mapping, IdAllocator ids, int batchSize,
                     StepCounter counter, Consumer<Outcome.Write> onWritten) {
        this.database = database;
        this.table = table;
        this.mode = mapping.write();
        var names = new ArrayList<>(mapping.columns().keySet());
        table.autoIncrement().filter(id -> mapping.write() != WriteMode.UPDATE)
                .filter(id -> names.stream().noneMatch(n -> n.equalsIgnoreCase(id.name())))
                .ifPresent(id -> names.add(id.name()));
        this.columns = names.stream().map(c -> table.column(c).orElseThrow()).toList();
        this.keyColumns = mapping.targetKey().stream().map(c -> table.column(c).orElseThrow()).toList();
        this.nullable = mapping.nullable();
        this.rename = mapping.onConflict();
        this.ids = ids;
        this.batchSize = batchSize;
        this.counter = counter;
        this.onWritten = onWritten;
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
            batch.forEach(onWritten);
        } catch (StatementException e) {
            // Find the rows at fault: each row alone either goes in, collides with a unique key, or is an error.
            for (int i = 0; i < batch.size(); i++) {
                insertOne(batch.get(i), bound.get(i));
            }
        }
    }

    private void insertOne(Outcome.Write row, List<Object> values) {
        var attempt = new ArrayList<>(values);
        for (int n = 2; ; n++) {
            try {
                execute(database.dialect().multiRowInsert(table, names(), 1), attempt);
                counter.written(1, 1);
                if (n > 2) {
                    var index = renamedIndex();
                    counter.note(row.sourceKey() + " ('" + values.get(index) + "' -> '" + attempt.get(index) + "')",
                            "renamed: the name is taken in V3 (equal names, or equal but for case or trailing spaces)");
                }
                onWritten.accept(row);
                return;
            } catch (StatementException e) {
                var sql = sqlCause(e);
                if (sql == null || !database.dialect().isDuplicateKey(sql)) {
                    throw failure(row, e);
                }
                var key = DUPLICATE_KEY.matcher(sql.getMessage());
                var keyName = key.find() ? key.group(1) : "?";
                if (rename == null || keyName.equals("PRIMARY") || n > RENAME_TRIES) {
                    counter.skipped(row.sourceKey(), "already in " + table.name() + " under the unique key '" + keyName
                            + "' (a duplicate in the source)");
                    return;
                }
                var index = renamedIndex();
                attempt.set(index, renamed(String.valueOf(values.get(index)), n, columns.get(index)));
            }
        }
    }

    private int renamedIndex() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(rename.column())) {
                return i;
            }
        }
        throw new IllegalStateException("on_conflict column " + rename.column() + " is not written");
    }

    /** The n-th alternative name, shortened (before its extension) to fit the column. */
    private String renamed(String name, int n, Column column) {
        var dot = name.lastIndexOf('.');
        var base = dot > 0 ? name.substring(0, dot) : name;
        var ext = dot > 0 ? name.substring(dot) : "";
        var candidate = fill(name, base, ext, n);
        var limit = column.maxChars();
        while (limit > 0 && candidate.codePointCount(0, candidate.length()) > limit && !base.isEmpty()) {
            base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, base.length()) - 1));
            candidate = fill(base + ext, base, ext, n);
        }
        return candidate;
    }

    private String fill(String name, String base, String ext, int n) {
        return rename.as().replace("{name}", name).replace("{base}", base).replace("{ext}", ext).replace("{n}", Integer.toString(n));
    }

    private void delete(List<List<Object>> bound) {
        var dialect = database.dialect();
        var indexes = keyColumns.stream().map(key -> {
            var index = columns.indexOf(key);
            if (index < 0) {
                throw new IllegalStateException("replace needs the target_key column " + key.name() + " among the mapped columns");
            }
            return index;
        }).toList();
        // NULL-safe: a target_key of [owner_id, parent_id] finds a root folder, whose parent_id is NULL.
        var one = "(" + String.join(" AND ", keyColumns.stream().map(c -> dialect.quote(c.name()) + " <=> ?").toList()) + ")";
        var arguments = new ArrayList<>();
        bound.forEach(values -> indexes.forEach(i -> arguments.add(values.get(i))));
        execute("DELETE FROM " + dialect.quote(table.name()) + " WHERE " + String.join(" OR ", Collections.nCopies(bound.size(), one)),
                arguments);
    }

    private void update(List<Outcome.Write> batch, List<List<Object>> bound) {
        var dialect = database.dialect();
        var set = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        var sql = "UPDATE " + dialect.quote(table.name()) + " SET "
                + String.join(", ", set.stream().map(c -> dialect.quote(c.name()) + " = ?").toList())
                + " WHERE " + String.join(" AND ", keyColumns.stream().map(c -> dialect.quote(c.name()) + " <=> ?").toList());
        // One JDBC batch for the page; the counts say which rows were not there (to be inserted).
        var statement = database.handle().prepareBatch(sql);
        for (var values : bound) {
            var arguments = new ArrayList<>();
            set.forEach(c -> arguments.add(values.get(columns.indexOf(c))));
            keyColumns.forEach(c -> arguments.add(values.get(columns.indexOf(c))));
            Arguments.bind(statement, arguments, dialect).add();
        }
        int[] counts;
        try {
            counts = statement.execute();
        } catch (StatementException e) {
            throw failure(batch.get(0), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (counts[i] == 0) {
                insertOne(batch.get(i), bound.get(i));
            } else {
                counter.written(1, 1);
                onWritten.accept(batch.get(i));
            }
        }
    }

    private int execute(String sql, List<Object> arguments) {
        return Arguments.bind(database.handle().createUpdate(sql), arguments, database.dialect()).execute();
    }

    /** The row's values in column order, converted and checked against the target columns. */
    private List<Object> bindable(Outcome.Write row) {
        var values = new ArrayList<>(columns.size());
        for (var column : columns) {
            var given = row.values().containsKey(column.name());
            values.add(given || !column.autoIncrement() ? convert(row, column, row.values().get(column.name())) : ids.next(table));
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
        if (value instanceof Instant) {
            return value; // bound in the dialect's form
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
