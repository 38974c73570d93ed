package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.Fit;
import upgrade.mapping.RowMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mapping's {@code on_conflict} rule at work: the n-th other value for a row whose value collides
 * with a unique key, and which row already holds that key (found by the database's own comparison,
 * so "equal but for case" is decided exactly as the unique key decides it).
 */
final class Renames {
    private static final String RENAMED = "renamed: the name is taken in V3 (equal names, or equal but for case or trailing spaces)";

    private final Database database;
    private final Table table;
    private final RowMapping.Rename rename;
    private final RowWriter.Renamer renamer;
    private final Fit fit;

    /** {@code fit}: what the renamed column's rule says of texts longer than the column. */
    Renames(Database database, Table table, RowMapping.Rename rename, RowWriter.Renamer renamer, Fit fit) {
        this.database = database;
        this.table = table;
        this.rename = rename;
        this.renamer = renamer;
        this.fit = fit;
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

    /** The n-th other value: from the mapping's expression, or its pattern (shortened before the extension to fit). */
    Object alternative(Outcome.Write row, Object value, int n, Column column) {
        if (rename.expr() == null) {
            return renamed(String.valueOf(value), n, column);
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

    /** The n-th alternative name from the pattern, shortened (before its extension) to fit the column. */
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
        var found = Arguments.bind(database.handle().createQuery(sql), arguments, database.dialect()).mapToMap().findFirst();
        if (found.isEmpty()) {
            return null;
        }
        var parts = new ArrayList<String>();
        for (var column : shown) {
            var value = found.get().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column.name())).findFirst()
                    .map(Map.Entry::getValue).orElse(null);
            parts.add(column.name() + " " + (value instanceof Number ? value : "'" + value + "'"));
        }
        return String.join(", ", parts);
    }

    /** The columns of a unique index of the table, in index order, from the database's metadata; empty when there is none of that name. */
    private List<Column> uniqueKey(String name) {
        return database.uniqueKeys(table).stream().filter(key -> key.name().equals(name)).findFirst()
                .map(key -> key.columns().stream().map(column -> table.column(column).orElseThrow()).toList()).orElse(List.of());
    }
}
