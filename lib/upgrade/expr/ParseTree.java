package upgrade.expr;

import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.parser.ASTArguments;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTMethodNode;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the engine recognises in a mapping expression as JEXL's own parser reads it: a row's
 * column ({@code row.NAME}) and a lookup's method call ({@code lookup.NAME.get(...)}). Whoever
 * works out something from an expression without evaluating it (the keys a page will ask, a
 * check's SQL form) reads the same tree the same way.
 */
public final class ParseTree {
    /** {@code lookup.NAME.METHOD(ARGUMENTS)}. */
    public record Call(String lookup, String method, List<JexlNode> arguments) {}

    private ParseTree() {}

    /** The parse tree of {@code expression}; JEXL's exception when it is no expression. */
    public static JexlNode of(String expression) {
        return new Parser(expression).parse(null, new JexlFeatures(), expression, null);
    }

    /** The column of {@code row.NAME}; empty for anything else. */
    public static Optional<String> rowColumn(JexlNode node) {
        return node instanceof ASTReference && node.jjtGetNumChildren() == 2 && isRoot(node.jjtGetChild(0), "row")
                && node.jjtGetChild(1) instanceof ASTIdentifierAccess column ? Optional.of(column.getName()) : Optional.empty();
    }

    /** The lookup, method and arguments of {@code lookup.NAME.METHOD(...)}; empty for anything else. */
    public static Optional<Call> lookupCall(JexlNode node) {
        if (node instanceof ASTReference && node.jjtGetNumChildren() == 3 && isRoot(node.jjtGetChild(0), "lookup")
                && node.jjtGetChild(1) instanceof ASTIdentifierAccess name && node.jjtGetChild(2) instanceof ASTMethodNode method
                && method.jjtGetNumChildren() == 2 && method.jjtGetChild(0) instanceof ASTIdentifierAccess called
                && method.jjtGetChild(1) instanceof ASTArguments arguments) {
            var nodes = new ArrayList<JexlNode>();
            for (int i = 0; i < arguments.jjtGetNumChildren(); i++) {
                nodes.add(arguments.jjtGetChild(i));
            }
            return Optional.of(new Call(name.getName(), called.getName(), List.copyOf(nodes)));
        }
        return Optional.empty();
    }

    private static boolean isRoot(JexlNode node, String name) {
        return node instanceof ASTIdentifier identifier && identifier.getNamespace() == null && identifier.getName().equals(name);
    }
}
