package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.JsonText;
import upgrade.mapping.Where;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code {json: {FIELD: RULE, ...}}}: a JSON object built field by field; fields whose value is null are left out (V3's omitempty). */
public record JsonRule(Where where, LinkedHashMap<String, ColumnRule> fields) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("json",
            List.of(RuleKind.kindKey("json", "The object's fields, each a rule")),
            syntax -> new JsonRule(syntax.value().where(), syntax.rules(syntax.value(), syntax.column())));

    public JsonRule {
        fields = new LinkedHashMap<>(fields);
    }

    public Map<String, ColumnRule> fieldRules() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public void check(RuleCheck check) {
        fields.values().forEach(rule -> rule.check(check));
    }

    @Override
    public void columnsRead(Set<String> names) {
        fields.values().forEach(rule -> rule.columnsRead(names));
    }

    @Override
    public boolean breaksWhenCut() {
        return true;
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        var result = Evaluated.all(fields, runtime, row, context);
        if (result instanceof Evaluated.Value value) {
            @SuppressWarnings("unchecked")
            var object = new LinkedHashMap<>((Map<String, Object>) value.value());
            object.values().removeIf(Objects::isNull);
            return new Evaluated.Value(JsonText.write(object), value.notes());
        }
        return result;
    }
}
