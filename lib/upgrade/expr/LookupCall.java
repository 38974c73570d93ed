package upgrade.expr;

import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.parser.ASTArguments;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTMethodNode;
import org.apache.commons.jexl3.parser.ASTNumberLiteral;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.Parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lookup an expression asks with a key made of the row's columns and constants only, such as
 * {@code lookup.v3_user.has(row.upload_user)}: its key for a row can be known before the row is
 * evaluated, so a page's keys are fetched at once without evaluating the rows to find them.
 *
 * @param lookup the lookup's name
 * @param parts  per key part, a {@link RowColumn} or the constant itself
 */
public record LookupCall(String lookup, List<Object> parts) {
    /** A key part read from the row. */
    public record RowColumn(String name) {}

    /** The key this call asks for {@code row}: the same values the expression passes. */
    public List<Object> key(Map<String, Object> row) {
        var key = new ArrayList<>(parts.size());
        for (var part : parts) {
            key.add(part instanceof RowColumn column ? row.get(column.name()) : part);
        }
        return key;
    }

    /**
     * The calls of {@code expression} whose keys are only row columns and constants (others, whose
     * keys depend on other answers, are found by evaluating the rows, as before). Found in JEXL's
     * parse tree, so the mapping's text is read by JEXL alone.
     */
    public static Set<LookupCall> in(String expression) {
        var calls = new LinkedHashSet<LookupCall>();
        try {
            collect(new Parser(expression).parse(null, new JexlFeatures(), expression, null), calls);
        } catch (RuntimeException e) {
            // not an expression JEXL reads (the mapping's loader reports that); no call known ahead
        }
        return calls;
    }

    /** The calls of all {@code expressions}. */
    public static Set<LookupCall> in(Collection<String> expressions) {
        var calls = new LinkedHashSet<LookupCall>();
        expressions.forEach(expression -> calls.addAll(in(expression)));
        return calls;
    }

    private static void collect(JexlNode node, Set<LookupCall> calls) {
        if (node instanceof ASTReference && node.jjtGetNumChildren() == 3 && node.jjtGetChild(0) instanceof ASTIdentifier root
                && root.getNamespace() == null && root.getName().equals("lookup") && node.jjtGetChild(1) instanceof ASTIdentifierAccess name
                && node.jjtGetChild(2) instanceof ASTMethodNode method && method.jjtGetNumChildren() == 2
                && method.jjtGetChild(0) instanceof ASTIdentifierAccess called
                && (called.getName().equals("get") || called.getName().equals("has"))
                && method.jjtGetChild(1) instanceof ASTArguments arguments && arguments.jjtGetNumChildren() > 0) {
            var parts = new ArrayList<>();
            for (int i = 0; i < arguments.jjtGetNumChildren(); i++) {
                var part = part(arguments.jjtGetChild(i));
                if (part == null) {
                    break;
                }
                parts.add(part);
            }
            if (parts.size() == arguments.jjtGetNumChildren()) {
                calls.add(new LookupCall(name.getName(), List.copyOf(parts)));
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collect(node.jjtGetChild(i), calls);
        }
    }

    /** A row column, a number or a text; null for anything else. */
    private static Object part(JexlNode node) {
        if (node instanceof ASTReference && node.jjtGetNumChildren() == 2 && node.jjtGetChild(0) instanceof ASTIdentifier root
                && root.getNamespace() == null && root.getName().equals("row") && node.jjtGetChild(1) instanceof ASTIdentifierAccess column) {
            return new RowColumn(column.getName());
        }
        if (node instanceof ASTNumberLiteral number) {
            return number.getLiteral();
        }
        if (node instanceof ASTStringLiteral text) {
            return text.getLiteral();
        }
        return null;
    }
}
