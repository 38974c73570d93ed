package upgrade.expr;

import org.apache.commons.jexl3.parser.ASTNumberLiteral;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;

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
            collect(ParseTree.of(expression), calls);
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
        ParseTree.lookupCall(node).filter(call -> call.method().equals("get") || call.method().equals("has"))
                .filter(call -> !call.arguments().isEmpty()).ifPresent(call -> {
                    var parts = call.arguments().stream().map(LookupCall::part).toList();
                    if (!parts.contains(null)) {
                        calls.add(new LookupCall(call.lookup(), parts));
                    }
                });
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collect(node.jjtGetChild(i), calls);
        }
    }

    /** A row column, a number or a text; null for anything else. */
    private static Object part(JexlNode node) {
        var column = ParseTree.rowColumn(node);
        if (column.isPresent()) {
            return new RowColumn(column.get());
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
