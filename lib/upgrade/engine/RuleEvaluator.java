package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.JsonText;
import upgrade.expr.LookupTable;
import upgrade.mapping.ColumnRule;
import upgrade.mapping.ValueMap;

import java.util.LinkedHashMap;
import java.util.Map;

/** Applies column rules to one source row. */
public final class RuleEvaluator {
    private final Map<String, Object> params;
    private final Map<String, LookupTable> lookups;

    public RuleEvaluator(Map<String, Object> params, Map<String, LookupTable> lookups) {
        this.params = params;
        this.lookups = lookups;
    }

    /** The expression context for a row: {@code row}, {@code param} and {@code lookup}. */
    public MapContext context(Map<String, Object> row) {
        var context = new MapContext();
        context.set("row", row);
        context.set("param", params);
        context.set("lookup", lookups);
        return context;
    }

    public Evaluated evaluate(ColumnRule rule, Map<String, Object> row, MapContext context) {
        if (rule instanceof ColumnRule.Copy copy) {
            return new Evaluated.Value(row.get(copy.column()));
        }
        if (rule instanceof ColumnRule.Constant constant) {
            return new Evaluated.Value(constant.value());
        }
        if (rule instanceof ColumnRule.MapValues map) {
            return translate(map.map(), row.get(map.column()));
        }
        if (rule instanceof ColumnRule.Expr expr) {
            return new Evaluated.Value(expr.expression().evaluate(context));
        }
        if (rule instanceof ColumnRule.Lookup lookup) {
            var key = evaluate(lookup.key(), row, context);
            if (key instanceof Evaluated.Skip) {
                return key;
            }
            var found = lookups.get(lookup.lookup()).get(((Evaluated.Value) key).value());
            if (found == null && lookup.missingReason() != null) {
                return new Evaluated.Skip(lookup.missingReason());
            }
            return new Evaluated.Value(found == null ? lookup.missingValue() : found);
        }
        if (rule instanceof ColumnRule.Json json) {
            var object = new LinkedHashMap<String, Object>();
            for (var field : json.fieldRules().entrySet()) {
                var value = evaluate(field.getValue(), row, context);
                if (value instanceof Evaluated.Skip) {
                    return value;
                }
                var v = ((Evaluated.Value) value).value();
                if (v != null) {
                    object.put(field.getKey(), v);
                }
            }
            return new Evaluated.Value(JsonText.write(object));
        }
        throw new IllegalStateException("unknown rule " + rule);
    }

    static Evaluated translate(ValueMap map, Object value) {
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
