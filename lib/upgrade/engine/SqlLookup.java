package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A lookup answered by an indexed query per key, with a bounded cache so memory does not grow
 * with the table. Keys and the lookup's {@code match} constants compare NULL-safely ({@code <=>}),
 * always in SQL, so by the column's collation: as the table's unique keys compare them.
 * Target-side lookups run on the writing connection, so they see the rows this run wrote. A miss
 * is remembered only while it cannot turn into a hit: in the table the step itself writes, until
 * the page is written; in other tables, until an {@code ensure} rule creates a row. Many keys can
 * be fetched in one query ({@link #prefetch}).
 */
final class SqlLookup {
    private static final int CACHE_SIZE = 10_000;

    private final Database database;
    private final String sql;
    private final String prefetchHead;
    private final String prefetchTail;
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
        var keys = spec.key().stream().map(k -> "t." + dialect.quote(column(table, k))).toList();
        var matches = spec.match().keySet().stream().map(c -> dialect.nullSafeEquals("t." + dialect.quote(column(table, c)), "?")).toList();
        var selected = spec.count() ? "COUNT(*)"
                : spec.sum() != null ? "COALESCE(SUM(t." + dialect.quote(column(table, spec.sum())) + "), 0)"
                : "t." + dialect.quote(column(table, spec.value()));
        var from = " FROM " + dialect.quote(table.name()) + " t";
        var conditions = new ArrayList<String>();
        keys.forEach(key -> conditions.add(dialect.nullSafeEquals(key, "?")));
        conditions.addAll(matches);
        this.database = database;
        this.sql = "SELECT " + selected + from + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + (spec.aggregate() ? "" : " LIMIT 1");
        // The same comparisons against a derived table q of the asked keys (AskedKeys); match constants bound after them.
        this.prefetchHead = keys.isEmpty() ? null : "SELECT q.i, " + selected + from + " JOIN (";
        this.prefetchTail = ") q ON " + AskedKeys.joined(keys, dialect)
                + (matches.isEmpty() ? "" : " WHERE " + String.join(" AND ", matches)) + (spec.aggregate() ? " GROUP BY q.i" : "");
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
        var found = database.first(sql, arguments, rs -> plain(rs.getObject(1)));
        if (found.isPresent() || cacheMisses) {
            cache.put(frozen(key), found);
        }
        return found;
    }

    /**
     * Fetches many keys in one query and remembers the answers, so the rows that ask for them next
     * find them in the cache. The asked keys travel as a derived table numbered by position, joined
     * with the same NULL-safe comparisons {@link #find} uses, so the database itself says which
     * asked key each row answers, by the key column's collation: under utf8mb4_general_ci the row
     * 'Design39' answers 'design39' (case, trailing spaces and some accents do not count), under a
     * _bin collation or in SQLite only 'Design39' does. Java never compares key text: matching
     * returned rows back by their text made such keys misses, and a miss in a table the step does
     * not write is kept for the whole step. Measured on 200,000 folders, a page of 500 keys by
     * (parent_id, name) takes the join as long as the {@code (k1, k2) IN (...)} it replaced
     * (MariaDB plans both as a small materialized table driving the lookup table's index), while
     * a UNION of one {@code find} query per key took four times as long.
     */
    void prefetch(Collection<List<Object>> keys) {
        if (prefetchHead == null || keys.isEmpty()) {
            return;
        }
        forgetMissesIfRowsWereCreated();
        var wanted = new ArrayList<List<Object>>(new LinkedHashSet<>(
                keys.stream().filter(key -> key.size() == keyColumns && !cache.containsKey(key)).map(SqlLookup::frozen).toList()));
        for (int from = 0; from < wanted.size(); from += AskedKeys.chunk(database.dialect())) {
            prefetchChunk(wanted.subList(from, Math.min(wanted.size(), from + AskedKeys.chunk(database.dialect()))));
        }
    }

    private void prefetchChunk(List<List<Object>> wanted) {
        var arguments = AskedKeys.arguments(wanted);
        arguments.addAll(matchValues);
        var answers = new HashMap<Integer, Optional<Object>>();
        var sql = prefetchHead + AskedKeys.table(database.dialect(), wanted.size(), keyColumns) + prefetchTail;
        database.query(sql, arguments, rs -> answers.putIfAbsent(rs.getInt(1), Optional.ofNullable(plain(rs.getObject(2))))); // of several rows, the first
        // Keys no row answered: sums and counts are 0; other lookups found nothing (remembered where misses may be:
        // misses of the step's own table too, which pageWritten() forgets once the page is written).
        for (int i = 0; i < wanted.size(); i++) {
            cache.put(wanted.get(i), answers.getOrDefault(i, aggregate ? Optional.of(0L) : Optional.empty()));
        }
    }

    /** A copy of a key to remember; unlike List.copyOf it may hold NULL, which {@code <=>} compares. */
    private static List<Object> frozen(List<Object> key) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(key));
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
