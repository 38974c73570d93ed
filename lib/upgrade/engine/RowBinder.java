package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Table;
import upgrade.mapping.Fit;
import upgrade.mapping.TargetDatabase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a row the mapping gave into the values {@link RowWriter} binds, in column order, each
 * checked against its target column: a new row gets an id when no rule gives one; a text longer
 * than its column is cut to fit and noted, unless its {@code fit} says not to; a NULL where the
 * target declares that text must not be NULL ({@link TargetDatabase}) stops the run, as does a
 * list or map (which needs fn:json).
 */
final class RowBinder {
    private final Table table;
    private final List<Column> columns;
    private final Map<String, Fit> fits;
    private final Set<String> nullable;
    private final TargetDatabase targetDatabase;
    private final IdAllocator ids;
    /** Where the renamed column's value stands in a row; -1 without on_conflict. */
    private final int renamed;

    RowBinder(Table table, List<Column> columns, Map<String, Fit> fits, Set<String> nullable, TargetDatabase targetDatabase,
              IdAllocator ids, int renamed) {
        this.table = table;
        this.columns = columns;
        this.fits = fits;
        this.nullable = nullable;
        this.targetDatabase = targetDatabase;
        this.ids = ids;
        this.renamed = renamed;
    }

    /** The row's values in column order, converted and checked against the target columns. */
    BoundRow bind(Outcome.Write row) {
        var values = new ArrayList<>(columns.size());
        var cuts = new ArrayList<Map.Entry<String, String>>();
        for (var column : columns) {
            var given = row.values().containsKey(column.name());
            values.add(given || !column.autoIncrement() ? convert(row, column, row.values().get(column.name()), cuts) : ids.next(table));
        }
        return new BoundRow(row, values, cuts, renamed < 0 ? null : values.get(renamed), 1, null);
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
}
