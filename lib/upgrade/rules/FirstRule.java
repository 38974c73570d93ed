package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** {@code {first: [RULE, ...]}}: the first of several rules that gives a value (not null); null when none does. */
public record FirstRule(Where where, List<ColumnRule> alternatives) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("first",
            List.of(RuleKind.kindKey("first", "The rules to try, in order; at least one")),
            FirstRule::parse);

    private static FirstRule parse(RuleSyntax syntax) {
        var value = syntax.value();
        var alternatives = new ArrayList<ColumnRule>();
        for (var item : value.items()) {
            alternatives.add(syntax.rule(item, syntax.column()));
        }
        if (alternatives.isEmpty()) {
            throw new MappingException(value.where(), "'first' needs at least one rule", "");
        }
        return new FirstRule(value.where(), List.copyOf(alternatives));
    }

    @Override
    public void check(RuleCheck check) {
        alternatives.forEach(rule -> rule.check(check));
    }

    @Override
    public void columnsRead(Set<String> names) {
        alternatives.forEach(rule -> rule.columnsRead(names));
    }

    /** The longest of its alternatives, when each is known. */
    @Override
    public OptionalInt longest(Table from) {
        var most = 0;
        for (var alternative : alternatives) {
            var one = alternative.longest(from);
            if (one.isEmpty()) {
                return one;
            }
            most = Math.max(most, one.getAsInt());
        }
        return OptionalInt.of(most);
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        var notes = new ArrayList<String>();
        for (var alternative : alternatives) {
            var result = alternative.evaluate(runtime, row, context);
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
}
