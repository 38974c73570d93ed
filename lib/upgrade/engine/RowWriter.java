package upgrade.engine;

import org.jdbi.v3.core.statement.StatementException;
import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.SqlError;
import upgrade.db.Table;
import upgrade.db.UniqueKey;
import upgrade.mapping.Fit;
import upgrade.mapping.RowMapping;
import upgrade.mapping.TargetDatabase;
import upgrade.mapping.WriteMode;
import upgrade.report.StepCounter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes rows into a target table in batches: one multi-row INSERT per batch (faster than a JDBC
 * batch of one-row INSERTs, see bench/batching.java). When a batch is refused for its values, its
 * rows are retried one by one so the failing row is named; a lost connection or a lock conflict
 * is no row's fault and stops the run ({@link upgrade.db.DatabaseInterruptedException}). A row
 * that collides with a unique key already in the target is given another value by the mapping's
 * {@code on_conflict} rule (and noted), or else left out and reported; any other failure stops the
 * run. Before a batch is written, a value that another table of {@code on_conflict.also_unique_in}
 * holds is changed the same way, since no unique key would stop it. A text longer than its column
 * is cut to fit and noted, unless its {@code fit} says not to. A NULL where the target declares
 * that text must not be NULL ({@link TargetDatabase}) stops the run.
 */
public final class RowWriter {
    /** How many names {@code on_conflict} tries before the row is left out. */
    static final int RENAME_TRIES = 1000;

    /** The value an {@code on_conflict} expression gives a row at try {@code n} (2, 3, ...). */
    @FunctionalInterface
    public interface Renamer {
        Object rename(Outcome.Write row, int n);
    }

    /**
     * A row's values in column order, as bound; the notes counted once it is written (listing,
     * note: texts cut to fit, a value another table holds); and for {@code on_conflict}, the value
     * its tries start from and the try its value is (1: that value itself).
     */
    private record Bound(Outcome.Write row, List<Object> values, List<Map.Entry<String, String>> notes, Object start, int n,
                         String takenBy) {
        Bound {
            values = Collections.unmodifiableList(new ArrayList<>(values)); // may hold NULL
            notes = List.copyOf(notes);
        }

        Bound renamed(List<Object> values, List<Map.Entry<String, String>> notes, Object start, int n, String takenBy) {
            return new Bound(row, values, notes, start, n, takenBy);
        }
    }

    private final Database database;
    private final Table table;
    private final WriteMode mode;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final Set<String> nullable;
    private final TargetDatabase targetDatabase;
    private final Map<String, Fit> fits = new HashMap<>();
    private final Renames renames;
    /** Where the renamed column's value stands in a row; -1 without on_conflict. */
    private final int renamed;
    private final DuplicateKeys duplicates;
    private final IdAllocator ids;
    private final int batchSize;
    private final StepCounter counter;
    private final Consumer<Outcome.Write> onWritten;
    private final List<Outcome.Write> pending = new ArrayList<>();

    /**
     * @param targetDatabase what is declared about the target as a whole (whether text may be NULL)
     * @param ids       gives ids to new rows when the mapping has no rule for the table's auto-increment column
     * @param onWritten hears about every row that reached the table
     * @param renamer   evaluates the mapping's {@code on_conflict} expression, when it has one
     * @param created   rows created by ensure rules (they may take a value in an also_unique_in table)
     */
    public RowWriter(Database database, Table table, RowMapping mapping, TargetDatabase targetDatabase, IdAllocator ids, int batchSize,
                     StepCounter counter, Consumer<Outcome.Write> onWritten, Renamer renamer, WriteCount created) {
        this.database = database;
        this.table = table;
        this.mode = mapping.write();
        var names = new ArrayList<>(mapping.columns().keySet());
        names.forEach(name -> fits.put(table.column(name).orElseThrow().name(), mapping.fit(name)));
        table.autoIncrement().filter(id -> mapping.write() != WriteMode.UPDATE)
                .filter(id -> names.stream().noneMatch(n -> n.equalsIgnoreCase(id.name())))
                .ifPresent(id -> names.add(id.name()));
        this.columns = names.stream().map(c -> table.column(c).orElseThrow()).toList();
        this.keyColumns = mapping.targetKey().stream().map(c -> table.column(c).orElseThrow()).toList();
        this.nullable = mapping.nullable();
        this.targetDatabase = targetDatabase;
        this.renames = mapping.onConflict() == null ? null
                : new Renames(database, table, mapping.onConflict(), renamer, fits.get(table.column(mapping.onConflict().column()).orElseThrow().name()),
                columns, created);
        this.renamed = renames == null ? -1 : renamedIndex(renames.column());
        this.duplicates = new DuplicateKeys(database, table);
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
        var batch = freeOfOtherTables(pending.stream().map(this::bindable).toList());
        pending.clear();
        switch (mode) {
            case INSERT -> insert(batch);
            case REPLACE -> {
                delete(batch);
                insert(batch);
            }
            case UPDATE -> update(batch);
        }
    }

    private void insert(List<Bound> batch) {
        for (var part : chunks(batch, database.sql().rowsPerStatement(columns.size(), batch.size()))) {
            try {
                execute(database.sql().insert(table.name(), names(), part.size()), flatten(part));
                counter.written(part.size(), part.size());
                part.forEach(this::written);
            } catch (StatementException e) {
                database.refusal(e); // a lost connection or a lock conflict stops here: no row is at fault
                // Find the rows at fault: each row alone either goes in, collides with a unique key, or is an error.
                part.forEach(this::insertOne);
            }
        }
    }

    /**
     * A row reached the table: its notes are counted (a renamed row's listing shows the value its
     * tries started from and the one written), and the listener hears of it.
     */
    private void written(Bound row) {
        if (row.n() > 1) {
            counter.note(row.row().sourceKey() + " ('" + row.start() + "' -> '" + row.values().get(renamed) + "'"
                    + (row.takenBy() == null ? "" : "; taken by " + row.takenBy()) + ")", renames.note());
        }
        row.notes().forEach(note -> counter.note(note.getKey(), note.getValue()));
        onWritten.accept(row.row());
    }

    /**
     * The batch with each value that an {@code also_unique_in} table holds where its row goes
     * changed: to that table's {@code as} value (noted under its note), and on by on_conflict's tries
     * while another table holds that. The page's values are asked in one query per table.
     */
    private List<Bound> freeOfOtherTables(List<Bound> batch) {
        if (renames == null || !renames.checksOtherTables()) {
            return batch;
        }
        renames.prefetch(batch.stream().map(Bound::values).toList(), renamed);
        var free = new ArrayList<Bound>(batch.size());
        for (var row : batch) {
            var value = row.values().get(renamed);
            var holder = renames.holding(row.values(), value);
            if (holder == null) {
                free.add(row);
                continue;
            }
            var notes = new ArrayList<>(row.notes());
            var start = value;
            if (holder.as() != null) {
                start = renames.otherValue(holder, value, columns.get(renamed));
                notes.add(Map.entry(String.valueOf(row.row().sourceKey()), Renames.note(holder)));
            }
            var next = renames.next(row.row(), row.values(), start, 1, columns.get(renamed));
            if (next == null) {
                counter.skipped(row.row().sourceKey(), "its " + columns.get(renamed).name() + " is taken in " + holder.table()
                        + ", and on_conflict found no free one in " + RENAME_TRIES + " tries");
                continue;
            }
            var values = new ArrayList<>(row.values());
            values.set(renamed, next.value());
            free.add(row.renamed(values, notes, start, next.n(), null));
        }
        return free;
    }

    private void insertOne(Bound row) {
        var attempt = new ArrayList<>(row.values());
        var start = row.start();
        var n = row.n();
        String takenBy = null;
        var askedTakenBy = false;
        while (true) {
            try {
                execute(database.sql().insert(table.name(), names(), 1), attempt);
                counter.written(1, 1);
                written(row.renamed(attempt, row.notes(), start, n, takenBy));
                return;
            } catch (StatementException e) {
                if (database.refusal(e) != SqlError.DUPLICATE_KEY) {
                    throw failure(row.row(), e);
                }
                var key = duplicates.holding(columns, attempt);
                var keyName = key.map(UniqueKey::name).orElse("?");
                var next = renames == null || key.filter(UniqueKey::primary).isPresent() ? null
                        : renames.next(row.row(), attempt, start, n + 1, columns.get(renamed));
                if (next == null) {
                    counter.skipped(row.row().sourceKey(), "already in " + table.name() + " under the unique key '" + keyName
                            + "' (a duplicate in the source)");
                    return;
                }
                if (!askedTakenBy && renames.namesTakenBy()) {
                    takenBy = renames.takenBy(keyName, columns, attempt);
                    askedTakenBy = true;
                }
                attempt.set(renamed, next.value());
                n = next.n();
            }
        }
    }

    private int renamedIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("on_conflict column " + column + " is not written");
    }

    private void delete(List<Bound> batch) {
        var indexes = keyColumns.stream().map(key -> {
            var index = columns.indexOf(key);
            if (index < 0) {
                throw new IllegalStateException("replace needs the target_key column " + key.name() + " among the mapped columns");
            }
            return index;
        }).toList();
        // NULL-safe: a target_key of [owner_id, parent_id] finds a root folder, whose parent_id is NULL.
        var keys = keyColumns.stream().map(Column::name).toList();
        for (var part : chunks(batch, database.sql().rowsPerStatement(keys.size(), batch.size()))) {
            var arguments = new ArrayList<>();
            part.forEach(row -> indexes.forEach(i -> arguments.add(row.values().get(i))));
            execute(database.sql().deleteByKeys(table.name(), keys, part.size()), arguments);
        }
    }

    private void update(List<Bound> batch) {
        var dialect = database.dialect();
        var set = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        var sql = database.sql().updateByKey(table.name(), set.stream().map(Column::name).toList(), keyColumns.stream().map(Column::name).toList());
        // One JDBC batch for the page; the counts say which rows were not there (to be inserted).
        var statement = database.handle().prepareBatch(sql);
        for (var row : batch) {
            var arguments = new ArrayList<>();
            set.forEach(c -> arguments.add(row.values().get(columns.indexOf(c))));
            keyColumns.forEach(c -> arguments.add(row.values().get(columns.indexOf(c))));
            Arguments.bind(statement, arguments, dialect).add();
        }
        int[] counts;
        try {
            counts = statement.execute();
        } catch (StatementException e) {
            database.refusal(e); // a lost connection or a lock conflict stops here: no row is at fault
            throw failure(batch.get(0).row(), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (counts[i] == 0) {
                insertOne(batch.get(i));
            } else {
                counter.written(1, 1);
                written(batch.get(i));
            }
        }
    }

    private int execute(String sql, List<Object> arguments) {
        return Arguments.bind(database.handle().createUpdate(sql), arguments, database.dialect()).execute();
    }

    /** The row's values in column order, converted and checked against the target columns. */
    private Bound bindable(Outcome.Write row) {
        var values = new ArrayList<>(columns.size());
        var cuts = new ArrayList<Map.Entry<String, String>>();
        for (var column : columns) {
            var given = row.values().containsKey(column.name());
            values.add(given || !column.autoIncrement() ? convert(row, column, row.values().get(column.name()), cuts) : ids.next(table));
        }
        return new Bound(row, values, cuts, renamed < 0 ? null : values.get(renamed), 1, null);
    }

    private Object convert(Outcome.Write row, Column column, Object value, List<Map.Entry<String, String>> cuts) {
        if (value == null) {
            if (targetDatabase.refusesNull(column, nullable)) {
                throw new DataException(where(row, column) + " would be NULL, but " + targetDatabase.whyNotNull(),
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
            var length = length(text.toString());
            if (length > column.maxChars()) {
                var fit = fits.getOrDefault(column.name(), Fit.CUT);
                if (fit == Fit.CUT) {
                    cuts.add(Map.entry(row.sourceKey() + " (" + length + " characters)",
                            "the text is longer than " + table.name() + "." + column.name() + " holds (" + column.maxChars() + " characters); cut to fit"));
                    return cut(text.toString(), column.maxChars());
                }
                throw new DataException(where(row, column) + " is " + length + " characters long; the column holds " + column.maxChars()
                        + ", and the rule says it must not be cut (fit: " + fit.yamlName() + ") (value: '" + text + "')",
                        "fix the source row, or make the rule give a text that fits the column", null);
            }
        }
        return value;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The first {@code max} characters (code points: a character outside the BMP is never split). */
    private static String cut(String text, int max) {
        return text.substring(0, text.offsetByCodePoints(0, max));
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

    /** The rows in parts of at most {@code size}, each one statement (within the dialect's limit of bound values). */
    private static List<List<Bound>> chunks(List<Bound> rows, int size) {
        var parts = new ArrayList<List<Bound>>();
        for (int from = 0; from < rows.size(); from += size) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return parts;
    }

    private static List<Object> flatten(List<Bound> rows) {
        var all = new ArrayList<>();
        rows.forEach(row -> all.addAll(row.values()));
        return all;
    }
}
