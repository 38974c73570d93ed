package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds or creates target rows for {@code ensure} rules (e.g. the recovery folder of a user).
 * Found values are cached; a created row gets its id from the {@link IdAllocator}.
 *
 * <p>The database decides what matches: {@link #find} compares in SQL, by the columns'
 * collation, so a user's own folder 'recovered from v2' is found as 'Recovered from V2' (as the
 * unique key would refuse a second one). The cache only remembers those answers under the exact
 * values asked, and never a miss: another spelling is asked of the database again.
 */
final class Ensurer {
    /** The value of the found or created row, and whether this call created it. */
    record Result(Object value, boolean created) {}

    private final Database target;
    private final IdAllocator ids;
    private final WriteCount created;
    private final BoundedCache<List<Object>, Object> cache = new BoundedCache<>(10_000);

    Ensurer(Database target, IdAllocator ids, WriteCount created) {
        this.target = target;
        this.ids = ids;
        this.created = created;
    }

    Result ensure(String tableName, Map<String, Object> match, Map<String, Object> set, String valueColumn) {
        var table = target.table(tableName);
        var cacheKey = new ArrayList<Object>();
        cacheKey.add(table.name());
        cacheKey.addAll(match.entrySet());
        var cached = cache.get(cacheKey);
        if (cached != null) {
            return new Result(cached, false);
        }
        var found = find(table, match, valueColumn);
        if (found != null) {
            cache.put(cacheKey, found);
            return new Result(found, false);
        }
        var row = new LinkedHashMap<String, Object>(match);
        row.putAll(set);
        table.autoIncrement().filter(id -> !row.containsKey(id.name())).ifPresent(id -> row.put(id.name(), ids.next(table)));
        insert(table, row);
        created.increment();
        var value = find(table, match, valueColumn);
        cache.put(cacheKey, value);
        return new Result(value, true);
    }

    private Object find(Table table, Map<String, Object> match, String valueColumn) {
        var columns = match.keySet().stream().map(c -> column(table, c)).toList();
        var query = target.handle().createQuery(target.sql().selectFirst(table.name(), List.of(column(table, valueColumn)), columns));
        Arguments.bind(query, new ArrayList<>(match.values()), target.dialect());
        return query.map((rs, ctx) -> rs.getObject(1)).findFirst().orElse(null);
    }

    private void insert(Table table, Map<String, Object> row) {
        var dialect = target.dialect();
        var columns = row.keySet().stream().map(c -> column(table, c)).toList();
        Arguments.bind(target.handle().createUpdate(target.sql().insert(table.name(), columns, 1)), new ArrayList<>(row.values()), dialect)
                .execute();
    }

    private static String column(Table table, String name) {
        return table.column(name).orElseThrow().name();
    }
}
