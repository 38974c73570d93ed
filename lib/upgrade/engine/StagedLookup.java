package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lookup into a V2 table by columns V2 has no index on (e.g. a folder by owner and path). On
 * first use the key columns and the value of every source row are copied, page by page, into a
 * temporary table on the V3 connection, keyed by an MD5 of the key's text; then each lookup is one
 * indexed query. Memory stays flat, and V2's unindexed tables are scanned once, not once per row.
 * Keys compare as text, byte for byte ('2' finds the number 2); of rows with equal keys the first
 * in the source's key order wins.
 */
final class StagedLookup {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Database source;
    private final Database target;
    private final Table table;
    private final LookupSpec spec;
    private final String sourceKey;
    private final int pageSize;
    private final String stage = "upgrade_stage_" + COUNTER.incrementAndGet();
    private final BoundedCache<List<Object>, Optional<Object>> cache = new BoundedCache<>(10_000);
    private boolean staged;

    StagedLookup(Database source, Database target, Table table, LookupSpec spec, String sourceKey, int pageSize) {
        this.source = source;
        this.target = target;
        this.table = table;
        this.spec = spec;
        this.sourceKey = sourceKey;
        this.pageSize = pageSize;
    }

    Optional<Object> find(List<Object> key) {
        stageOnce();
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var found = target.handle().createQuery("SELECT v FROM " + target.dialect().quote(stage) + " WHERE k = :k")
                .bind("k", digest(key)).map((rs, ctx) -> Optional.ofNullable(rs.getObject(1))).findFirst().flatMap(o -> o);
        cache.put(List.copyOf(key), found);
        return found;
    }

    /** What the cache knows of a key, without asking the database; null when nothing. */
    Optional<Object> known(List<Object> key) {
        return cache.get(key);
    }

    /** Fetches many keys in one query (see {@link SqlLookup#prefetch}). */
    void prefetch(Collection<List<Object>> keys) {
        stageOnce();
        var wanted = new HashMap<String, List<Object>>();
        keys.stream().filter(key -> !cache.containsKey(key)).forEach(key -> wanted.put(digest(key), key));
        if (wanted.isEmpty()) {
            return;
        }
        var found = new HashSet<String>();
        Arguments.bind(target.handle().createQuery("SELECT k, v FROM " + target.dialect().quote(stage) + " WHERE k IN ("
                        + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ")"), new ArrayList<>(wanted.keySet()), target.dialect())
                .map((rs, ctx) -> {
                    var digest = rs.getString(1);
                    found.add(digest);
                    cache.put(List.copyOf(wanted.get(digest)), Optional.ofNullable(rs.getObject(2)));
                    return digest;
                }).list();
        wanted.forEach((digest, key) -> {
            if (!found.contains(digest)) {
                cache.put(List.copyOf(key), Optional.empty());
            }
        });
    }

    private void stageOnce() {
        if (staged) {
            return;
        }
        var valueColumn = table.column(spec.value()).orElseThrow();
        var handle = target.handle();
        handle.execute("CREATE TEMPORARY TABLE " + target.dialect().quote(stage) + " (k CHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY, v "
                + (valueColumn.isInteger() ? "BIGINT" : "LONGTEXT") + ")");
        var keyColumns = spec.key().stream().map(k -> table.column(k).orElseThrow().name()).toList();
        var matchColumns = spec.match().keySet().stream().map(k -> table.column(k).orElseThrow().name()).toList();
        var matchValues = new ArrayList<>(spec.match().values());
        for (var page : new RowReader(source, table, sourceKey, pageSize)) {
            var arguments = new ArrayList<>();
            for (var row : page) {
                var matches = true;
                for (int i = 0; i < matchColumns.size(); i++) {
                    matches &= text(row.get(matchColumns.get(i))).equals(text(matchValues.get(i)));
                }
                if (matches) {
                    arguments.add(digest(keyColumns.stream().map(row::get).toList()));
                    arguments.add(row.get(valueColumn.name()));
                }
            }
            if (!arguments.isEmpty()) {
                // INSERT IGNORE keeps the first row of each key, in the source's key order.
                var sql = "INSERT IGNORE INTO " + target.dialect().quote(stage) + " (k, v) VALUES "
                        + String.join(", ", Collections.nCopies(arguments.size() / 2, "(?, ?)"));
                Arguments.bind(handle.createUpdate(sql), arguments, target.dialect()).execute();
            }
        }
        staged = true;
    }

    /** Drops the temporary table (it would vanish with the connection anyway). */
    void close() {
        if (staged) {
            target.handle().execute("DROP TEMPORARY TABLE IF EXISTS " + target.dialect().quote(stage));
        }
    }

    private static String text(Object value) {
        return value == null ? "\u0000null" : value.toString();
    }

    private static String digest(List<Object> key) {
        try {
            var md5 = MessageDigest.getInstance("MD5");
            for (var part : key) {
                md5.update(text(part).getBytes(StandardCharsets.UTF_8));
                md5.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
