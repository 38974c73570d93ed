package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.Fit;
import upgrade.mapping.RowMapping;
import upgrade.report.StepCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mapping's {@code on_conflict} rule at work: the n-th other value for a row whose value collides
 * with a unique key, and which row already holds that key (found by the database's own comparison,
 * so "equal but for case" is decided exactly as the unique key decides it). A value is also taken
 * when a table of {@code also_unique_in} holds it where the row goes ({@link OtherTables}), so no
 * try is accepted that such a table has, and a row's own value that one has gets that table's
 * {@code as} value first.
 */
final class Renames {
    private static final String RENAMED = "renamed: the name is taken in V3 (equal names, or equal but for case or trailing spaces)";

    /** A value to write and the try it is: 1 the value the row starts from, 2, 3, ... on_conflict's tries. */
    record Candidate(Object value, int n) {}

    private final Database database;
    private final Table table;
    private final RowMapping.Rename rename;
    private final RowWriter.Renamer renamer;
    private final Fit fit;
    private final OtherTables others;

    /**
     * @param fit     what the renamed column's rule says of texts longer than the column
     * @param columns the columns of a written row, in the order its values come
     * @param created rows created by ensure rules (they may take a value in another table)
     */
    Renames(Database database, Table table, RowMapping.Rename rename, RowWriter.Renamer renamer, Fit fit,
            List<Column> columns, WriteCount created) {
        this.database = database;
        this.table = table;
        this.rename = rename;
        this.renamer = renamer;
        this.fit = fit;
        this.others = new OtherTables(database, rename.alsoUniqueIn(), columns, created);
    }

    /** The column renamed. */
    String column() {
        return rename.column();
    }

    /** The note renamed rows are listed under. */
    String note() {
        return rename.note() != null ? rename.note() : RENAMED;
    }

    /** Whether listings name the row that already holds the key. */
    boolean namesTakenBy() {
        return !rename.takenBy().isEmpty();
    }

    /** Whether other tables share the column's namespace ({@code also_unique_in}). */
    private boolean checksOtherTables() {
        return !others.isEmpty();
    }

    /** Asks the other tables about a page's values of the column (at {@code index}) at once, before they are checked one by one. */
    private void prefetch(List<List<Object>> rows, int index) {
        others.prefetch(rows, index);
    }

    /**
     * The batch with each value that an {@code also_unique_in} table holds where its row goes
     * changed: to that table's {@code as} value (noted under its note), and on by on_conflict's tries
     * while another table holds that. The page's values are asked in one query per table. Rows with
     * no free value are left out (counted by {@code counter}); {@code renamed} is where the column's value stands in a row.
     */
    List<BoundRow> freeOfOtherTables(List<BoundRow> batch, int renamed, Column column, StepCounter counter) {
        if (!checksOtherTables()) {
            return batch;
        }
        prefetch(batch.stream().map(BoundRow::values).toList(), renamed);
        var free = new ArrayList<BoundRow>(batch.size());
        for (var row : batch) {
            var value = row.values().get(renamed);
            var holder = holding(row.values(), value);
            if (holder == null) {
                free.add(row);
                continue;
            }
            var notes = new ArrayList<>(row.notes());
            var start = value;
            if (holder.as() != null) {
                start = otherValue(holder, value, column);
                notes.add(Map.entry(String.valueOf(row.row().sourceKey()), note(holder)));
            }
            var next = next(row.row(), row.values(), start, 1, column);
            if (next == null) {
                counter.skipped(row.row().sourceKey(), "its " + column.name() + " is taken in " + holder.table()
                        + ", and on_conflict found no free one in " + RowWriter.RENAME_TRIES + " tries");
                continue;
            }
            var values = new ArrayList<>(row.values());
            values.set(renamed, next.value());
            free.add(row.renamed(values, notes, start, next.n(), null));
        }
        return free;
    }

    /** The other table that holds this row's {@code value} where the row goes; null when none does. */
    RowMapping.UniqueIn holding(List<Object> row, Object value) {
        return others.holding(row, value);
    }

    /** The note rows given an other table's {@code as} value are listed under. */
    static String note(RowMapping.UniqueIn other) {
        return other.note() != null ? other.note()
                : "renamed: a row of " + other.table() + " has the same " + other.column() + " in the same place";
    }

    /** An other table's {@code as} value for a value it holds (shortened before the extension to fit the column). */
    Object otherValue(RowMapping.UniqueIn other, Object value, Column column) {
        return renamed(other.as(), String.valueOf(value), 0, column);
    }

    /**
     * The first value from try {@code from} on (1: {@code start} itself; 2, 3, ...: on_conflict's
     * tries) that no other table holds where the row goes; null after {@link RowWriter#RENAME_TRIES} tries.
     * Whether the table itself takes it, its insert tells.
     */
    Candidate next(Outcome.Write row, List<Object> values, Object start, int from, Column column) {
        for (int n = from; n <= RowWriter.RENAME_TRIES; n++) {
            var value = n == 1 ? start : alternative(row, start, n, column);
            if (holding(values, value) == null) {
                return new Candidate(value, n);
            }
        }
        return null;
    }

    /** The n-th other value: from the mapping's expression, or its pattern (shortened before the extension to fit the column). */
    private Object alternative(Outcome.Write row, Object value, int n, Column column) {
        if (rename.expr() == null) {
            return renamed(rename.as(), String.valueOf(value), n, column);
        }
        var given = renamer.rename(row, n);
        if (given instanceof CharSequence text && column.maxChars() > 0 && text.toString().codePointCount(0, text.length()) > column.maxChars()) {
            if (fit != Fit.CUT) {
                throw new DataException("the source row with key " + row.sourceKey() + ": " + table.name() + "." + column.name()
                        + ": on_conflict gave '" + text + "', longer than the column's " + column.maxChars()
                        + " characters, and the rule says it must not be cut", "make the on_conflict expression give a text that fits", null);
            }
            return text.toString().substring(0, text.toString().offsetByCodePoints(0, column.maxChars()));
        }
        return given;
    }

    /**
     * {@code pattern} filled for {@code name} and try {@code n}, shortened to fit the column: before
     * the extension, or, when even an empty base is too long (a very long "extension"), at the end
     * of the whole name, so the pattern's own text (its number, " (file)") always survives.
     */
    static String renamed(String pattern, String name, int n, Column column) {
        var dot = name.lastIndexOf('.');
        var candidate = shortened(pattern, dot > 0 ? name.substring(0, dot) : name, dot > 0 ? name.substring(dot) : "", n, column.maxChars());
        if (candidate == null) {
            candidate = shortened(pattern, name, "", n, column.maxChars());
        }
        return candidate != null ? candidate : fill(pattern, name, name, "", n);
    }

    /** The pattern filled with {@code base} shortened until it fits {@code limit} characters; null when nothing fits. */
    private static String shortened(String pattern, String base, String ext, int n, int limit) {
        var candidate = fill(pattern, base + ext, base, ext, n);
        while (limit > 0 && candidate.codePointCount(0, candidate.length()) > limit) {
            if (base.isEmpty()) {
                return null;
            }
            base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, base.length()) - 1));
            candidate = fill(pattern, base + ext, base, ext, n);
        }
        return candidate;
    }

    private static String fill(String pattern, String name, String base, String ext, int n) {
        return pattern.replace("{name}", name).replace("{base}", base).replace("{ext}", ext).replace("{n}", Integer.toString(n));
    }

    /**
     * The row that already holds the unique key {@code keyName} with these values (in
     * {@code columns} order), as the mapping's {@code taken_by} columns: "id 2, email 'a@example.com'";
     * null when it cannot be told.
     */
    String takenBy(String keyName, List<Column> columns, List<Object> values) {
        var key = uniqueKey(keyName);
        if (key.isEmpty() || !columns.containsAll(key)) {
            return null;
        }
        var shown = rename.takenBy().stream().map(c -> table.column(c).orElseThrow()).toList();
        var sql = database.sql().selectFirstEqual(table.name(), shown.stream().map(Column::name).toList(), key.stream().map(Column::name).toList());
        var arguments = key.stream().map(c -> values.get(columns.indexOf(c))).toList();
        return database.first(sql, arguments, rs -> {
            var parts = new ArrayList<String>();
            for (int c = 0; c < shown.size(); c++) {
                var value = rs.getObject(c + 1);
                parts.add(shown.get(c).name() + " " + (value instanceof Number ? value : "'" + value + "'"));
            }
            return String.join(", ", parts);
        }).orElse(null);
    }

    /** The columns of a unique index of the table, in index order, from the database's metadata; empty when there is none of that name. */
    private List<Column> uniqueKey(String name) {
        return database.uniqueKeys(table).stream().filter(key -> key.name().equals(name)).findFirst()
                .map(key -> key.columns().stream().map(column -> table.column(column).orElseThrow()).toList()).orElse(List.of());
    }
}
