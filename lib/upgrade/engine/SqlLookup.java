package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lookup answered by the database, one indexed query per key, with a bounded cache so memory
 * does not grow with the table. Target-side lookups run on the writing connection, so they see
 * the rows this run wrote; for them only hits are cached, since a miss may be written later.
 */
final class SqlLookup {
    private static final int CACHE_SIZE = 10_000;

    private final Database database;
    private final String sql;
    private final boolean cacheMisses;
    private final Map<Object, Optional<Object>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Optional<Object>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    SqlLookup(Database database, Table table, String key, String value, boolean cacheMisses) {
        var dialect = database.dialect();
        this.database = database;
        this.sql = "SELECT " + dialect.quote(table.column(value).orElseThrow().name()) + " FROM " + dialect.quote(table.name())
                + " WHERE " + dialect.quote(table.column(key).orElseThrow().name()) + " = :key LIMIT 1";
        this.cacheMisses = cacheMisses;
    }

    Optional<Object> find(Object key) {
        if (key == null) {
            return Optional.empty();
        }
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var found = database.handle().createQuery(sql).bindByType("key", key, key.getClass())
                .map((rs, ctx) -> rs.getObject(1)).findFirst();
        if (found.isPresent() || cacheMisses) {
            cache.put(key, found);
        }
        return found;
    }
}
