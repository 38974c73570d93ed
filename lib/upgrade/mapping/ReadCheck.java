package upgrade.mapping;

import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.expr.Template;
import upgrade.rules.RuleCheck;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one part of a mapping reads, checked against the live schemas for {@link MappingValidator}:
 * the source table's columns ({@code row.NAME}), the run's parameters, the declared lookups and the
 * columns computed above ({@code col.NAME}). Column rules check themselves with it ({@link RuleCheck}).
 *
 * @param from          the table rows are read from; null where there is no row (then source columns are not checked)
 * @param computed      the target columns computed so far (the validator adds to it as it goes down the columns)
 * @param conflictKnown whether {@code conflict.n} may be read (in an {@code on_conflict} expression)
 */
record ReadCheck(Database target, Set<String> params, Table from, Map<String, LookupSpec> lookups, List<String> computed,
                 boolean conflictKnown) implements RuleCheck {

    ReadCheck(Database target, Set<String> params, Table from, Map<String, LookupSpec> lookups, List<String> computed) {
        this(target, params, from, lookups, computed, false);
    }

    /** The same, without a row: for what is worked out once ({@code require}). */
    ReadCheck withoutRow() {
        return new ReadCheck(target, params, null, lookups, computed, conflictKnown);
    }

    /** The same, in an {@code on_conflict} expression, which may read {@code conflict.n} too. */
    ReadCheck inConflict() {
        return new ReadCheck(target, params, from, lookups, computed, true);
    }

    @Override
    public void sourceColumn(String column, Where where) {
        if (from != null) {
            column(from, column, where, "a source column");
        }
    }

    @Override
    public void expression(Expression expression) {
        for (var path : expression.variables()) {
            var root = path.get(0);
            if (path.size() < 2) {
                throw new MappingException(expression.where(), "'" + root + "' is used on its own",
                        "read one of its fields, e.g. " + root + ".NAME");
            }
            var name = path.get(1);
            switch (root) {
                case "row" -> sourceColumn(name, expression.where());
                case "param" -> {
                    if (!params.contains(name)) {
                        throw new MappingException(expression.where(), "unknown parameter 'param." + name + "'",
                                YamlNode.didYouMean(name, params).map(s -> "did you mean 'param." + s + "'? ").orElse("")
                                        + "parameters: " + String.join(", ", params.stream().sorted().toList()));
                    }
                }
                case "lookup" -> lookup(name, expression.where());
                case "col" -> {
                    if (!computed.contains(name)) {
                        throw new MappingException(expression.where(), "'col." + name + "' is not a column computed above this rule",
                                computed.isEmpty() ? "col.NAME reads a column whose rule comes earlier under 'columns'"
                                        : "columns computed above: " + String.join(", ", computed));
                    }
                }
                case "val" -> { } // the loader checked the name; what the value reads is among these paths too
                case "conflict" -> {
                    if (!conflictKnown || !name.equals("n")) {
                        throw new MappingException(expression.where(), "'conflict." + name + "' is not known here",
                                "conflict.n (the try: 2, 3, ...) is known only in an on_conflict expression");
                    }
                }
                default -> throw new IllegalStateException(root);
            }
        }
    }

    void condition(Condition condition) {
        expression(condition.when());
        if (condition.template() != null) {
            template(condition.template());
        }
    }

    void template(Template template) {
        expression(new Expression(template.text(), template.where(), null, template.variables()));
    }

    @Override
    public void lookup(String name, Where where) {
        if (!lookups.containsKey(name)) {
            throw new MappingException(where, "no lookup named '" + name + "' is declared in this file or in lookups.yaml",
                    lookups.isEmpty() ? "declare it under 'lookups:', e.g. " + name + ": {target: TABLE, key: id}"
                            : "declared lookups: " + String.join(", ", lookups.keySet()));
        }
    }

    @Override
    public Table targetTable(String name, Where where) {
        return table(target, name, where);
    }

    @Override
    public void column(Table table, String column, Where where, String role) {
        columnOf(table, column, where, role);
    }

    /** That {@code column} is a column of {@code table}; {@code role} says what it is for, in the error. */
    static void columnOf(Table table, String column, Where where, String role) {
        if (table.column(column).isEmpty()) {
            throw new MappingException(where, "'" + column + "' (" + role + ") is not a column of " + table.name(),
                    YamlNode.didYouMean(column, table.columnNames()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "columns of " + table.name() + ": " + String.join(", ", table.columnNames()));
        }
    }

    /** A table of {@code database}; null {@code database}: V2's, which {@code verify} does not open. */
    static Table table(Database database, String logicalName, Where where) {
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
}
