package upgrade.rules;

import upgrade.expr.LookupCall;
import upgrade.expr.Expression;
import upgrade.mapping.ValueMap;
import upgrade.mapping.Where;
import upgrade.mapping.YamlNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RuleKind}'s parser is given: the rule's YAML, and the mapping file's scope to parse
 * the rules within it, compile expressions and name lookups and value maps in
 * ({@code upgrade.mapping.RuleParser} gives it).
 */
public interface RuleSyntax {
    /** The rule's map; its keys are those of its kind, its required ones present. */
    YamlNode node();

    /** The value of the kind key. */
    default YamlNode value() {
        return node().get(kind()).orElseThrow();
    }

    String kind();

    /** The target column (or json field, as {@code options.qq}) the rule fills, for messages. */
    String column();

    default Optional<YamlNode> get(String key) {
        return node().get(key);
    }

    /** A key the kind declares required. */
    default YamlNode required(String key) {
        return node().get(key).orElseThrow();
    }

    /** A rule within this one. */
    ColumnRule rule(YamlNode node, String column);

    /** A map of name to rule within this one, e.g. the fields of a json rule. */
    LinkedHashMap<String, ColumnRule> rules(YamlNode node, String column);

    /** Compiles an expression in the file's scope. */
    Expression expression(String text, Where where);

    /** Notes that the rule reads the lookup {@code name}, which the file or lookups.yaml must declare. */
    void readsLookup(String name, Where where);

    /** Notes that the rule asks a lookup with a key known from the row alone (fetched for a page at once). */
    void callsLookup(LookupCall call);

    /** The named value maps of value-maps.yaml. */
    Map<String, ValueMap> valueMaps();
}
