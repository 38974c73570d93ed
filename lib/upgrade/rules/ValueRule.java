package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** {@code {value: CONSTANT}}: a constant (text, number, boolean or null). */
public record ValueRule(Where where, Object value) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("value",
            List.of(RuleKind.kindKey("value", "A constant")),
            syntax -> new ValueRule(syntax.value().where(), syntax.value().scalar()));

    @Override
    public void check(RuleCheck check) {
    }

    /** A text constant for a column of whole numbers is a mistake the database would make worse. */
    @Override
    public void checkTarget(Table into, String column) {
        if (value instanceof String text && into.column(column).orElseThrow().isInteger() && !text.matches("-?[0-9]+")) {
            throw new MappingException(where, "the value '" + text + "' for " + into.name() + "." + column
                    + " is text, but the column holds whole numbers", "write a number, e.g. {value: 0}");
        }
    }

    @Override
    public OptionalInt longest(Table from) {
        return OptionalInt.of(TextLength.of(value));
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        return new Evaluated.Value(value);
    }
}
