package upgrade.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registered column rule kinds. A new kind is one class (its record implementing
 * {@link ColumnRule}, with its {@link RuleKind} as {@code KIND}) and one line here; the mapping
 * reference and the JSON Schema must then document it and its keys (RuleKindsTest says what is missing).
 */
public final class RuleKinds {
    private static final List<RuleKind> ALL = List.of(
            CopyRule.KIND,
            ValueRule.KIND,
            MapRule.KIND,
            ExprRule.KIND,
            LookupRule.KIND,
            JsonRule.KIND,
            FirstRule.KIND,
            EnsureRule.KIND);

    private RuleKinds() {}

    /** Every kind, in the order the mapping reference and error messages list them. */
    public static List<RuleKind> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(RuleKind::name).toList();
    }

    public static Optional<RuleKind> named(String name) {
        return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** The keys of every kind besides the kind keys, e.g. {@code using} or {@code note}. */
    public static Set<String> otherKeys() {
        var keys = new LinkedHashSet<String>();
        ALL.forEach(kind -> keys.addAll(kind.keyNames().subList(1, kind.keys().size())));
        return keys;
    }

    /** The mapping reference's table of every kind's keys (docs/mapping-reference.md holds it as printed here). */
    public static String keysTable() {
        var table = new StringBuilder("| kind | key | needed | what it is |\n|---|---|---|---|\n");
        for (var kind : ALL) {
            for (var key : kind.keys()) {
                table.append("| `").append(kind.name()).append("` | `").append(key.name()).append("` | ")
                        .append(key.required() ? "required" : "optional").append(" | ").append(key.description()).append(" |\n");
            }
        }
        return table.toString();
    }
}
