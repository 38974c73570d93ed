package upgrade.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the YAML of one column rule into a {@link ColumnRule}, within one mapping file's {@link Scope}. */
final class RuleParser {
    static final List<String> KINDS = List.of("copy", "value", "map", "expr", "lookup", "json", "first", "ensure");
    /** A rule from rules.yaml, used by name: {@code {rule: NAME, KEY: ...}}, the keys given replacing the shared rule's. */
    static final String SHARED = "rule";

    private final Scope scope;
    private final Map<String, ValueMap> valueMaps;
    private final Map<String, YamlNode> sharedRules;
    private final List<String> using = new ArrayList<>();

    RuleParser(Scope scope, Map<String, ValueMap> valueMaps, Map<String, YamlNode> sharedRules) {
        this.scope = scope;
        this.valueMaps = valueMaps;
        this.sharedRules = sharedRules;
    }

    /** Parses a rule; {@code extraKeys} are keys the caller reads itself (e.g. {@code type}). */
    ColumnRule parse(YamlNode node, String column, Set<String> extraKeys) {
        if (node.isObject() && node.get(SHARED).isPresent()) {
            return shared(node, column, extraKeys);
        }
        if (!node.isObject()) {
            throw new MappingException(node.where(), "the rule for '" + column + "' must be a map such as {copy: COLUMN}",
                    "write one of: " + String.join(", ", KINDS.stream().map(k -> "{" + k + ": ...}").toList()));
        }
        var kinds = node.entries().stream().map(Map.Entry::getKey).filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            var unknown = node.entries().stream().map(Map.Entry::getKey)
                    .filter(k -> !KINDS.contains(k) && !extraKeys.contains(k) && !MODIFIERS.contains(k)).findFirst();
            if (kinds.isEmpty() && unknown.isPresent()) {
                node.onlyKeys(union(KINDS, extraKeys), "the rule for '" + column + "'");
            }
            throw new MappingException(node.where(), "the rule for '" + column + "' must have exactly one of "
                    + String.join(", ", KINDS) + (kinds.isEmpty() ? "" : "; it has " + String.join(" and ", kinds)),
                    "see docs/mapping-reference.md, section Column rules");
        }
        var kind = kinds.get(0);
        var allowed = new ArrayList<>(extraKeys);
        allowed.add(kind);
        allowed.addAll(switch (kind) {
            case "map" -> List.of("using", "values", "otherwise");
            case "lookup" -> List.of("key", "missing");
            case "ensure" -> List.of("match", "set", "value", "note", "avoid");
            default -> List.<String>of();
        });
        node.onlyKeys(allowed, "a '" + kind + "' rule");
        var value = node.require(kind, "");
        var where = value.where();
        return switch (kind) {
            case "copy" -> new ColumnRule.Copy(where, value.text());
            case "value" -> new ColumnRule.Constant(where, value.scalar());
            case "expr" -> new ColumnRule.Expr(where, scope.compile(value.text(), where));
            case "map" -> new ColumnRule.MapValues(where, value.text(), valueMap(node, column));
            case "lookup" -> lookup(node, value, column);
            case "json" -> new ColumnRule.Json(where, rules(value, column));
            case "first" -> first(value, column);
            case "ensure" -> new ColumnRule.Ensure(where, value.text(),
                    rules(node.require("match", "give the columns that identify the row, e.g. match: {owner_id: {copy: owner}}"), column),
                    node.get("set").map(n -> rules(n, column)).orElseGet(LinkedHashMap::new),
                    node.get("value").map(YamlNode::text).orElse("id"),
                    node.require("note", "say what using this row means, e.g. note: \"re-homed into the recovery folder\"").text(),
                    node.get("avoid").map(RuleParser::avoid).orElse(null));
            default -> throw new IllegalStateException(kind);
        };
    }

    /**
     * The shared rule named by {@code node}, with the keys {@code node} gives besides {@code rule}
     * replacing its own (e.g. the {@code note} of an {@code ensure}). It is parsed here, in this
     * file's scope: its {@code val.NAME} values and lookups are this file's.
     */
    private ColumnRule shared(YamlNode node, String column, Set<String> extraKeys) {
        var name = node.get(SHARED).get();
        var rule = sharedRules.get(name.text());
        if (rule == null) {
            throw new MappingException(name.where(), "no rule named '" + name.text() + "' in " + Shared.RULES_FILE,
                    YamlNode.didYouMean(name.text(), sharedRules.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "shared rules: " + String.join(", ", sharedRules.keySet().stream().sorted().toList()));
        }
        if (using.contains(name.text())) {
            throw new MappingException(name.where(), "the shared rule '" + name.text() + "' uses itself", "a shared rule may use other shared rules, not itself");
        }
        if (!rule.isObject()) {
            return parse(rule, column, extraKeys); // reports the shape
        }
        var keys = new LinkedHashMap<String, YamlNode>();
        rule.entries().forEach(e -> keys.put(e.getKey(), e.getValue()));
        node.entries().stream().filter(e -> !e.getKey().equals(SHARED)).forEach(e -> keys.put(e.getKey(), e.getValue()));
        using.add(name.text());
        try {
            return parse(YamlNode.merged(rule, keys), column, extraKeys);
        } finally {
            using.remove(using.size() - 1);
        }
    }

    
    private static final Set<String> MODIFIERS = Set.of("using", "values", "otherwise", "key", "missing", "match", "set", "note", "avoid", "fit");

    /** An ensure rule's {@code avoid}; its tables have the shape of on_conflict's also_unique_in items (without as and note). */
    private static ColumnRule.Avoid avoid(YamlNode node) {
        node.onlyKeys(List.of("rename", "as", "also_unique_in"), "an ensure rule's 'avoid'");
        var as = node.get("as").map(YamlNode::text).orElse("{name} ({n})");
        if (!as.contains("{n}")) {
            throw new MappingException(node.get("as").orElseThrow().where(), "the pattern '" + as + "' has no {n}, so every try would give the same name",
                    "put {n} where the number goes, e.g. \"{name} ({n})\" (the default)");
        }
        var tables = node.require("also_unique_in", "name the tables whose values the row must not take, e.g. also_unique_in: "
                + "{table: files, match: {folder_id: parent_id}, column: name}");
        var others = (tables.isArray() ? tables.items() : List.of(tables)).stream().map(RuleParser::avoided).toList();
        if (others.isEmpty()) {
            throw new MappingException(tables.where(), "'also_unique_in' of 'avoid' lists no table", "name at least one, e.g. {table: files, column: name}");
        }
        return new ColumnRule.Avoid(node.where(),
                node.require("rename", "name the match column whose value is numbered, e.g. rename: name").text(), as, others);
    }

    private static RowMapping.UniqueIn avoided(YamlNode node) {
        node.onlyKeys(List.of("table", "match", "column"), "an ensure rule's avoid also_unique_in");
        var match = new LinkedHashMap<String, String>();
        node.get("match").ifPresent(m -> m.entries().forEach(e -> match.put(e.getKey(), e.getValue().text())));
        return new RowMapping.UniqueIn(node.where(),
                node.require("table", "name the V3 table whose values the row must not take, e.g. table: files").text(),
                Collections.unmodifiableMap(match),
                node.require("column", "name that table's column compared with the numbered value, e.g. column: name").text(), null, null);
    }

    private static List<String> union(List<String> a, Set<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ValueMap valueMap(YamlNode node, String column) {
        var using = node.get("using");
        var values = node.get("values");
        if (using.isPresent() == values.isPresent()) {
            throw new MappingException(node.where(), "a 'map' rule needs either 'using: NAME' (a map from value-maps.yaml) or 'values: {...}', not "
                    + (using.isPresent() ? "both" : "neither"), "");
        }
        if (using.isPresent()) {
            if (node.get("otherwise").isPresent()) {
                throw new MappingException(node.get("otherwise").get().where(),
                        "'otherwise' belongs to the named map in value-maps.yaml, not to a rule that uses it", "");
            }
            var name = using.get().text();
            var map = valueMaps.get(name);
            if (map == null) {
                throw new MappingException(using.get().where(), "no value map named '" + name + "'",
                        YamlNode.didYouMean(name, valueMaps.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "known value maps: " + String.join(", ", valueMaps.keySet()));
            }
            return map;
        }
        return parseValueMap("inline map of '" + column + "'", node.where(), values.get(), node.get("otherwise").orElse(null));
    }

    static ValueMap parseValueMap(String name, Where where, YamlNode values, YamlNode otherwise) {
        var map = new LinkedHashMap<String, Object>();
        for (var entry : values.entries()) {
            map.put(entry.getKey(), entry.getValue().scalar());
        }
        return new ValueMap(name, where, Map.copyOf(map), parseOtherwise(otherwise));
    }

    private static ValueMap.Otherwise parseOtherwise(YamlNode node) {
        if (node == null || node.isScalar() && "keep".equals(node.text())) {
            return new ValueMap.Otherwise.Keep();
        }
        if (node.isObject()) {
            node.onlyKeys(List.of("skip", "value"), "'otherwise'");
            if (node.get("skip").isPresent()) {
                return new ValueMap.Otherwise.Skip(node.get("skip").get().text());
            }
            if (node.get("value").isPresent()) {
                return new ValueMap.Otherwise.Use(node.get("value").get().scalar());
            }
        }
        throw new MappingException(node.where(), "'otherwise' must be 'keep', {skip: REASON} or {value: VALUE}", "");
    }

    private ColumnRule lookup(YamlNode node, YamlNode value, String column) {
        var key = node.require("key", "give the key to look up, e.g. key: {copy: policy_id}");
        var missing = node.get("missing");
        String reason = null;
        Object fallback = null;
        if (missing.isPresent()) {
            var m = missing.get();
            if (m.isObject()) {
                m.onlyKeys(List.of("skip", "value"), "'missing'");
                reason = m.get("skip").map(YamlNode::text).orElse(null);
                fallback = m.get("value").map(YamlNode::scalar).orElse(null);
            }
            if (!m.isObject() && !m.json().isNull() || m.isObject() && (reason == null) == (fallback == null)) {
                throw new MappingException(m.where(), "'missing' must be {skip: REASON}, {value: VALUE} or null", "");
            }
        }
        scope.readsLookup(value.text(), value.where());
        return new ColumnRule.Lookup(value.where(), value.text(), parse(key, column + ".key", Set.of()), reason, fallback);
    }

    /** A map of name to rule, e.g. the fields of a json rule or the columns of an export. */
    LinkedHashMap<String, ColumnRule> rules(YamlNode value, String column) {
        var rules = new LinkedHashMap<String, ColumnRule>();
        for (var entry : value.entries()) {
            rules.put(entry.getKey(), parse(entry.getValue(), column + "." + entry.getKey(), Set.of()));
        }
        return rules;
    }

    private ColumnRule first(YamlNode value, String column) {
        var alternatives = new ArrayList<ColumnRule>();
        for (var item : value.items()) {
            alternatives.add(parse(item, column, Set.of()));
        }
        if (alternatives.isEmpty()) {
            throw new MappingException(value.where(), "'first' needs at least one rule", "");
        }
        return new ColumnRule.First(value.where(), List.copyOf(alternatives));
    }
}
