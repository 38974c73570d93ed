package upgrade.mapping;

import org.apache.commons.jexl3.JexlContext;
import upgrade.expr.Expression;
import upgrade.expr.Template;

/**
 * An expression that picks rows, with the text reported for them: a reason to leave a row out,
 * a note counted in the report, or a refusal that stops the run before anything is written.
 *
 * @param text     the text as written in the mapping file
 * @param template the text as a template when it holds {@code ${...}} parts, so the report can say
 *                 what the row held (e.g. the cause of a left-out policy); null for plain text
 */
public record Condition(Expression when, String text, Template template) {

    public Condition(Expression when, String text) {
        this(when, text, null);
    }

    /** The text reported for one row: the template rendered against the row, or the plain text. */
    public String text(JexlContext context) {
        return template == null ? text : template.render(context);
    }
}
