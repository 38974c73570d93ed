package upgrade.rules;

import org.apache.commons.jexl3.MapContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of applying a rule to a row: a value (with any notes it earned the row), or the decision to leave the row out. */
public sealed interface Evaluated {
    record Value(Object value, List<String> notes) implements Evaluated {
        public Value(Object value) {
            this(value, List.of());
        }

        /** The same value with more notes. */
        public Value withNotes(List<String> more) {
            if (more.isEmpty()) {
                return this;
            }
            var all = new ArrayList<>(notes);
            all.addAll(more);
            return new Value(value, List.copyOf(all));
        }
    }

    record Skip(String reason) implements Evaluated {}

    /** Named rules worked out into a map (in order), with all their notes; or the first Skip among them. */
    static Evaluated all(Map<String, ColumnRule> rules, RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        var values = new LinkedHashMap<String, Object>();
        var notes = new ArrayList<String>();
        for (var entry : rules.entrySet()) {
            var result = entry.getValue().evaluate(runtime, row, context);
            if (result instanceof Skip) {
                return result;
            }
            var value = (Value) result;
            values.put(entry.getKey(), value.value());
            notes.addAll(value.notes());
        }
        return new Value(values, List.copyOf(notes));
    }
}
