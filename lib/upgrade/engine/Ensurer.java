package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.rules.EnsureRule;
import upgrade.rules.EnsureRule.Ensured;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds or creates target rows for {@code ensure} rules (e.g. the recovery folder of a user).
 * Found values are cached; a created row gets its id from the {@link IdAllocator}.
 *
 * <p>The database decides what matches: {@link #find} compares in SQL, by the columns'
 * collation, so a user's own folder 'recovered' is found as 'Recovered' (as the
 * unique key would refuse a second one). The cache only remembers those answers under the exact
 * values asked, and never a miss: another spelling is asked of the database again.
 *
 * <p>With {@code avoid}, a name that another table holds where the row would be (a file of that
 * name beside it, which no unique key stops) is passed over, also asked of the database
 * ({@link OtherTables}): the row is the first of the name given, {@code NAME (2)}, {@code NAME (3)},
 * ... that no such table holds, found or created. The walk ends at the same row each time it is
 * asked (a taken name stays taken; a name the row has is avoided by the other tables' own writes),
 * and its answer is cached under the match as given, so every row of that match gets that row.
 */
final class Ensurer {
    /** A cached answer: the row's value, and its name when avoid numbered it. */
    private record Found(Object value, Object renamedTo, String takenIn) {}

    private final Database target;
    private final IdAllocator ids;
    private final WriteCount created;
    private final BoundedCache<List<Object>, Found> cache = new BoundedCache<>(10_000);
    private final Map<EnsureRule.Avoid, OtherTables> avoided = new HashMap<>();
    /** The tables ensured into, read from the database's catalogue once (not once per row re-homed). */
    private final Map<String, Table> tables = new HashMap<>();

    Ensurer(Database target, IdAllocator ids, WriteCount created) {
        this.target = target;
        this.ids = ids;
        this.created = created;
    }

    /** @param avoid the rule's {@code avoid}; null: the row is the one of {@code match} as given */
    Ensured ensure(String tableName, Map<String, Object> match, Map<String, Object> set, String valueColumn, EnsureRule.Avoid avoid) {
        var table = tables.computeIfAbsent(tableName, target::table);
        var cacheKey = new ArrayList<Object>();
        cacheKey.add(table.name());
        cacheKey.addAll(match.entrySet());
        cacheKey.add(avoid);
        var cached = cache.get(cacheKey);
        if (cached != null) {
            return new Ensured(cached.value(), false, cached.renamedTo(), cached.takenIn());
        }
        var result = avoid == null ? findOrCreate(table, match, set, valueColumn) : walk(table, match, set, valueColumn, avoid);
        cache.put(cacheKey, new Found(result.value(), result.renamedTo(), result.takenIn()));
        return result;
    }

    private Ensured findOrCreate(Table table, Map<String, Object> match, Map<String, Object> set, String valueColumn) {
        var found = find(table, match, valueColumn);
        if (found != null) {
            return new Ensured(found, false, null, null);
        }
        var row = new LinkedHashMap<String, Object>(match);
        row.putAll(set);
        table.autoIncrement().filter(id -> !row.containsKey(id.name())).ifPresent(id -> row.put(id.name(), ids.next(table)));
        insert(table, row);
        created.increment();
        return new Ensured(find(table, match, valueColumn), true, null, null);
    }

    /** The name given, then {@code as}'s try 2, 3, ...: the first no other table holds where the row would be is the row's. */
    private Ensured walk(Table table, Map<String, Object> match, Map<String, Object> set, String valueColumn, EnsureRule.Avoid avoid) {
        var others = avoided.computeIfAbsent(avoid, a -> new OtherTables(target, a.alsoUniqueIn(),
                match.keySet().stream().map(c -> table.column(c).orElseThrow()).toList(), created, false));
        var column = table.column(avoid.rename()).orElseThrow();
        var given = match.get(avoid.rename());
        String takenIn = null;
        var tried = new LinkedHashMap<>(match);
        for (int n = 1; n <= RowWriter.RENAME_TRIES; n++) {
            if (n > 1) {
                tried.put(avoid.rename(), Renames.renamed(avoid.as(), String.valueOf(given), n, column));
            }
            var holder = others.holding(new ArrayList<>(tried.values()), tried.get(avoid.rename()));
            if (holder == null) {
                var result = findOrCreate(table, tried, set, valueColumn);
                return n == 1 ? result : new Ensured(result.value(), result.created(), tried.get(avoid.rename()), takenIn);
            }
            if (takenIn == null) {
                takenIn = holder.table();
            }
        }
        throw new DataException(avoid.where() + ": the ensure rule's " + table.name() + "." + column.name() + " '" + given
                + "' and its numbered names up to '" + tried.get(avoid.rename()) + "' are all taken in " + takenIn + " where the row would be",
                "give the rule's " + avoid.rename() + " another value, or rename those rows of " + takenIn, null);
    }

    private Object find(Table table, Map<String, Object> match, String valueColumn) {
        var columns = match.keySet().stream().map(c -> column(table, c)).toList();
        return target.first(target.sql().selectFirst(table.name(), List.of(column(table, valueColumn)), columns), new ArrayList<>(match.values()),
                rs -> rs.getObject(1)).orElse(null);
    }

    private void insert(Table table, Map<String, Object> row) {
        var columns = row.keySet().stream().map(c -> column(table, c)).toList();
        target.update(target.sql().insert(table.name(), columns, 1), new ArrayList<>(row.values()));
    }

    private static String column(Table table, String name) {
        return table.column(name).orElseThrow().name();
    }
}
