package upgrade.mapping;

import upgrade.expr.Expression;
import upgrade.expr.LookupCall;
import upgrade.rules.ColumnRule;
import upgrade.rules.RuleKind;
import upgrade.rules.RuleKinds;
import upgrade.rules.RuleSyntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML of one column rule into a {@link ColumnRule}, within one mapping file's {@link Scope}:
 * finds its kind among the {@link RuleKinds}, checks its keys against the kind's, and has the kind
 * parse it; resolves shared rules ({@code {rule: NAME}}).
 */
final class RuleParser {
    /** A rule from rules.yaml, used by name: {@code {rule: NAME, KEY: ...}}, the keys given replacing the shared rule's. */
    static final String SHARED = "rule";
    /** Keys a rule may have besides its kind's, which the caller reads: not reported as unknown when a rule lacks its kind. */
    private static final String FIT = "fit";

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
        var names = RuleKinds.names();
        if (!node.isObject()) {
            throw new MappingException(node.where(), "the rule for '" + column + "' must be a map such as {copy: COLUMN}",
                    "write one of: " + String.join(", ", names.stream().map(k -> "{" + k + ": ...}").toList()));
        }
        var kinds = kindsOf(node);
        if (kinds.size() != 1) {
            var unknown = node.entries().stream().map(Map.Entry::getKey)
                    .filter(k -> !names.contains(k) && !extraKeys.contains(k) && !RuleKinds.otherKeys().contains(k) && !k.equals(FIT)).findFirst();
            if (kinds.isEmpty() && unknown.isPresent()) {
                var allowed = new ArrayList<>(names);
                allowed.addAll(extraKeys);
                node.onlyKeys(allowed, "the rule for '" + column + "'");
            }
            throw new MappingException(node.where(), "the rule for '" + column + "' must have exactly one of "
                    + String.join(", ", names) + (kinds.isEmpty() ? "" : "; it has " + String.join(" and ", kinds.stream().map(RuleKind::name).toList())),
                    "see docs/mapping-reference.md, section Column rules");
        }
        var kind = kinds.get(0);
        var allowed = new ArrayList<>(extraKeys);
        allowed.addAll(kind.keyNames());
        node.onlyKeys(allowed, "a '" + kind.name() + "' rule");
        for (var key : kind.keys()) {
            if (key.required()) {
                node.require(key.name(), key.hint());
            }
        }
        return kind.parser().parse(new Syntax(node, kind.name(), column));
    }

    /**
     * The kinds whose key the rule has. A kind key that is also a key of another kind the rule has
     * is that kind's (the {@code value} of an {@code ensure} rule is its column, not a constant).
     */
    private static List<RuleKind> kindsOf(YamlNode node) {
        var present = node.entries().stream().map(Map.Entry::getKey)
                .flatMap(key -> RuleKinds.named(key).stream()).toList();
        return present.stream()
                .filter(kind -> present.stream().noneMatch(other -> other != kind && other.keyNames().contains(kind.name())))
                .toList();
    }

    /** What a kind's parser reads the rule with: its YAML, and this file's scope for the rules, expressions and names in it. */
    private final class Syntax implements RuleSyntax {
        private final YamlNode node;
        private final String kind;
        private final String column;

        Syntax(YamlNode node, String kind, String column) {
            this.node = node;
            this.kind = kind;
            this.column = column;
        }

        @Override
        public YamlNode node() {
            return node;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String column() {
            return column;
        }

        @Override
        public ColumnRule rule(YamlNode rule, String at) {
            return parse(rule, at, Set.of());
        }

        @Override
        public LinkedHashMap<String, ColumnRule> rules(YamlNode rules, String at) {
            return RuleParser.this.rules(rules, at);
        }

        @Override
        public Expression expression(String text, Where where) {
            return scope.compile(text, where);
        }

        @Override
        public void readsLookup(String name, Where where) {
            scope.readsLookup(name, where);
        }

        @Override
        public void callsLookup(LookupCall call) {
            scope.callsLookup(call);
        }

        @Override
        public Map<String, ValueMap> valueMaps() {
            return valueMaps;
        }
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

    /** A map of name to rule, e.g. the fields of a json rule or the columns of an export. */
    LinkedHashMap<String, ColumnRule> rules(YamlNode value, String column) {
        var rules = new LinkedHashMap<String, ColumnRule>();
        for (var entry : value.entries()) {
            rules.put(entry.getKey(), parse(entry.getValue(), column + "." + entry.getKey(), Set.of()));
        }
        return rules;
    }
}
