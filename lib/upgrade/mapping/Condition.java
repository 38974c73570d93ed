package upgrade.mapping;

import org.apache.commons.jexl3.JexlContext;
import upgrade.expr.Expression;
import upgrade.expr.Template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An expression that picks rows, with the text reported for them: a reason to leave a row out,
 * a note counted in the report, or a refusal that stops the run before anything is written.
 *
 * @param text     the text as written in the mapping file
 * @param template the text as a template when it holds {@code ${...}} parts, so the report can say
 *                 what the row held (e.g. the cause of a left-out policy); null for plain text
 * @param byDesign the rows are left out (or lose data) on purpose: the report lists them under
 *                 "dropped by design" too (plain text only, so the report knows the text)
 */
public record Condition(Expression when, String text, Template template, boolean byDesign) {

    /** The source row's columns it reads, in its condition and in its text. */
    public Set<String> rowColumns() {
        var columns = new LinkedHashSet<>(when.rowColumns());
        if (template != null) {
            template.variables().stream().filter(path -> path.size() > 1 && path.get(0).equals("row")).forEach(path -> columns.add(path.get(1)));
        }
        return columns;
    }

    /** The text reported for one row: the template rendered against the row, or the plain text. */
    public String text(JexlContext context) {
        return template == null ? text : template.render(context);
    }

    /** The texts of the conditions by design, for the report's list of what was dropped by design. */
    @SafeVarargs
    public static Set<String> textsByDesign(List<Condition>... lists) {
        var texts = new LinkedHashSet<String>();
        for (var list : lists) {
            list.stream().filter(Condition::byDesign).forEach(condition -> texts.add(condition.text()));
        }
        return Set.copyOf(texts);
    }
}
