package upgrade.mapping;

import upgrade.expr.Expression;
import upgrade.expr.Expressions;
import upgrade.expr.LookupCall;
import upgrade.expr.Template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the expressions of one mapping file. Its {@code let:} section names expressions the
 * others read as {@code val.NAME} (JEXL reserves {@code let} and {@code var}); the engine works
 * each out once per row, at its first use. An expression compiled here also counts as reading what
 * the let values it reads read (row columns, lookups, parameters), so the validator, the drift
 * report and traces see through them. The lookups the file reads are noted, so that those it does
 * not declare can come from lookups.yaml.
 */
final class Scope {
    /** How expressions read the let values: {@code val.NAME}. */
    static final String ROOT = "val";

    private final Expressions expressions;
    private final String file;
    private final Map<String, Expression> lets;
    private final Map<String, Where> lookupsRead = new LinkedHashMap<>();
    private final Set<LookupCall> lookupCalls = new LinkedHashSet<>();

    /** @param let the file's {@code let:} section, if it has one */
    Scope(Expressions expressions, String file, Optional<YamlNode> let) {
        this.expressions = expressions;
        this.file = file;
        var written = new LinkedHashMap<String, Expression>();
        let.ifPresent(node -> node.entries().forEach(e -> written.put(e.getKey(), let(e.getKey(), e.getValue()))));
        var expanded = new LinkedHashMap<String, Expression>();
        written.keySet().forEach(name -> expand(name, written, expanded, new ArrayList<>()));
        this.lets = Collections.unmodifiableMap(expanded);
        expanded.values().forEach(value -> note(value.variables(), value.where()));
    }

    /** The let values by name, each also reading what the let values it reads read. */
    Map<String, Expression> lets() {
        return lets;
    }

    /** The lookups the file's expressions and lookup rules read, each with where it is first read. */
    Map<String, Where> lookupsRead() {
        return Collections.unmodifiableMap(lookupsRead);
    }

    void readsLookup(String name, Where where) {
        lookupsRead.putIfAbsent(name, where);
    }

    /** The lookups the file's expressions and rules ask with keys of row columns and constants only ({@link LookupCall}). */
    Set<LookupCall> lookupCalls() {
        return Collections.unmodifiableSet(lookupCalls);
    }

    void callsLookup(LookupCall call) {
        lookupCalls.add(call);
    }

    Expression compile(String text, Where where) {
        var expression = expressions.compile(text, where);
        lookupCalls.addAll(LookupCall.in(text));
        return new Expression(text, where, expression.script(), through(expression.variables(), where));
    }

    Template template(String text, Where where) {
        var template = expressions.template(text, where);
        return new Template(template.text(), where, template.template(), through(template.variables(), where));
    }

    /** {@code variables} and what the let values among them read. */
    private Set<List<String>> through(Set<List<String>> variables, Where where) {
        var all = new HashSet<>(variables);
        for (var path : variables) {
            if (path.get(0).equals(ROOT) && path.size() > 1) {
                var value = lets.get(path.get(1));
                if (value == null) {
                    throw unknown(path.get(1), where, lets.keySet());
                }
                all.addAll(value.variables());
            }
        }
        note(all, where);
        return Set.copyOf(all);
    }

    private void note(Set<List<String>> variables, Where where) {
        variables.stream().filter(path -> path.size() > 1 && path.get(0).equals("lookup")).forEach(path -> readsLookup(path.get(1), where));
    }

    private Expression let(String name, YamlNode node) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MappingException(node.keyWhere(), "the let value '" + name + "' cannot be read in expressions as " + ROOT + "." + name,
                    "name it with letters, digits and _, e.g. owner_id");
        }
        var expression = expressions.compile(node.text(), node.where());
        lookupCalls.addAll(LookupCall.in(node.text()));
        for (var path : expression.variables()) {
            if (path.get(0).equals("col") || path.get(0).equals("conflict")) {
                throw new MappingException(node.where(), "the let value '" + name + "' reads " + String.join(".", path)
                        + ", but let values are worked out once per row, apart from the columns",
                        "read " + String.join(".", path) + " in the rule itself; let values may read row, param, lookup and " + ROOT);
            }
        }
        return expression;
    }

    private Expression expand(String name, Map<String, Expression> written, Map<String, Expression> done, List<String> path) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        var expression = written.get(name);
        if (path.contains(name)) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new MappingException(expression.where(), "the let values form a cycle: " + String.join(" -> ", cycle),
                    "a let value may read other let values, but not itself through them");
        }
        path.add(name);
        var variables = new HashSet<>(expression.variables());
        for (var read : expression.variables()) {
            if (read.get(0).equals(ROOT) && read.size() > 1) {
                if (!written.containsKey(read.get(1))) {
                    throw unknown(read.get(1), expression.where(), written.keySet());
                }
                variables.addAll(expand(read.get(1), written, done, path).variables());
            }
        }
        path.remove(path.size() - 1);
        var expanded = new Expression(expression.text(), expression.where(), expression.script(), Set.copyOf(variables));
        done.put(name, expanded);
        return expanded;
    }

    private MappingException unknown(String name, Where where, Collection<String> known) {
        return new MappingException(where, "'" + ROOT + "." + name + "' is not defined under 'let:' in " + file,
                YamlNode.didYouMean(name, known).map(s -> "did you mean '" + ROOT + "." + s + "'? ").orElse("")
                        + (known.isEmpty() ? "define it, e.g. let: {" + name + ": \"row.COLUMN\"}"
                        : "'let:' there defines: " + String.join(", ", known)));
    }
}
