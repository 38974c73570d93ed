package upgrade.mapping;

import upgrade.db.Table;
import upgrade.rules.ColumnRule;

/** Checks a rule's {@code fit} against its V3 column, for {@link MappingValidator}. */
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
        if (explicit == Fit.CUT && rule.breaksWhenCut()) {
            throw new MappingException(rule.where(), "a json rule's text must not be cut: cut JSON does not parse",
                    "remove 'fit: cut' (json rules are never cut; a longer text stops the run), or keep the JSON short");
        }
        if (mapping.fit(name) != Fit.EXACT || column.maxChars() == 0) {
            return;
        }
        var longest = rule.longest(from);
        if (longest.isEmpty() || longest.getAsInt() > column.maxChars()) {
            throw new MappingException(rule.where(), where + " must not be cut (fit: exact), but this rule could give a text longer than its "
                    + column.maxChars() + " characters" + (longest.isPresent() ? " (up to " + longest.getAsInt() + ")" : ""),
                    "make the rule's text fit (copy a column no longer than it, or end in fn:truncate(..., " + column.maxChars()
                            + ") or fn:fitName(..., " + column.maxChars() + ")); or let a longer text be cut and noted (remove 'fit'); "
                            + "or, for a text a cut would break that the mapping keeps short by other means, fit: stop (a longer one stops the run)");
        }
    }
}
