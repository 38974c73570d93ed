package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.LookupCall;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code {lookup: NAME, key: RULE, missing: ...}}: a value looked up by key in a declared lookup
 * table. When nothing is found the row is left out with {@code missingReason}; or, when that is
 * null, the value is {@code missingValue} (null by default).
 */
public record LookupRule(Where where, String lookup, ColumnRule key, String missingReason, Object missingValue) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("lookup",
            List.of(RuleKind.kindKey("lookup", "A lookup declared under `lookups`, or in `lookups.yaml`"),
                    RuleKind.Key.required("key", "The key to look up: a rule", "give the key to look up, e.g. key: {copy: policy_id}"),
                    RuleKind.Key.optional("missing", "When no row is found: `{skip: REASON}`, `{value: X}`, or null (the default: null)")),
            LookupRule::parse);

    private static LookupRule parse(RuleSyntax syntax) {
        var value = syntax.value();
        String reason = null;
        Object fallback = null;
        var missing = syntax.get("missing");
        if (missing.isPresent()) {
            var m = missing.get();
            if (m.isObject()) {
                m.onlyKeys(List.of("skip", "value"), "'missing'");
                reason = m.get("skip").map(n -> n.text()).orElse(null);
                fallback = m.get("value").map(n -> n.scalar()).orElse(null);
            }
            if (!m.isObject() && !m.json().isNull() || m.isObject() && (reason == null) == (fallback == null)) {
                throw new MappingException(m.where(), "'missing' must be {skip: REASON}, {value: VALUE} or null", "");
            }
        }
        syntax.readsLookup(value.text(), value.where());
        var key = syntax.rule(syntax.required("key"), syntax.column() + ".key");
        if (key instanceof CopyRule copy) {
            syntax.callsLookup(new LookupCall(value.text(), List.of(new LookupCall.RowColumn(copy.column()))));
        }
        return new LookupRule(value.where(), value.text(), key, reason, fallback);
    }

    @Override
    public void check(RuleCheck check) {
        check.lookup(lookup, where);
        key.check(check);
    }

    @Override
    public void columnsRead(Set<String> names) {
        key.columnsRead(names);
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        var result = key.evaluate(runtime, row, context);
        if (result instanceof Evaluated.Value keyValue) {
            var found = runtime.lookup(lookup).get(keyValue.value());
            if (found == null && missingReason != null) {
                return new Evaluated.Skip(missingReason);
            }
            return new Evaluated.Value(found == null ? missingValue : found, keyValue.notes());
        }
        return result;
    }
}
