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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles mapping expressions with Apache Commons JEXL. Expressions are side-effect free: no
 * loops, no assignments to outside variables, no object creation, and only our own helper
 * types, the installed function packs and the JDK's plain value types are reachable, so a
 * mapping file cannot run code. Functions are {@code fn:NAME(...)} (the {@link Builtins}) and
 * {@code NAMESPACE:NAME(...)} (a {@link FunctionPack}).
 */
public final class Expressions {
    /** The namespace of the built-in functions. */
    public static final String BUILT_INS = "fn";

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
    /** Per namespace, the names of its functions. */
    private final Map<String, List<String>> functions = new LinkedHashMap<>();

    /** An engine whose {@code fn:} namespace is {@code builtins}, with the packs installed for this process ({@link FunctionPacks}). */
    public Expressions(Builtins builtins) {
        this(builtins, FunctionPacks.installed());
    }

    /** An engine whose {@code fn:} namespace is {@code builtins}, with these packs and no others. */
    public Expressions(Builtins builtins, List<FunctionPack> packs) {
        var namespaces = new LinkedHashMap<String, Object>();
        namespaces.put(BUILT_INS, builtins);
        functions.put(BUILT_INS, Builtins.NAMES.stream().sorted().toList());
        var reachable = new ArrayList<>(List.of("upgrade.expr.*"));
        for (var pack : packs) {
            namespaces.put(pack.namespace(), pack);
            functions.put(pack.namespace(), pack.functionNames());
            reachable.add(pack.getClass().getPackageName() + ".*");
        }
        this.engine = new JexlBuilder()
                .features(FEATURES)
                .permissions(JexlPermissions.RESTRICTED.compose(reachable.toArray(String[]::new)))
                .namespaces(Map.copyOf(namespaces))
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

    /** A namespace call as JEXL prints a parsed script ({@code fn:time(...)}; a ternary's colon has spaces around it). */
    private static final Pattern FUNCTION_CALL = Pattern.compile("(?<![\\w.$])([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern TEXT_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    /** Compiles {@code text}; syntax errors, unknown variables and unknown functions fail at {@code where}. */
    public Expression compile(String text, Where where) {
        try {
            var script = engine.createScript(FEATURES, new JexlInfo(where.file(), where.line(), where.column()), text);
            // JEXL resolves namespace functions only when it calls them; a misspelt one should fail now.
            checkFunctions(script.getParsedText(), where);
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

    private void checkFunctions(String parsed, Where where) {
        var calls = FUNCTION_CALL.matcher(TEXT_LITERAL.matcher(parsed).replaceAll("''"));
        while (calls.find()) {
            var namespace = calls.group(1);
            var name = calls.group(2);
            var known = functions.get(namespace);
            if (known == null) {
                throw new MappingException(where, "unknown function '" + namespace + ":" + name + "': no function pack '" + namespace + "' is installed",
                        "functions are " + String.join(", ", functions.keySet().stream().map(n -> n + ":NAME").toList())
                                + "; a function pack is installed by the script that runs the upgrade");
            }
            if (!known.contains(name)) {
                throw new MappingException(where, "unknown function '" + namespace + ":" + name + "'",
                        YamlNode.didYouMean(name, known).map(s -> "did you mean '" + namespace + ":" + s + "'? ").orElse("")
                                + (namespace.equals(BUILT_INS) ? "functions: " : "functions of " + namespace + ": ") + String.join(", ", known));
            }
        }
    }

    /** Per namespace ({@code fn} first, then each pack), the names of its functions, sorted. */
    public Map<String, List<String>> functions() {
        return java.util.Collections.unmodifiableMap(functions);
    }
}
