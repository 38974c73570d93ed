package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.MappingException;
import upgrade.mapping.ValueMap;
import upgrade.mapping.Where;
import upgrade.mapping.YamlNode;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code {map: COLUMN, using: NAME}} or {@code {map: COLUMN, values: {...}, otherwise: ...}}: a source
 * column translated through a value map; unlisted values follow the map's {@code otherwise}.
 */
public record MapRule(Where where, String column, ValueMap map) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("map",
            List.of(RuleKind.kindKey("map", "The source column to translate"),
                    RuleKind.Key.optional("using", "A map of `value-maps.yaml`, by name (or give `values`)"),
                    RuleKind.Key.optional("values", "An inline map, from: to (or give `using`); keys are compared as text"),
                    RuleKind.Key.optional("otherwise", "An inline map's unlisted value: keep (the default), `{value: X}` or `{skip: REASON}`")),
            MapRule::parse);

    private static MapRule parse(RuleSyntax syntax) {
        var node = syntax.node();
        var using = node.get("using");
        var values = node.get("values");
        if (using.isPresent() == values.isPresent()) {
            throw new MappingException(node.where(), "a 'map' rule needs either 'using: NAME' (a map from value-maps.yaml) or 'values: {...}', not "
                    + (using.isPresent() ? "both" : "neither"), "");
        }
        var value = syntax.value();
        if (values.isPresent()) {
            return new MapRule(value.where(), value.text(),
                    ValueMap.parse("inline map of '" + syntax.column() + "'", node.where(), values.get(), node.get("otherwise").orElse(null)));
        }
        if (node.get("otherwise").isPresent()) {
            throw new MappingException(node.get("otherwise").get().where(),
                    "'otherwise' belongs to the named map in value-maps.yaml, not to a rule that uses it", "");
        }
        var name = using.get().text();
        var map = syntax.valueMaps().get(name);
        if (map == null) {
            throw new MappingException(using.get().where(), "no value map named '" + name + "'",
                    YamlNode.didYouMean(name, syntax.valueMaps().keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "known value maps: " + String.join(", ", syntax.valueMaps().keySet()));
        }
        return new MapRule(value.where(), value.text(), map);
    }

    @Override
    public void check(RuleCheck check) {
        check.sourceColumn(column, where);
    }

    @Override
    public void columnsRead(Set<String> names) {
        names.add(column);
    }

    /** The longest of the map's values, and of the column's when the map keeps unlisted values. */
    @Override
    public OptionalInt longest(Table from) {
        var values = map.values().values().stream().mapToInt(TextLength::of).max().orElse(0);
        var otherwise = map.otherwise();
        if (otherwise instanceof ValueMap.Otherwise.Keep) {
            var kept = TextLength.ofColumn(from, column);
            return kept.isEmpty() ? kept : OptionalInt.of(Math.max(values, kept.getAsInt()));
        }
        return OptionalInt.of(Math.max(values, otherwise instanceof ValueMap.Otherwise.Use use ? TextLength.of(use.value()) : 0));
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        var value = row.get(column);
        var key = value == null ? null : value.toString();
        if (key != null && map.values().containsKey(key)) {
            return new Evaluated.Value(map.values().get(key));
        }
        var otherwise = map.otherwise();
        if (otherwise instanceof ValueMap.Otherwise.Skip skip) {
            return new Evaluated.Skip(skip.reason().replace("{value}", String.valueOf(value)));
        }
        if (otherwise instanceof ValueMap.Otherwise.Use use) {
            return new Evaluated.Value(use.value());
        }
        return new Evaluated.Value(value);
    }
}
