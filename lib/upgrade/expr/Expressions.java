package upgrade.expr;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;
import upgrade.mapping.YamlNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles mapping expressions with Apache Commons JEXL. Expressions are side-effect free: no
 * loops, no assignments to outside variables, no object creation, and only our own helper
 * types plus the JDK's plain value types are reachable, so a mapping file cannot run code.
 */
public final class Expressions {
    /**
     * The variables an expression may read ({@code conflict} only in an {@code on_conflict} expression, which the
     * validator checks; {@code val}: the mapping's {@code let:} values, which the loader checks).
     */
    public static final Set<String> ROOTS = Set.of("row", "param", "lookup", "col", "conflict", "val");

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .methodCall(true)
            .lambda(false)
            .script(false)
            .pragma(false)
            .importPragma(false)
            .namespacePragma(false)
            .annotation(false)
            .register(false);

    private final JexlEngine engine;

    /** An engine whose {@code fn:} namespace is {@code builtins}. */
    public Expressions(Builtins builtins) {
        this.engine = new JexlBuilder()
                .features(FEATURES)
                .permissions(JexlPermissions.RESTRICTED.compose("upgrade.expr.*"))
                .namespaces(Map.of("fn", builtins))
                .arithmetic(new MappingArithmetic())
                .strict(true)
                .safe(false)
                .silent(false)
                .collectMode(2)
                .cache(512)
                .create();
    }

    /** Compiles a message template ({@code ${expression}} parts); errors fail at {@code where}. */
    public Template template(String text, Where where) {
        try {
            var template = engine.createJxltEngine().createTemplate(new JexlInfo(where.file(), where.line(), where.column()), "$$", new java.io.StringReader(text));
            var variables = new HashSet<List<String>>();
            for (var path : template.getVariables()) {
                variables.add(List.copyOf(path));
                if (!ROOTS.contains(path.get(0))) {
                    throw new MappingException(where, "the message reads an unknown variable '" + path.get(0) + "'",
                            "messages may use ${row.COLUMN}, ${param.NAME}, ${lookup.NAME.get(...)} and ${val.NAME}");
                }
            }
            return new Template(text, where, template, Set.copyOf(variables));
        } catch (JexlException e) {
            throw new MappingException(where, "the message '" + text + "' is not a valid template: " + Expression.describe(e),
                    "write expressions as ${...}; a literal $ as \\$", e);
        }
    }

    private static final Pattern FUNCTION_CALL = Pattern.compile("\\bfn\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    /** Compiles {@code text}; syntax errors, unknown variables and unknown functions fail at {@code where}. */
    public Expression compile(String text, Where where) {
        // JEXL resolves namespace functions only when it calls them; a misspelt one should fail now.
        var calls = FUNCTION_CALL.matcher(text);
        while (calls.find()) {
            var name = calls.group(1);
            if (!Builtins.NAMES.contains(name)) {
                throw new MappingException(where, "unknown function 'fn:" + name + "'",
                        YamlNode.didYouMean(name, Builtins.NAMES).map(s -> "did you mean 'fn:" + s + "'? ").orElse("")
                                + "functions: " + String.join(", ", Builtins.NAMES.stream().sorted().toList()));
            }
        }
        try {
            var script = engine.createScript(FEATURES, new JexlInfo(where.file(), where.line(), where.column()), text);
            var variables = new HashSet<List<String>>();
            for (var path : script.getVariables()) {
                variables.add(List.copyOf(path));
                if (!ROOTS.contains(path.get(0))) {
                    throw new MappingException(where, "the expression reads an unknown variable '" + path.get(0) + "'",
                            "expressions may read row.COLUMN (the source row), col.NAME (a column this rule set computed above), "
                                    + "param.NAME (run parameters), lookup.NAME and val.NAME (the file's let: values); "
                                    + "quote text values like 'this'");
                }
            }
            return new Expression(text, where, script, Set.copyOf(variables));
        } catch (JexlException e) {
            throw new MappingException(where, "the expression '" + text + "' is not valid: " + Expression.describe(e),
                    "see docs/mapping-reference.md, section Expressions", e);
        }
    }
}
