package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lookup answered by an indexed query per key, with a bounded cache so memory does not grow
 * with the table. Keys and the lookup's {@code match} constants compare NULL-safely ({@code <=>}).
 * Target-side lookups run on the writing connection, so they see the rows this run wrote. A miss
 * is remembered only while it cannot turn into a hit: never for the table the step itself writes,
 * and for other target tables only until an {@code ensure} rule creates a row.
 */
final class SqlLookup {
    private static final int CACHE_SIZE = 10_000;

    private final Database database;
    private final String sql;
    private final List<Object> matchValues;
    private final boolean cacheMisses;
    private final WriteCount created;
    private long createdSeen;
    private final BoundedCache<List<Object>, Optional<Object>> cache = new BoundedCache<>(CACHE_SIZE);

    /**
     * @param cacheMisses whether a miss may be remembered at all
     * @param created     rows created by ensure rules; a change forgets remembered misses
     */
    SqlLookup(Database database, Table table, LookupSpec spec, boolean cacheMisses, WriteCount created) {
        var dialect = database.dialect();
        var conditions = new ArrayList<String>();
        spec.key().forEach(key -> conditions.add(dialect.quote(column(table, key)) + " <=> ?"));
        spec.match().keySet().forEach(column -> conditions.add(dialect.quote(column(table, column)) + " <=> ?"));
        var selected = spec.count() ? "COUNT(*)"
                : spec.sum() != null ? "COALESCE(SUM(" + dialect.quote(column(table, spec.sum())) + "), 0)"
                : dialect.quote(column(table, spec.value()));
        this.database = database;
        this.sql = "SELECT " + selected + " FROM " + dialect.quote(table.name())
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + (spec.aggregate() ? "" : " LIMIT 1");
        this.matchValues = new ArrayList<>(spec.match().values());
        this.cacheMisses = cacheMisses;
        this.created = created;
    }

    private static String column(Table table, String name) {
        return table.column(name).orElseThrow().name();
    }

    Optional<Object> find(List<Object> key) {
        if (cacheMisses && created.value() != createdSeen) {
            cache.values().removeIf(Optional::isEmpty);
            createdSeen = created.value();
        }
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var arguments = new ArrayList<>(key);
        arguments.addAll(matchValues);
        var found = Arguments.bind(database.handle().createQuery(sql), arguments, database.dialect()).map((rs, ctx) -> Optional.ofNullable(plain(rs.getObject(1)))).findFirst().flatMap(o -> o);
        if (found.isPresent() || cacheMisses) {
            cache.put(List.copyOf(key), found);
        }
        return found;
    }

    /** Sums come back as BigDecimal; whole numbers are easier to use as Long. */
    private static Object plain(Object value) {
        if (value instanceof BigDecimal decimal && decimal.scale() <= 0) {
            return decimal.longValueExact();
        }
        if (value instanceof java.math.BigInteger integer) {
            return integer.longValue();
        }
        return value;
    }
}
