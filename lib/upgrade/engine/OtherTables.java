package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The other tables a renamed column must be unique in ({@code on_conflict.also_unique_in}, and an
 * ensure rule's {@code avoid}), where no unique key stops a collision (a file and a folder of one
 * name in one folder). Whether a value is taken there is asked of the database (through a
 * {@link SqlLookup}: the dialect's NULL-safe equality, so by the column's collation: equal but for
 * case, trailing spaces or accents is taken, exactly where the unique keys would say so), never
 * decided in Java. A page's own values are asked in one query per table; each new value a rename
 * tries, in a query of its own. Answers are cached like a lookup's: a miss is forgotten when an
 * {@code ensure} rule creates a row (e.g. a recovery folder).
 */
final class OtherTables {
    /** One table: its query, and where the values its {@code match} compares stand in a written row. */
    private record Other(RowMapping.UniqueIn spec, SqlLookup lookup, List<Integer> matched) {}

    private final List<Other> others = new ArrayList<>();

    /**
     * @param columns the columns of a written row, in the order its values come
     * @param created rows created by ensure rules, which may take a value
     */
    OtherTables(Database target, List<RowMapping.UniqueIn> specs, List<Column> columns, WriteCount created) {
        this(target, specs, columns, created, true);
    }

    /**
     * @param cacheMisses false where the step itself writes such a table (an ensure rule's
     *                    {@code avoid}, asked while the step's pages are written around it): a miss
     *                    is then asked again each time
     */
    OtherTables(Database target, List<RowMapping.UniqueIn> specs, List<Column> columns, WriteCount created, boolean cacheMisses) {
        for (var spec : specs) {
            var table = target.table(spec.table());
            var key = new ArrayList<>(spec.match().keySet());
            key.add(spec.column());
            var lookup = new LookupSpec("also_unique_in " + spec.table(), spec.where(), Side.TARGET, spec.table(), List.copyOf(key),
                    spec.column(), Map.of(), null, false);
            var matched = spec.match().values().stream().map(ours -> indexOf(columns, ours)).toList();
            others.add(new Other(spec, new SqlLookup(target, table, lookup, cacheMisses, created), matched));
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("also_unique_in matches column " + name + ", which is not given");
    }

    boolean isEmpty() {
        return others.isEmpty();
    }

    /** Asks every table about these rows' values of the column (at {@code index}) at once. */
    void prefetch(List<List<Object>> rows, int index) {
        for (var other : others) {
            other.lookup().prefetch(rows.stream().map(row -> key(other, row, row.get(index))).toList());
        }
    }

    /** The first table that holds {@code value} where this row would go; null when none does. */
    RowMapping.UniqueIn holding(List<Object> row, Object value) {
        if (value == null) {
            return null;
        }
        for (var other : others) {
            if (other.lookup().find(key(other, row, value)).isPresent()) {
                return other.spec();
            }
        }
        return null;
    }

    private static List<Object> key(Other other, List<Object> row, Object value) {
        var key = new ArrayList<>(other.matched().size() + 1);
        other.matched().forEach(i -> key.add(row.get(i)));
        key.add(value);
        return key;
    }
}
