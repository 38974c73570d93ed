package upgrade.mapping;

import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.expr.Template;
import upgrade.rules.ColumnRule;
import upgrade.rules.RuleCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks mappings against the live schemas before any row is read: every table, column and
 * lookup a mapping names must exist, and every text column of a target table must get a value
 * when the target declares that text must not be NULL ({@link TargetDatabase}).
 * Identifiers reach SQL only after passing here, so a mapping file cannot inject SQL. One public
 * method per mapping kind, called by the kind ({@code upgrade.plan.MappingKind#validate}); each column
 * rule checks itself ({@link ColumnRule#check}) with what this gives it, and its {@code fit} is checked by {@link FitCheck}.
 */
public final class MappingValidator {
    private final Database source;
    private final Database target;
    private final Set<String> params;
    private final TargetDatabase declared;

    /**
     * @param source   the V2 database; null to check only mappings that read V3 alone ({@code phase: verify}):
     *                 {@code verify} opens only the V3 database, since V2's may be gone after the upgrade
     * @param declared what the mappings declare about the target as a whole (target.yaml)
     */
    public MappingValidator(Database source, Database target, Set<String> params, TargetDatabase declared) {
        this.source = source;
        this.target = target;
        this.params = params;
        this.declared = declared;
    }

    /** A {@code kind: rows} mapping. */
    public void validate(RowMapping mapping) {
        var origin = mapping.origin();
        var from = mapping.source() == null ? null
                : table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        if (from != null) {
            column(from, mapping.key(), origin.at("key"), "key");
        }
        mapping.lookups().values().forEach(this::validate);
        mapping.lets().values().forEach(let -> expression(let, from, mapping.lookups(), List.of()));
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
            rule.checkTarget(into, entry.getKey());
            rule(rule, from, mapping.lookups(), computed);
            FitCheck.check(mapping, into, entry.getKey(), rule, from);
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
        declared.requireTextFilled(mapping, into);
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
        rename.alsoUniqueIn().forEach(other -> uniqueIn(other, mapping, into));
    }

    /** An {@code also_unique_in} table: another V3 table, its columns, and this mapping's columns its {@code match} reads. */
    private void uniqueIn(RowMapping.UniqueIn other, RowMapping mapping, Table into) {
        var table = table(target, other.table(), other.where());
        if (table.name().equals(into.name())) {
            throw new MappingException(other.where(), "also_unique_in names " + into.name() + ", the table this mapping writes",
                    "its own unique keys already decide what collides there; name another table that shares the namespace, e.g. table: folders");
        }
        column(table, other.column(), other.where(), "the column of " + table.name() + " compared with the renamed value");
        other.match().forEach((theirs, ours) -> {
            column(table, theirs, other.where(), "a match column of " + table.name());
            if (!mapping.columns().containsKey(ours)) {
                throw new MappingException(other.where(), "also_unique_in matches " + table.name() + "." + theirs + " with '" + ours
                        + "', which no rule under 'columns' fills", "name one of: " + String.join(", ", mapping.columns().keySet()));
            }
        });
    }

    /** A {@code kind: key-value} mapping. */
    public void validate(KeyValueMapping mapping) {
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
        mapping.lets().values().forEach(let -> expression(let, null, Map.of(), List.of()));
        mapping.entries().values().forEach(e -> rule(e.rule(), null, Map.of(), List.of()));
        mapping.refuse().forEach(check -> expression(check.expression(), null, Map.of(), List.of()));
    }

    /** A {@code kind: files} mapping. */
    public void validate(FileMapping mapping) {
        var origin = mapping.origin();
        var from = table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        column(from, mapping.key(), origin.at("key"), "key");
        mapping.lookups().values().forEach(this::validate);
        mapping.lets().values().forEach(let -> expression(let, from, mapping.lookups(), List.of()));
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
        rule.check(new RuleCheck() {
            @Override
            public void sourceColumn(String column, Where where) {
                MappingValidator.sourceColumn(from, column, where);
            }

            @Override
            public void expression(Expression expression) {
                MappingValidator.this.expression(expression, from, lookups, computed);
            }

            @Override
            public void lookup(String name, Where where) {
                if (!lookups.containsKey(name)) {
                    throw unknownLookup(name, where, lookups);
                }
            }

            @Override
            public Table targetTable(String name, Where where) {
                return table(target, name, where);
            }

            @Override
            public void column(Table table, String column, Where where, String role) {
                MappingValidator.column(table, column, where, role);
            }
        });
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
                case "val" -> { } // the loader checked the name; what the value reads is among these paths too
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
        return new MappingException(where, "no lookup named '" + name + "' is declared in this file or in lookups.yaml",
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
