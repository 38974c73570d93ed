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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes rows into a target table in batches: one multi-row INSERT per batch (faster than a JDBC
 * batch of one-row INSERTs, see bench/batching.java). Rows whose unique key a row in the table
 * already holds are found before the write ({@link DuplicateKeys#held}) and written alone, so the
 * page's INSERT does not fail for them; when a batch is refused for its values all the same, it
 * is halved until the failing rows stand alone and are named; a lost connection or a lock conflict
 * is no row's fault and stops the run ({@link upgrade.db.DatabaseInterruptedException}). A row
 * that collides with a unique key already in the target is given another value by the mapping's
 * {@code on_conflict} rule (and noted), or else left out and reported; any other failure stops the
 * run. Before a batch is written, a value that another table of {@code on_conflict.also_unique_in}
 * holds is changed the same way, since no unique key would stop it. Values are converted and
 * checked against their columns by {@link RowBinder}.
 */
public final class RowWriter {
    /** How many names {@code on_conflict} tries before the row is left out. */
    static final int RENAME_TRIES = 1000;

    /** The value an {@code on_conflict} expression gives a row at try {@code n} (2, 3, ...). */
    @FunctionalInterface
    public interface Renamer {
        Object rename(Outcome.Write row, int n);
    }

    private final Database database;
    private final Table table;
    private final WriteMode mode;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final RowBinder binder;
    private final Renames renames;
    /** Where the renamed column's value stands in a row; -1 without on_conflict. */
    private final int renamed;
    private final DuplicateKeys duplicates;
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
        var fits = new HashMap<String, Fit>();
        names.forEach(name -> fits.put(table.column(name).orElseThrow().name(), mapping.fit(name)));
        table.autoIncrement().filter(id -> mapping.write() != WriteMode.UPDATE)
                .filter(id -> names.stream().noneMatch(n -> n.equalsIgnoreCase(id.name())))
                .ifPresent(id -> names.add(id.name()));
        this.columns = names.stream().map(c -> table.column(c).orElseThrow()).toList();
        this.keyColumns = mapping.targetKey().stream().map(c -> table.column(c).orElseThrow()).toList();
        this.renames = mapping.onConflict() == null ? null
                : new Renames(database, table, mapping.onConflict(), renamer, fits.get(table.column(mapping.onConflict().column()).orElseThrow().name()),
                columns, created);
        this.renamed = renames == null ? -1 : renamedIndex(renames.column());
        this.binder = new RowBinder(table, columns, fits, mapping.nullable(), targetDatabase, ids, renamed);
        this.duplicates = new DuplicateKeys(database, table);
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
        var bound = pending.stream().map(binder::bind).toList();
        var batch = renames == null ? bound : renames.freeOfOtherTables(bound, renamed, columns.get(renamed), counter);
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

    private void insert(List<BoundRow> batch) {
        for (var part : chunks(batch, database.sql().rowsPerStatement(columns.size(), batch.size()))) {
            // Rows whose key a row in the table holds go alone, in their place; the rows between them many at a time.
            // Alone, one that on_conflict renames gets its next value at once (the database found the row holding it);
            // any other is tried as it is, and the database's refusal says under which key.
            var held = duplicates.held(columns, part.stream().map(BoundRow::values).toList());
            int from = 0;
            for (int i = 0; i <= part.size(); i++) {
                if (i == part.size() || held.containsKey(i)) {
                    if (i > from) {
                        insertPart(part.subList(from, i));
                    }
                    if (i < part.size()) {
                        insertOne(part.get(i), held.get(i));
                    }
                    from = i + 1;
                }
            }
        }
    }

    /**
     * Inserts rows in one statement. When the database refuses it for a row's values (two rows of
     * the page with one name, say), the rows are halved and each half tried again, down to the rows at fault alone
     * ({@link #insertOne}): the others still go in many at a time, and all go in page order, so each
     * row meets the same rows before it, and gets the same name, as one by one.
     */
    private void insertPart(List<BoundRow> part) {
        try {
            execute(database.sql().insert(table.name(), names(), part.size()), flatten(part));
            counter.written(part.size(), part.size());
            part.forEach(this::written);
        } catch (StatementException e) {
            database.refusal(e); // a lost connection or a lock conflict stops here: no row is at fault
            if (part.size() == 1) {
                insertOne(part.get(0), null);
            } else {
                insertPart(part.subList(0, part.size() / 2));
                insertPart(part.subList(part.size() / 2, part.size()));
            }
        }
    }

    /**
     * A row reached the table: its notes are counted (a renamed row's listing shows the value its
     * tries started from and the one written), and the listener hears of it.
     */
    private void written(BoundRow row) {
        if (row.n() > 1) {
            counter.note(row.row().sourceKey() + " ('" + row.start() + "' -> '" + row.values().get(renamed) + "'"
                    + (row.takenBy() == null ? "" : "; taken by " + row.takenBy()) + ")", renames.note());
        }
        row.notes().forEach(note -> counter.note(note.getKey(), note.getValue()));
        onWritten.accept(row.row());
    }

    /**
     * Writes a row alone: while a unique key holds its value, on_conflict's next value, or else the
     * row is left out. {@code heldBy}: the key a row in the table is known to hold its value under
     * ({@link DuplicateKeys#held}), so that a row on_conflict renames is not first tried as it is;
     * null when not known.
     */
    private void insertOne(BoundRow row, UniqueKey heldBy) {
        var attempt = new ArrayList<>(row.values());
        var start = row.start();
        var n = row.n();
        String takenBy = null;
        var askedTakenBy = false;
        var known = renames == null || heldBy == null || heldBy.primary() ? null : heldBy;
        while (true) {
            if (known == null) {
                try {
                    execute(database.sql().insert(table.name(), names(), 1), attempt);
                    counter.written(1, 1);
                    written(row.renamed(attempt, row.notes(), start, n, takenBy));
                    return;
                } catch (StatementException e) {
                    if (database.refusal(e) != SqlError.DUPLICATE_KEY) {
                        throw failure(row.row(), e);
                    }
                }
            }
            var key = known != null ? Optional.of(known) : duplicates.holding(columns, attempt);
            known = null;
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

    private int renamedIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("on_conflict column " + column + " is not written");
    }

    private void delete(List<BoundRow> batch) {
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

    private void update(List<BoundRow> batch) {
        var set = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        var sql = database.sql().updateByKey(table.name(), set.stream().map(Column::name).toList(), keyColumns.stream().map(Column::name).toList());
        // One JDBC batch for the page; the counts say which rows were not there (to be inserted).
        var valuesEach = new ArrayList<List<Object>>();
        for (var row : batch) {
            var arguments = new ArrayList<>();
            set.forEach(c -> arguments.add(row.values().get(columns.indexOf(c))));
            keyColumns.forEach(c -> arguments.add(row.values().get(columns.indexOf(c))));
            valuesEach.add(arguments);
        }
        int[] counts;
        try {
            counts = database.updateEach(sql, valuesEach);
        } catch (StatementException e) {
            database.refusal(e); // a lost connection or a lock conflict stops here: no row is at fault
            throw failure(batch.get(0).row(), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (counts[i] == 0) {
                insertOne(batch.get(i), null);
            } else {
                counter.written(1, 1);
                written(batch.get(i));
            }
        }
    }

    private int execute(String sql, List<Object> arguments) {
        return database.update(sql, arguments);
    }

    private DataException failure(Outcome.Write row, StatementException e) {
        return DataException.cannotWrite(row.sourceKey(), table.name(), e);
    }

    private List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** The rows in parts of at most {@code size}, each one statement (within the dialect's limit of bound values). */
    private static List<List<BoundRow>> chunks(List<BoundRow> rows, int size) {
        var parts = new ArrayList<List<BoundRow>>();
        for (int from = 0; from < rows.size(); from += size) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return parts;
    }

    private static List<Object> flatten(List<BoundRow> rows) {
        var all = new ArrayList<>();
        rows.forEach(row -> all.addAll(row.values()));
        return all;
    }
}
