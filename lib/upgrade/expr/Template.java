package upgrade.expr;

import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JxltEngine;
import upgrade.mapping.Where;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;

/**
 * A message with expressions in it, e.g. {@code "'${row.policy_name}' holds ${lookup.files.get(row.id)} files"}:
 * a JEXL template, so a failing check can say exactly what it found.
 */
public record Template(String text, Where where, JxltEngine.Template template, Set<List<String>> variables) {

    public String render(JexlContext context) {
        try {
            var out = new StringWriter();
            template.evaluate(context, out);
            return out.toString();
        } catch (JexlException e) {
            return text + " (the message itself failed: " + Expression.describe(e) + ")";
        }
    }
}
