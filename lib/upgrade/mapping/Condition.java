package upgrade.mapping;

import upgrade.expr.Expression;

/**
 * An expression that picks rows, with the text reported for them: a reason to leave a row out,
 * a note counted in the report, or a refusal that stops the run before anything is written.
 */
public record Condition(Expression when, String text) {}
