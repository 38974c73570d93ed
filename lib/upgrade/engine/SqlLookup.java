package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A lookup answered by an indexed query per key, with a bounded cache so memory does not grow
 * with the table. Keys and the lookup's {@code match} constants compare NULL-safely ({@code <=>}).
 * Target-side lookups run on the writing connection, so they see the rows this run wrote. A miss
 * is remembered only while it cannot turn into a hit: in the table the step itself writes, until
 * the page is written; in other tables, until an {@code ensure} rule creates a row. Many keys can
 * be fetched in one query ({@link #prefetch}).
 */
final class SqlLookup {
    private static final int CACHE_SIZE = 10_000;

    private final Database database;
    private final String sql;
    private final String prefetchSql;
    private final int keyColumns;
    private final boolean aggregate;
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
        var keys = spec.key().stream().map(k -> dialect.quote(column(table, k))).toList();
        var matches = spec.match().keySet().stream().map(c -> dialect.quote(column(table, c)) + " <=> ?").toList();
        this.prefetchSql = keys.isEmpty() ? null : "SELECT " + String.join(", ", keys) + ", " + selected + " FROM " + dialect.quote(table.name())
                + " WHERE " + (matches.isEmpty() ? "" : String.join(" AND ", matches) + " AND ")
                + "(" + String.join(", ", keys) + ") IN (%s)" + (spec.aggregate() ? " GROUP BY " + String.join(", ", keys) : "");
        this.keyColumns = keys.size();
        this.aggregate = spec.aggregate();
        this.matchValues = new ArrayList<>(spec.match().values());
        this.cacheMisses = cacheMisses;
        this.created = created;
    }

    /** What the cache knows of a key, without asking the database; null when nothing. */
    Optional<Object> known(List<Object> key) {
        forgetMissesIfRowsWereCreated();
        return cache.get(key);
    }

    /**
     * A page of the step was written: misses in the table the step writes may be hits now. (Within
     * a page nothing is written before all its rows are evaluated, so a page may trust them.)
     */
    void pageWritten() {
        if (!cacheMisses) {
            cache.values().removeIf(Optional::isEmpty);
        }
    }

    private void forgetMissesIfRowsWereCreated() {
        if (created.value() != createdSeen) {
            cache.values().removeIf(Optional::isEmpty);
            createdSeen = created.value();
        }
    }

    private static String column(Table table, String name) {
        return table.column(name).orElseThrow().name();
    }

    Optional<Object> find(List<Object> key) {
        forgetMissesIfRowsWereCreated();
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

    /**
     * Fetches many keys in one query and remembers the answers, so the rows that ask for them next
     * find them in the cache. A key the query cannot answer exactly (one the database matched by
     * its collation, say) is simply not remembered, and is looked up alone when asked for.
     */
    void prefetch(Collection<List<Object>> keys) {
        if (prefetchSql == null || keys.isEmpty()) {
            return;
        }
        forgetMissesIfRowsWereCreated();
        var wanted = new HashMap<List<String>, List<Object>>();
        keys.stream().filter(key -> key.size() == keyColumns && !cache.containsKey(key)).forEach(key -> wanted.put(text(key), key));
        if (wanted.isEmpty()) {
            return;
        }
        var one = "(" + String.join(", ", Collections.nCopies(keyColumns, "?")) + ")";
        var arguments = new ArrayList<>(matchValues);
        wanted.values().forEach(arguments::addAll);
        var found = new HashSet<List<String>>();
        Arguments.bind(database.handle().createQuery(prefetchSql.formatted(String.join(", ", Collections.nCopies(wanted.size(), one)))),
                arguments, database.dialect()).map((rs, ctx) -> {
                    var key = new ArrayList<String>();
                    for (int i = 1; i <= keyColumns; i++) {
                        key.add(String.valueOf(rs.getObject(i)));
                    }
                    var asked = wanted.get(key);
                    if (asked != null && found.add(key)) {
                        cache.put(List.copyOf(asked), Optional.ofNullable(plain(rs.getObject(keyColumns + 1))));
                    }
                    return key;
                }).list();
        // Keys no row answered: sums and counts are 0; other lookups found nothing (remembered where misses may be).
        // (misses of the step's own table too: pageWritten() forgets them once the page is written)
        wanted.forEach((text, key) -> {
            if (!found.contains(text)) {
                cache.put(List.copyOf(key), aggregate ? Optional.of(0L) : Optional.empty());
            }
        });
    }

    private static List<String> text(List<Object> key) {
        return key.stream().map(String::valueOf).toList();
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
