package upgrade.expr;

import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import upgrade.mapping.Where;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled mapping expression together with where it was written and what it reads.
 *
 * @param text      the expression as written in the YAML file
 * @param where     its position, for messages
 * @param script    the compiled JEXL script
 * @param variables every variable path it reads, e.g. {@code [row, user_nick]}
 */
public record Expression(String text, Where where, JexlScript script, Set<List<String>> variables) {

    /** The source row's columns it reads ({@code row.NAME}), in the order they appear. */
    public Set<String> rowColumns() {
        var columns = new LinkedHashSet<String>();
        variables.stream().filter(path -> path.size() > 1 && path.get(0).equals("row")).forEach(path -> columns.add(path.get(1)));
        return columns;
    }

    /** Evaluates against a context; a failure names the expression's position and the cause. */
    public Object evaluate(JexlContext context) {
        try {
            return script.execute(context);
        } catch (JexlException e) {
            throw new ExpressionFailure(this, describe(e), e);
        } catch (RuntimeException e) {
            throw new ExpressionFailure(this, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * JEXL's message without its own locator ("users.yaml@1:32", counted inside the expression
     * text, which reads like a wrong file position); ours names the place in the file.
     */
    static String describe(JexlException e) {
        var message = e.getMessage();
        var cut = message.indexOf(' ');
        var text = cut > 0 && message.substring(0, cut).contains("@") ? message.substring(cut + 1) : message;
        var cause = e.getCause();
        return cause == null || cause instanceof JexlException ? text : text + " (" + cause + ")";
    }

    /** Raised when an expression fails on a row; the engine adds the row's key. */
    public static final class ExpressionFailure extends RuntimeException {
        private final Expression expression;

        ExpressionFailure(Expression expression, String message, Throwable cause) {
            super(message, cause);
            this.expression = expression;
        }

        public Expression expression() {
            return expression;
        }
    }
}
