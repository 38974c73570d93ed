package upgrade.mapping;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.expr.Template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks mappings against the live schemas before any row is read: every table, column and
 * lookup a mapping names must exist, and every text column of a target table must get a value
 * when the target declares that text must not be NULL.
 * Identifiers reach SQL only after passing here, so a mapping file cannot inject SQL.
 */
public final class MappingValidator {
    private final Database source;
    private final Database target;
    private final Set<String> params;

    /** @param source the V2 database; null to check only what reads V3 (see {@link #validateVerify}) */
    public MappingValidator(Database source, Database target, Set<String> params) {
        this.source = source;
        this.target = target;
        this.params = params;
    }

    public void validate(MappingSet set) {
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows) {
                validate(rows, set.target());
            } else if (mapping instanceof KeyValueMapping keyValue) {
                validate(keyValue);
            } else if (mapping instanceof FileMapping files) {
                validate(files);
            }
        }
    }

    /**
     * Checks only the {@code phase: verify} mappings, which must read nothing but V3: {@code verify}
     * opens only the V3 database, since V2's may be gone after the upgrade.
     */
    public void validateVerify(MappingSet set) {
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows && rows.phase() == Phase.VERIFY) {
                validate(rows, set.target());
            }
        }
    }

    private void validate(RowMapping mapping, TargetDatabase targetDatabase) {
        var origin = mapping.origin();
        var from = mapping.source() == null ? null
                : table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        if (from != null) {
            column(from, mapping.key(), origin.at("key"), "key");
        }
        mapping.lookups().values().forEach(this::validate);
        // only, skip and refuse run before any column is computed; notes and exports after all of them.
        for (var condition : concat(mapping.only(), mapping.skip())) {
            condition(condition, from, mapping.lookups(), List.of());
        }
        if (from == null && !mapping.refuse().isEmpty()) {
            throw new MappingException(origin.at("refuse"), "'refuse' checks rows, but this mapping has no source",
                    "add source: TABLE, or use 'require' for checks made once");
        }
        for (var check : mapping.refuse()) {
            expression(check.expression(), from, mapping.lookups(), List.of());
            template(check.message(), from, mapping.lookups());
        }
        for (var check : mapping.require()) {
            expression(check.expression(), null, mapping.lookups(), List.of()); // evaluated once, without a row
            template(check.message(), null, mapping.lookups());
        }
        if (mapping.write() == WriteMode.NONE) {
            return;
        }
        var into = table(target, mapping.target(), origin.at("target"));
        mapping.targetKey().forEach(c -> column(into, c, origin.at("target_key"), "target_key"));
        var computed = new ArrayList<String>();
        for (var entry : mapping.columns().entrySet()) {
            var rule = entry.getValue();
            column(into, entry.getKey(), rule.where(), "a target column");
            if (rule instanceof ColumnRule.Constant constant && constant.value() instanceof String text
                    && into.column(entry.getKey()).orElseThrow().isInteger() && !text.matches("-?[0-9]+")) {
                throw new MappingException(rule.where(), "the value '" + text + "' for " + into.name() + "." + entry.getKey()
                        + " is text, but the column holds whole numbers", "write a number, e.g. {value: 0}");
            }
            rule(rule, from, mapping.lookups(), computed);
            fit(mapping, into, entry.getKey(), rule, from);
            computed.add(entry.getKey());
        }
        for (var condition : mapping.notes()) {
            condition(condition, from, mapping.lookups(), computed);
        }
        if (mapping.onConflict() != null) {
            onConflict(mapping.onConflict(), mapping, into, from, computed);
        }
        if (mapping.export() != null) {
            mapping.export().columns().values().forEach(rule -> rule(rule, from, mapping.lookups(), computed));
        }
        targetDatabase.requireTextFilled(mapping, into);
    }

    private void onConflict(RowMapping.Rename rename, RowMapping mapping, Table into, Table from, List<String> computed) {
        if (!mapping.columns().containsKey(rename.column())) {
            throw new MappingException(rename.where(), "on_conflict renames '" + rename.column()
                    + "', which no rule under 'columns' fills", "name one of: " + String.join(", ", mapping.columns().keySet()));
        }
        if (rename.expr() != null) {
            expression(rename.expr(), from, mapping.lookups(), computed, true);
        }
        rename.takenBy().forEach(c -> column(into, c, rename.where(), "on_conflict taken_by"));
    }

    /**
     * A rule's {@code fit} against its target column: {@code exact} needs a text the validator can
     * see fits; a json rule must not be cut; {@code fit} means nothing for columns that are not text.
     */
    private void fit(RowMapping mapping, Table into, String name, ColumnRule rule, Table from) {
        var column = into.column(name).orElseThrow();
        var explicit = mapping.fits().get(name);
        var where = into.name() + "." + column.name();
        if (explicit != null && !column.isText()) {
            throw new MappingException(rule.where(), "'fit' applies to text columns; " + where + " is " + column.typeName(),
                    "remove 'fit' from this rule");
        }
        if (explicit == Fit.CUT && rule instanceof ColumnRule.Json) {
            throw new MappingException(rule.where(), "a json rule's text must not be cut: cut JSON does not parse",
                    "remove 'fit: cut' (json rules are never cut; a longer text stops the run), or keep the JSON short");
        }
        if (mapping.fit(name) != Fit.EXACT || column.maxChars() == 0) {
            return;
        }
        var longest = longest(rule, from);
        if (longest.isEmpty() || longest.getAsInt() > column.maxChars()) {
            throw new MappingException(rule.where(), where + " must not be cut (fit: exact), but this rule could give a text longer than its "
                    + column.maxChars() + " characters" + (longest.isPresent() ? " (up to " + longest.getAsInt() + ")" : ""),
                    "make the rule's text fit (copy a column no longer than it, or end in fn:truncate(..., " + column.maxChars()
                            + ") or fn:fitName(..., " + column.maxChars() + ")); or let a longer text be cut and noted (remove 'fit'); "
                            + "or, for a text a cut would break that the mapping keeps short by other means, fit: stop (a longer one stops the run)");
        }
    }

    private static final Pattern BOUNDED = Pattern.compile("fn:(?:truncate|fitName)\\((.*),\\s*([0-9]+)\\s*\\)", Pattern.DOTALL);

    /**
     * The most characters a rule can give, when it can be seen without running it: a copied
     * column's declared length, a constant's, a map's values (and its column's, when it keeps
     * unlisted values), the longest of {@code first}'s alternatives, or an expression that as a
     * whole is {@code fn:truncate(..., n)} or {@code fn:fitName(..., n)}. Empty when unknown.
     */
    private static OptionalInt longest(ColumnRule rule, Table from) {
        if (rule instanceof ColumnRule.Copy copy) {
            return from == null ? OptionalInt.empty() : declared(from.column(copy.column()).orElseThrow());
        }
        if (rule instanceof ColumnRule.Constant constant) {
            return OptionalInt.of(length(constant.value()));
        }
        if (rule instanceof ColumnRule.Expr expr) {
            var bounded = BOUNDED.matcher(expr.expression().text().strip());
            return bounded.matches() && balanced(bounded.group(1)) ? OptionalInt.of(Integer.parseInt(bounded.group(2))) : OptionalInt.empty();
        }
        if (rule instanceof ColumnRule.MapValues map) {
            var values = map.map().values().values().stream().mapToInt(MappingValidator::length).max().orElse(0);
            var otherwise = map.map().otherwise();
            if (otherwise instanceof ValueMap.Otherwise.Keep) {
                var kept = longest(new ColumnRule.Copy(map.where(), map.column()), from);
                return kept.isEmpty() ? kept : OptionalInt.of(Math.max(values, kept.getAsInt()));
            }
            return OptionalInt.of(Math.max(values, otherwise instanceof ValueMap.Otherwise.Use use ? length(use.value()) : 0));
        }
        if (rule instanceof ColumnRule.First first) {
            var most = 0;
            for (var alternative : first.alternatives()) {
                var one = longest(alternative, from);
                if (one.isEmpty()) {
                    return one;
                }
                most = Math.max(most, one.getAsInt());
            }
            return OptionalInt.of(most);
        }
        return OptionalInt.empty(); // lookups, json, ensure: not seen without running
    }

    private static OptionalInt declared(Column column) {
        if (column.isInteger()) {
            return OptionalInt.of(20); // a BIGINT's digits and sign
        }
        return column.isText() && column.maxChars() > 0 ? OptionalInt.of(column.maxChars()) : OptionalInt.empty();
    }

    private static int length(Object value) {
        var text = value == null ? "" : value.toString();
        return text.codePointCount(0, text.length());
    }

    /**
     * Whether the text between {@code fn:truncate(} and the final {@code , n)} is one argument
     * (its parentheses close within it, quotes aside), so that the call is the whole expression
     * and not e.g. {@code fn:truncate(a, 5) + fn:truncate(b, 5)}.
     */
    private static boolean balanced(String argument) {
        var depth = 0;
        char quote = 0;
        for (int i = 0; i < argument.length(); i++) {
            var c = argument.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    private void validate(KeyValueMapping mapping) {
        var origin = mapping.origin();
        var from = table(source, mapping.source(), origin.at("source"));
        var into = table(target, mapping.target(), origin.at("target"));
        column(from, mapping.key(), origin.at("key"), "key");
        column(from, mapping.sourceName(), origin.at("source_columns"), "source_columns.name");
        column(from, mapping.sourceValue(), origin.at("source_columns"), "source_columns.value");
        column(into, mapping.targetName(), origin.at("target_columns"), "target_columns.name");
        column(into, mapping.targetValue(), origin.at("target_columns"), "target_columns.value");
        if (mapping.targetType() != null) {
            column(into, mapping.targetType(), origin.at("target_columns"), "target_columns.type");
        }
        // Source "columns" here are option names, which are data: they are checked per run, not against the schema.
        mapping.entries().values().forEach(e -> rule(e.rule(), null, Map.of(), List.of()));
        mapping.refuse().forEach(check -> expression(check.expression(), null, Map.of(), List.of()));
    }

    private void validate(FileMapping mapping) {
        var origin = mapping.origin();
        var from = table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        column(from, mapping.key(), origin.at("key"), "key");
        mapping.lookups().values().forEach(this::validate);
        for (var condition : concat(mapping.only(), mapping.skip())) {
            condition(condition, from, mapping.lookups(), List.of());
        }
        for (var item : mapping.files()) {
            if (item.from() != null) {
                expression(item.from(), from, mapping.lookups(), List.of());
            }
            expression(item.to(), from, mapping.lookups(), List.of());
        }
    }

    private void validate(LookupSpec lookup) {
        var database = lookup.side() == Side.SOURCE ? source : target;
        var table = table(database, lookup.table(), lookup.where());
        lookup.key().forEach(key -> column(table, key, lookup.where(), "lookup key"));
        lookup.match().keySet().forEach(match -> column(table, match, lookup.where(), "lookup match"));
        if (lookup.value() != null) {
            column(table, lookup.value(), lookup.where(), "lookup value");
        }
        if (lookup.sum() != null) {
            column(table, lookup.sum(), lookup.where(), "lookup sum");
        }
    }

    private void rule(ColumnRule rule, Table from, Map<String, LookupSpec> lookups, List<String> computed) {
        if (rule instanceof ColumnRule.Copy copy) {
            sourceColumn(from, copy.column(), copy.where());
        } else if (rule instanceof ColumnRule.MapValues map) {
            sourceColumn(from, map.column(), map.where());
        } else if (rule instanceof ColumnRule.Expr expr) {
            expression(expr.expression(), from, lookups, computed);
        } else if (rule instanceof ColumnRule.Lookup lookup) {
            if (!lookups.containsKey(lookup.lookup())) {
                throw unknownLookup(lookup.lookup(), lookup.where(), lookups);
            }
            rule(lookup.key(), from, lookups, computed);
        } else if (rule instanceof ColumnRule.Json json) {
            json.fieldRules().values().forEach(r -> rule(r, from, lookups, computed));
        } else if (rule instanceof ColumnRule.First first) {
            first.alternatives().forEach(r -> rule(r, from, lookups, computed));
        } else if (rule instanceof ColumnRule.Ensure ensure) {
            var table = table(target, ensure.table(), ensure.where());
            for (var entry : concat(List.copyOf(ensure.match().entrySet()), List.copyOf(ensure.set().entrySet()))) {
                column(table, entry.getKey(), entry.getValue().where(), "a column of " + table.name());
                rule(entry.getValue(), from, lookups, computed);
            }
            column(table, ensure.value(), ensure.where(), "ensure value");
        }
    }

    private void expression(Expression expression, Table from, Map<String, LookupSpec> lookups, List<String> computed) {
        expression(expression, from, lookups, computed, false);
    }

    /** {@code inConflict}: an {@code on_conflict} expression, which may read {@code conflict.n} too. */
    private void expression(Expression expression, Table from, Map<String, LookupSpec> lookups, List<String> computed, boolean inConflict) {
        for (var path : expression.variables()) {
            var root = path.get(0);
            if (path.size() < 2) {
                throw new MappingException(expression.where(), "'" + root + "' is used on its own",
                        "read one of its fields, e.g. " + root + ".NAME");
            }
            var name = path.get(1);
            switch (root) {
                case "row" -> sourceColumn(from, name, expression.where());
                case "param" -> {
                    if (!params.contains(name)) {
                        throw new MappingException(expression.where(), "unknown parameter 'param." + name + "'",
                                YamlNode.didYouMean(name, params).map(s -> "did you mean 'param." + s + "'? ").orElse("")
                                        + "parameters: " + String.join(", ", params.stream().sorted().toList()));
                    }
                }
                case "lookup" -> {
                    if (!lookups.containsKey(name)) {
                        throw unknownLookup(name, expression.where(), lookups);
                    }
                }
                case "col" -> {
                    if (!computed.contains(name)) {
                        throw new MappingException(expression.where(), "'col." + name + "' is not a column computed above this rule",
                                computed.isEmpty() ? "col.NAME reads a column whose rule comes earlier under 'columns'"
                                        : "columns computed above: " + String.join(", ", computed));
                    }
                }
                case "conflict" -> {
                    if (!inConflict || !name.equals("n")) {
                        throw new MappingException(expression.where(), "'conflict." + name + "' is not known here",
                                "conflict.n (the try: 2, 3, ...) is known only in an on_conflict expression");
                    }
                }
                default -> throw new IllegalStateException(root);
            }
        }
    }

    private void condition(Condition condition, Table from, Map<String, LookupSpec> lookups, List<String> computed) {
        expression(condition.when(), from, lookups, computed);
        if (condition.template() != null) {
            template(condition.template(), from, lookups, computed);
        }
    }

    private void template(Template template, Table from, Map<String, LookupSpec> lookups) {
        template(template, from, lookups, List.of());
    }

    private void template(Template template, Table from, Map<String, LookupSpec> lookups, List<String> computed) {
        var asExpression = new Expression(template.text(), template.where(), null, template.variables());
        expression(asExpression, from, lookups, computed);
    }

    private static MappingException unknownLookup(String name, Where where, Map<String, LookupSpec> lookups) {
        return new MappingException(where, "no lookup named '" + name + "' is declared in this file",
                lookups.isEmpty() ? "declare it under 'lookups:', e.g. " + name + ": {target: TABLE, key: id}"
                        : "declared lookups: " + String.join(", ", lookups.keySet()));
    }

    private static void sourceColumn(Table from, String column, Where where) {
        if (from != null) {
            column(from, column, where, "a source column");
        }
    }

    private static Table table(Database database, String logicalName, Where where) {
        if (database == null) {
            throw new MappingException(where, "this reads the V2 table '" + logicalName + "', but V3's rules are checked on the V3 database alone"
                    + " (V2's may be gone after the upgrade)", "read V3's tables only: source: {target: TABLE}, and lookups with 'target:'");
        }
        try {
            return database.table(logicalName);
        } catch (DatabaseException e) {
            throw new MappingException(where, e.getMessage(), e.hint(), e);
        }
    }

    private static void column(Table table, String column, Where where, String role) {
        if (table.column(column).isEmpty()) {
            throw new MappingException(where, "'" + column + "' (" + role + ") is not a column of " + table.name(),
                    YamlNode.didYouMean(column, table.columnNames()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "columns of " + table.name() + ": " + String.join(", ", table.columnNames()));
        }
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
