package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Dialect;
import upgrade.db.StageTable;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lookup into a V2 table by columns V2 has no index on (e.g. a folder by owner and path). On
 * first use the key columns, match columns and value of every source row are copied, page by page,
 * into an indexed temporary table on the V3 connection; then each lookup is one indexed query.
 * Memory stays flat, and V2's unindexed tables are scanned once, not once per row.
 *
 * <p>Keys compare as V2 compared them: V2 found a folder by {@code position_absolute = ?} under
 * its column's collation (utf8_general_ci: case, trailing spaces and some accents do not count),
 * so for V2's users a file whose {@code dir} is '/design39' was in the folder '/Design39'. The
 * staged text columns keep V2's character set and collation, and the server compares them, never
 * Java. Columns that are not text compare as text, exactly ('2' finds the number 2). A row with
 * exactly the asked text wins; else the first in the source's key order that the collation calls
 * equal. The exact match is also the fast one: an MD5 of the key's text, the stage's primary key,
 * answers almost every key of a page in one query (the query the stage used when it compared only
 * bytes); only the keys it misses are joined by collation, through a prefix index on the text,
 * which measured 1.3 to 2 times slower per page of 500 keys, too slow to ask for all of them.
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
    private final List<String> keyColumns;
    private final List<String> matchColumns;
    private final List<Object> matchValues;
    private final BoundedCache<List<Object>, Optional<Object>> cache = new BoundedCache<>(10_000);
    private boolean staged;

    StagedLookup(Database source, Database target, Table table, LookupSpec spec, String sourceKey, int pageSize) {
        this.source = source;
        this.target = target;
        this.table = table;
        this.spec = spec;
        this.sourceKey = sourceKey;
        this.pageSize = pageSize;
        this.keyColumns = spec.key().stream().map(k -> table.column(k).orElseThrow().name()).toList();
        this.matchColumns = spec.match().keySet().stream().map(k -> table.column(k).orElseThrow().name()).toList();
        this.matchValues = spec.match().values().stream().map(value -> (Object) text(value)).toList();
    }

    Optional<Object> find(List<Object> key) {
        stageOnce();
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var arguments = new ArrayList<>(texts(key));
        arguments.addAll(matchValues);
        arguments.add(digest(key));
        var dialect = target.dialect();
        var conditions = new ArrayList<String>();
        for (int c = 0; c < keyColumns.size() + matchColumns.size(); c++) {
            conditions.add(dialect.nullSafeEquals("c" + c, "?"));
        }
        var sql = "SELECT v FROM " + dialect.quote(stage) + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY k = ? DESC, seq LIMIT 1";
        var found = target.first(sql, arguments, rs -> rs.getObject(1));
        cache.put(List.copyOf(key), found);
        return found;
    }

    /** What the cache knows of a key, without asking the database; null when nothing. */
    Optional<Object> known(List<Object> key) {
        return cache.get(key);
    }

    /**
     * Fetches many keys in two queries: those with exactly their text by digest, the others joined
     * by collation as {@link SqlLookup#prefetch} does. V2 does not change, so misses are kept.
     */
    void prefetch(Collection<List<Object>> keys) {
        stageOnce();
        var wanted = new ArrayList<List<Object>>(new LinkedHashSet<>(
                keys.stream().filter(key -> key.size() == keyColumns.size() && !cache.containsKey(key)).map(List::copyOf).toList()));
        for (int from = 0; from < wanted.size(); from += AskedKeys.chunk(target.dialect())) {
            var chunk = wanted.subList(from, Math.min(wanted.size(), from + AskedKeys.chunk(target.dialect())));
            var exact = exactly(chunk);
            var others = chunk.stream().filter(key -> !exact.containsKey(key)).toList();
            exact.forEach((key, value) -> cache.put(key, value));
            if (!others.isEmpty()) {
                byCollation(others);
            }
        }
    }

    /** The keys some row holds exactly (the first such row in source order: the stage keeps only it). */
    private Map<List<Object>, Optional<Object>> exactly(List<List<Object>> wanted) {
        var byDigest = new HashMap<String, List<Object>>();
        wanted.forEach(key -> byDigest.put(digest(key), key));
        var found = new HashMap<List<Object>, Optional<Object>>();
        var sql = "SELECT k, v FROM " + target.dialect().quote(stage) + " WHERE k IN ("
                + String.join(", ", Collections.nCopies(byDigest.size(), "?")) + ")";
        target.query(sql, new ArrayList<>(byDigest.keySet()),
                rs -> found.put(byDigest.get(rs.getString(1)), Optional.ofNullable(rs.getObject(2))));
        return found;
    }

    private void byCollation(List<List<Object>> wanted) {
        var arguments = AskedKeys.arguments(wanted.stream().map(StagedLookup::texts).toList());
        arguments.addAll(matchValues);
        var stagedKeys = new ArrayList<String>();
        for (int k = 0; k < keyColumns.size(); k++) {
            stagedKeys.add("s.c" + k);
        }
        var matches = new ArrayList<String>();
        for (int m = 0; m < matchColumns.size(); m++) {
            matches.add(target.dialect().nullSafeEquals("s.c" + (keyColumns.size() + m), "?"));
        }
        var sql = "SELECT q.i, s.v FROM " + target.dialect().quote(stage) + " s JOIN (" + AskedKeys.table(target.dialect(), wanted.size(), keyColumns.size())
                + ") q ON " + AskedKeys.joined(stagedKeys, target.dialect()) + (matches.isEmpty() ? "" : " WHERE " + String.join(" AND ", matches))
                + " ORDER BY q.i, s.seq";
        var answers = new HashMap<Integer, Optional<Object>>();
        target.query(sql, arguments, rs -> answers.putIfAbsent(rs.getInt(1), Optional.ofNullable(rs.getObject(2)))); // the first in source order
        for (int i = 0; i < wanted.size(); i++) {
            cache.put(wanted.get(i), answers.getOrDefault(i, Optional.empty()));
        }
    }

    private void stageOnce() {
        if (staged) {
            return;
        }
        var columns = new ArrayList<>(keyColumns);
        columns.addAll(matchColumns);
        createStage(columns);
        var valueColumn = table.column(spec.value()).orElseThrow().name();
        var names = new ArrayList<String>(List.of("seq", "k"));
        for (int c = 0; c < columns.size(); c++) {
            names.add("c" + c);
        }
        names.add("v");
        var sql = target.sql();
        var rowsPerStatement = sql.rowsPerStatement(names.size(), pageSize);
        long seq = 0;
        for (var page : new RowReader(source, table, sourceKey, pageSize)) {
            for (int from = 0; from < page.size(); from += rowsPerStatement) {
                var rows = page.subList(from, Math.min(page.size(), from + rowsPerStatement));
                var arguments = new ArrayList<>();
                for (var row : rows) {
                    arguments.add(seq++);
                    arguments.add(digestOf(columns.stream().map(row::get).toList()));
                    columns.forEach(column -> arguments.add(text(row.get(column))));
                    arguments.add(row.get(valueColumn));
                }
                // The first row of each exact key (and values of the match columns) stays, in the source's key order.
                target.update(target.dialect().insertKeepingFirst(stage, names, rows.size()), arguments);
            }
        }
        staged = true;
    }

    /** The stage, its text columns compared as V2 compares them (see {@link Dialect#createStage}); other columns exactly. */
    private void createStage(List<String> columns) {
        var comparisons = source.dialect().textComparisons(source.handle(), table.name());
        var staged = columns.stream().map(column -> table.column(column).filter(Column::isText)
                .map(text -> comparisons.get(text.name()))).toList();
        var valueIsInteger = table.column(spec.value()).orElseThrow().isInteger();
        target.dialect().createStage(target.handle(), new StageTable(stage, staged, keyColumns.size(), valueIsInteger));
    }

    /** Drops the temporary table (it would vanish with the connection anyway). */
    void close() {
        if (staged) {
            target.handle().execute(target.dialect().dropStage(stage));
        }
    }

    /** The digest of an asked key: its parts, then the match constants. */
    private String digest(List<Object> key) {
        var parts = new ArrayList<>(key);
        parts.addAll(matchValues);
        return digestOf(parts);
    }

    /** The MD5 of the parts' text, byte for byte: the stage's primary key, for exact matches. */
    private static String digestOf(List<Object> parts) {
        try {
            var md5 = MessageDigest.getInstance("MD5");
            for (var part : parts) {
                md5.update((part == null ? "\u0000null" : part.toString()).getBytes(StandardCharsets.UTF_8));
                md5.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static List<Object> texts(List<Object> key) {
        return key.stream().map(part -> (Object) text(part)).toList();
    }

    /** Every staged value and asked key part as text: text columns compare by their collation, others exactly. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
