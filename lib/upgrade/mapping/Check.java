package upgrade.mapping;

import upgrade.expr.Expression;
import upgrade.expr.Template;

/**
 * A condition the upgrade checks before it writes anything (or, in verify mappings, after): a
 * {@code refuse} item fails for every row where {@code when} holds; a {@code require} item is
 * evaluated once and fails when {@code that} does not hold.
 *
 * @param title       what is checked, as the check list shows it ("no storage policies V3 cannot take")
 * @param expression  the {@code when} or {@code that} expression
 * @param failsWhenTrue true for {@code refuse} (the expression describes the problem), false for {@code require}
 * @param message     what is wrong, per failing row: a template, e.g. {@code "'${row.policy_name}' is a ${row.policy_type} policy"}
 * @param fix         how the operator fixes it
 */
public record Check(String title, Expression expression, boolean failsWhenTrue, Template message, String fix) {

    /** Whether this value of the expression is a failure. */
    public boolean fails(Object value) {
        return Boolean.TRUE.equals(value) == failsWhenTrue;
    }
}
