package upgrade.mapping;

import upgrade.db.Column;
import upgrade.db.Table;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Part of {@link MappingValidator}: a rule's {@code fit} against its target column, seen without running the rule. */
final class FitCheck {
    private FitCheck() {}

    /**
     * A rule's {@code fit} against its target column: {@code exact} needs a text the validator can
     * see fits; a json rule must not be cut; {@code fit} means nothing for columns that are not text.
     */
    static void check(RowMapping mapping, Table into, String name, ColumnRule rule, Table from) {
        var column = into.column(name).orElseThrow();
        var explicit = mapping.fits().get(name);
        var where = into.name() + "." + column.name();
        if (explicit != null && !column.isText()) {
            throw new MappingException(rule.where(), "'fit' applies to text columns; " + where + " is " + column.typeName(),
                    "remove 'fit' from this rule");
        }
        if (explicit == Fit.CUT && rule instanceof ColumnRule.Json) {
            throw new MappingException(rule.where(), "a json rule's text must not be cut: cut JSON does not parse",
                    "remove 'fit: cut' (json rules are never cut; a longer text stops the run), or keep the JSON short");
        }
        if (mapping.fit(name) != Fit.EXACT || column.maxChars() == 0) {
            return;
        }
        var longest = longest(rule, from);
        if (longest.isEmpty() || longest.getAsInt() > column.maxChars()) {
            throw new MappingException(rule.where(), where + " must not be cut (fit: exact), but this rule could give a text longer than its "
                    + column.maxChars() + " characters" + (longest.isPresent() ? " (up to " + longest.getAsInt() + ")" : ""),
                    "make the rule's text fit (copy a column no longer than it, or end in fn:truncate(..., " + column.maxChars()
                            + ") or fn:fitName(..., " + column.maxChars() + ")); or let a longer text be cut and noted (remove 'fit'); "
                            + "or, for a text a cut would break that the mapping keeps short by other means, fit: stop (a longer one stops the run)");
        }
    }

    private static final Pattern BOUNDED = Pattern.compile("fn:(?:truncate|fitName)\\((.*),\\s*([0-9]+)\\s*\\)", Pattern.DOTALL);

    /**
     * The most characters a rule can give, when it can be seen without running it: a copied
     * column's declared length, a constant's, a map's values (and its column's, when it keeps
     * unlisted values), the longest of {@code first}'s alternatives, or an expression that as a
     * whole is {@code fn:truncate(..., n)} or {@code fn:fitName(..., n)}. Empty when unknown.
     */
    private static OptionalInt longest(ColumnRule rule, Table from) {
        if (rule instanceof ColumnRule.Copy copy) {
            return from == null ? OptionalInt.empty() : declared(from.column(copy.column()).orElseThrow());
        }
        if (rule instanceof ColumnRule.Constant constant) {
            return OptionalInt.of(length(constant.value()));
        }
        if (rule instanceof ColumnRule.Expr expr) {
            var bounded = BOUNDED.matcher(expr.expression().text().strip());
            return bounded.matches() && balanced(bounded.group(1)) ? OptionalInt.of(Integer.parseInt(bounded.group(2))) : OptionalInt.empty();
        }
        if (rule instanceof ColumnRule.MapValues map) {
            var values = map.map().values().values().stream().mapToInt(FitCheck::length).max().orElse(0);
            var otherwise = map.map().otherwise();
            if (otherwise instanceof ValueMap.Otherwise.Keep) {
                var kept = longest(new ColumnRule.Copy(map.where(), map.column()), from);
                return kept.isEmpty() ? kept : OptionalInt.of(Math.max(values, kept.getAsInt()));
            }
            return OptionalInt.of(Math.max(values, otherwise instanceof ValueMap.Otherwise.Use use ? length(use.value()) : 0));
        }
        if (rule instanceof ColumnRule.First first) {
            var most = 0;
            for (var alternative : first.alternatives()) {
                var one = longest(alternative, from);
                if (one.isEmpty()) {
                    return one;
                }
                most = Math.max(most, one.getAsInt());
            }
            return OptionalInt.of(most);
        }
        return OptionalInt.empty(); // lookups, json, ensure: not seen without running
    }

    private static OptionalInt declared(Column column) {
        if (column.isInteger()) {
            return OptionalInt.of(20); // a BIGINT's digits and sign
        }
        return column.isText() && column.maxChars() > 0 ? OptionalInt.of(column.maxChars()) : OptionalInt.empty();
    }

    private static int length(Object value) {
        var text = value == null ? "" : value.toString();
        return text.codePointCount(0, text.length());
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
}
