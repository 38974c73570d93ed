package upgrade.mapping;

import java.util.LinkedHashSet;
import java.util.Set;

/** The source columns (or, for key-value mappings, the source names) a rule reads. */
public final class RuleColumns {
    private RuleColumns() {}

    public static Set<String> of(ColumnRule rule) {
        var names = new LinkedHashSet<String>();
        collect(rule, names);
        return names;
    }

    private static void collect(ColumnRule rule, Set<String> names) {
        if (rule instanceof ColumnRule.Copy copy) {
            names.add(copy.column());
        } else if (rule instanceof ColumnRule.MapValues map) {
            names.add(map.column());
        } else if (rule instanceof ColumnRule.Expr expr) {
            names.addAll(expr.expression().rowColumns());
        } else if (rule instanceof ColumnRule.Lookup lookup) {
            collect(lookup.key(), names);
        } else if (rule instanceof ColumnRule.Json json) {
            json.fieldRules().values().forEach(r -> collect(r, names));
        } else if (rule instanceof ColumnRule.First first) {
            first.alternatives().forEach(r -> collect(r, names));
        } else if (rule instanceof ColumnRule.Ensure ensure) {
            ensure.match().values().forEach(r -> collect(r, names));
            ensure.set().values().forEach(r -> collect(r, names));
        }
    }
}
