package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.Expression;
import upgrade.expr.JsonText;
import upgrade.expr.LetValues;
import upgrade.expr.LookupTable;
import upgrade.mapping.ColumnRule;
import upgrade.mapping.ValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Applies column rules to one source row. */
public final class RuleEvaluator {
    private final Map<String, Object> params;
    private final Map<String, LookupTable> lookups;
    private final Ensurer ensurer;
    private final Map<String, Expression> lets;
    private boolean recording;
    private long ensuresPassedOver;

    /**
     * @param ensurer may be null where no mapping can use {@code ensure} rules
     * @param lets    the mapping's {@code let:} values, read as {@code val.NAME}
     */
    RuleEvaluator(Map<String, Object> params, Map<String, LookupTable> lookups, Ensurer ensurer, Map<String, Expression> lets) {
        this.params = params;
        this.lookups = lookups;
        this.ensurer = ensurer;
        this.lets = lets;
    }

    /** While recording (see {@link PageEvaluation}), ensure rules create nothing and give null. */
    void recording(boolean on) {
        recording = on;
    }

    /** How many ensure rules gave null while recording: an evaluation that met one is not the real one. */
    long ensuresPassedOver() {
        return ensuresPassedOver;
    }

    /**
     * The expression context for a row: {@code row}, {@code param}, {@code lookup}, {@code val}
     * (the mapping's let: values, each worked out once for the row), and {@code col}, the target
     * values computed so far (the caller fills it as it evaluates the columns).
     */
    public MapContext context(Map<String, Object> row, Map<String, Object> columnsSoFar) {
        var context = new MapContext();
        context.set("row", row);
        context.set("col", columnsSoFar);
        context.set("param", params);
        context.set("lookup", lookups);
        context.set("val", new LetValues(lets, context));
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
            if (key instanceof Evaluated.Value value) {
                var found = lookups.get(lookup.lookup()).get(value.value());
                if (found == null && lookup.missingReason() != null) {
                    return new Evaluated.Skip(lookup.missingReason());
                }
                return new Evaluated.Value(found == null ? lookup.missingValue() : found, value.notes());
            }
            return key;
        }
        if (rule instanceof ColumnRule.Json json) {
            var fields = evaluateAll(json.fieldRules(), row, context);
            if (fields instanceof Evaluated.Value value) {
                @SuppressWarnings("unchecked")
                var object = new LinkedHashMap<>((Map<String, Object>) value.value());
                object.values().removeIf(Objects::isNull);
                return new Evaluated.Value(JsonText.write(object), value.notes());
            }
            return fields;
        }
        if (rule instanceof ColumnRule.First first) {
            var notes = new ArrayList<String>();
            for (var alternative : first.alternatives()) {
                var result = evaluate(alternative, row, context);
                if (result instanceof Evaluated.Skip) {
                    return result;
                }
                var value = (Evaluated.Value) result;
                notes.addAll(value.notes());
                if (value.value() != null) {
                    return new Evaluated.Value(value.value()).withNotes(notes);
                }
            }
            return new Evaluated.Value(null).withNotes(notes);
        }
        if (rule instanceof ColumnRule.Ensure ensure) {
            return ensure(ensure, row, context);
        }
        throw new IllegalStateException("unknown rule " + rule);
    }

    private Evaluated ensure(ColumnRule.Ensure rule, Map<String, Object> row, MapContext context) {
        if (ensurer == null) {
            throw new IllegalStateException("'ensure' rules are not available in key-value mappings");
        }
        if (recording) {
            ensuresPassedOver++;
            return new Evaluated.Value(null);
        }
        var match = evaluateAll(rule.match(), row, context);
        var set = evaluateAll(rule.set(), row, context);
        if (match instanceof Evaluated.Skip) {
            return match;
        }
        if (set instanceof Evaluated.Skip) {
            return set;
        }
        var matchValues = (Evaluated.Value) match;
        var setValues = (Evaluated.Value) set;
        @SuppressWarnings("unchecked")
        var result = ensurer.ensure(rule.table(), (Map<String, Object>) matchValues.value(), (Map<String, Object>) setValues.value(), rule.value(),
                rule.avoid());
        var notes = new ArrayList<>(matchValues.notes());
        notes.addAll(setValues.notes());
        notes.add(rule.note());
        if (result.renamedTo() != null) {
            // which rows went into a row of another name than the rule gives, and why
            notes.add(rule.note() + " (in " + rule.table() + " named '" + result.renamedTo() + "': '"
                    + ((Map<?, ?>) matchValues.value()).get(rule.avoid().rename()) + "' is taken in " + result.takenIn() + ")");
        }
        if (result.created()) {
            notes.add("created a row in " + rule.table() + " for it (" + rule.note() + ")");
        }
        return new Evaluated.Value(result.value(), List.copyOf(notes));
    }

    /** Evaluates named rules into a map (in order), or the first Skip among them. */
    private Evaluated evaluateAll(Map<String, ColumnRule> rules, Map<String, Object> row, MapContext context) {
        var values = new LinkedHashMap<String, Object>();
        var notes = new ArrayList<String>();
        for (var entry : rules.entrySet()) {
            var result = evaluate(entry.getValue(), row, context);
            if (result instanceof Evaluated.Skip) {
                return result;
            }
            var value = (Evaluated.Value) result;
            values.put(entry.getKey(), value.value());
            notes.addAll(value.notes());
        }
        return new Evaluated.Value(values, List.copyOf(notes));
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
