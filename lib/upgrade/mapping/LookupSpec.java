package upgrade.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table a mapping looks values up in: rows of {@code table} on {@code side} whose {@code key}
 * columns equal the given key (and whose {@code match} columns hold the given constants) give their
 * {@code value} column, or, with {@code sum}, the sum of that column over all such rows.
 * Target-side lookups see the rows this run already wrote. Source-side lookups by anything but
 * the primary key are staged into an indexed temporary table first, since V2 has no indexes.
 *
 * An empty key makes a sum or count over the whole table (with {@code match}). Sums and counts of
 * V2 tables scan them once per distinct key; they suit checks, which look at few rows.
 *
 * @param value the column returned; null for a sum or count
 * @param sum   the column summed over the matching rows (0 when none); null otherwise
 * @param count true to give the number of matching rows
 */
public record LookupSpec(String name, Where where, Side side, String table, List<String> key, String value,
                         Map<String, Object> match, String sum, boolean count) {

    /** True for sums and counts, which always give a number. */
    public boolean aggregate() {
        return sum != null || count;
    }

    /** Reads the lookup declared as {@code name: node} under {@code lookups:}. */
    static LookupSpec of(String name, YamlNode node) {
        node.onlyKeys(List.of("source", "target", "key", "value", "match", "sum", "count"), "lookup '" + name + "'");
        var table = node.get("source").isPresent() ? node.get("source").get() : node.get("target").orElse(null);
        if (node.get("source").isPresent() == node.get("target").isPresent()) {
            throw new MappingException(node.where(), "lookup '" + name + "' needs exactly one of 'source: TABLE' (V2) or 'target: TABLE' (V3)", "");
        }
        var side = node.get("source").isPresent() ? Side.SOURCE : Side.TARGET;
        var key = node.get("key").map(k -> k.isArray() && k.json().isEmpty() ? List.<String>of() : k.textList()).orElse(List.of());
        var sum = node.get("sum").map(YamlNode::text).orElse(null);
        var count = node.get("count").map(n -> n.json().asBoolean(false)).orElse(false);
        var value = node.get("value").map(YamlNode::text).orElse(null);
        if ((sum != null ? 1 : 0) + (count ? 1 : 0) + (value != null ? 1 : 0) > 1) {
            throw new MappingException(node.where(), "lookup '" + name + "' gives more than one of 'value', 'sum' and 'count'",
                    "a lookup gives one column's value, a sum, or a count");
        }
        if (key.isEmpty() && sum == null && !count) {
            throw new MappingException(node.where(), "lookup '" + name + "' has no key",
                    "name the column(s) to match, e.g. key: id; only sums and counts may go over a whole table (key: [])");
        }
        if (sum == null && !count && value == null) {
            if (key.size() != 1) {
                throw new MappingException(node.where(), "lookup '" + name + "' matches several columns, so it must say which to give",
                        "add value: COLUMN, e.g. value: id");
            }
            value = key.get(0);
        }
        var match = new LinkedHashMap<String, Object>();
        node.get("match").ifPresent(m -> m.entries().forEach(e -> match.put(e.getKey(), e.getValue().scalar())));
        return new LookupSpec(name, node.where(), side, table.text(), key, value, Collections.unmodifiableMap(match), sum, count);
    }

    /** Every lookup declared under {@code lookups:} in {@code root}, by name, in file order. */
    static Map<String, LookupSpec> declared(YamlNode root) {
        var lookups = new LinkedHashMap<String, LookupSpec>();
        root.get("lookups").ifPresent(node -> node.entries().forEach(e -> lookups.put(e.getKey(), of(e.getKey(), e.getValue()))));
        return lookups;
    }
}
