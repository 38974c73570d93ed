package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.mapping.Where;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code {expr: "..."}}: an expression over the source row, the run parameters, the declared lookups and the let: values. */
public record ExprRule(Where where, Expression expression) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("expr",
            List.of(RuleKind.kindKey("expr", "A JEXL expression over `row`, `col`, `param`, `lookup` and `val`")),
            syntax -> new ExprRule(syntax.value().where(), syntax.expression(syntax.value().text(), syntax.value().where())));

    private static final Pattern BOUNDED = Pattern.compile("fn:(?:truncate|fitName)\\((.*),\\s*([0-9]+)\\s*\\)", Pattern.DOTALL);

    @Override
    public void check(RuleCheck check) {
        check.expression(expression);
    }

    @Override
    public void columnsRead(Set<String> names) {
        names.addAll(expression.rowColumns());
    }

    /** Known only for an expression that as a whole is {@code fn:truncate(..., n)} or {@code fn:fitName(..., n)}. */
    @Override
    public OptionalInt longest(Table from) {
        var bounded = BOUNDED.matcher(expression.text().strip());
        return bounded.matches() && balanced(bounded.group(1)) ? OptionalInt.of(Integer.parseInt(bounded.group(2))) : OptionalInt.empty();
    }

    /**
     * Whether the text between {@code fn:truncate(} and the final {@code , n)} is one argument
     * (its parentheses close within it, quotes aside), so that the call is the whole expression
     * and not e.g. {@code fn:truncate(a, 5) + fn:truncate(b, 5)}.
     */
    private static boolean balanced(String argument) {
        var depth = 0;
        char quote = 0;
        for (int i = 0; i < argument.length(); i++) {
            var c = argument.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        return new Evaluated.Value(expression.evaluate(context));
    }
}
