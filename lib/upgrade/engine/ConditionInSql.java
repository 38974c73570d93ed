package upgrade.engine;

import org.apache.commons.jexl3.parser.*; // the parse tree's node types, one class each
import upgrade.db.Column;
import upgrade.db.Dialect;
import upgrade.db.Table;
import upgrade.db.TextComparison;
import upgrade.engine.SqlTerm.Kind;
import upgrade.expr.Expression;
import upgrade.expr.ParseTree;
import upgrade.mapping.LookupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A check's condition as one SQL condition on the row, so the database tests every row itself
 * instead of sending each one to be evaluated here (verification of a million files is then a
 * few queries, not a million evaluations).
 *
 * <p>Only what has the same meaning in SQL as in the mapping's expression is written out:
 * {@code !}, {@code &&}, {@code ||}, {@code ? :}, comparisons, {@code null}, numbers, text,
 * {@code row.COLUMN}, and {@code lookup.NAME.get(...)} / {@code .has(...)} of lookups in the same
 * database, whose keys compare as the lookups compare them (a key column of another collation
 * than the column compared with it gives no SQL form). Text compares exactly, as Java does (not
 * by the column's collation); {@code <} and the like between whole numbers only, and the rows
 * where one side is NULL, on which JEXL's strict arithmetic fails, are given too, to fail here as
 * they would. Anything else (functions, regular expressions, {@code val.}, lookups in the other
 * database) gives no SQL form, and the caller evaluates the rows here as before. The expression
 * is parsed by JEXL's own parser; nothing here reads expression text.
 */
final class ConditionInSql {
    /** The SQL form of a condition: text with {@code ?} and the values to bind, in order. */
    record Sql(String text, List<Object> arguments) {}

    /** The part of an expression that has no SQL form of the same meaning. */
    private static final class NoSqlForm extends Exception {
        NoSqlForm() {
            super(null, null, false, false);
        }
    }

    private final Dialect dialect;
    private final Table source;
    private final String row;
    private final Map<String, LookupSpec> lookups;
    private final Function<LookupSpec, Optional<Table>> lookupTables;
    private final Function<Table, Map<String, TextComparison>> collations;
    private int aliases;
    /** Per condition: tests of the rows on which the expression may fail (a NULL where JEXL's strict arithmetic wants a value). */
    private final List<SqlTerm> mayFail = new ArrayList<>();

    /**
     * @param row          the source table's alias in the query the condition goes into
     * @param lookupTables the table a lookup reads, when it is in the source's database (else empty)
     * @param collations   a table's text columns with how each compares ({@link Dialect#textComparisons})
     */
    ConditionInSql(Dialect dialect, Table source, String row, Map<String, LookupSpec> lookups, Function<LookupSpec, Optional<Table>> lookupTables,
                   Function<Table, Map<String, TextComparison>> collations) {
        this.dialect = dialect;
        this.source = source;
        this.row = row;
        this.lookups = lookups;
        this.lookupTables = lookupTables;
        this.collations = collations;
    }

    /**
     * The condition that holds where {@code expression} gives {@code true}, and on the rows where
     * evaluating it may fail (so that the evaluation here meets them, and fails as it would on every
     * row); empty when it has no such SQL form.
     */
    Optional<Sql> of(Expression expression) {
        mayFail.clear();
        try {
            var term = condition(single(ParseTree.of(expression.text())));
            var text = new StringBuilder("(").append(term.sql());
            var arguments = new ArrayList<>(term.arguments());
            for (var failing : mayFail) {
                text.append(" OR ").append(failing.sql()).append(" IS NULL");
                arguments.addAll(failing.arguments());
            }
            return Optional.of(new Sql(text.append(")").toString(), arguments));
        } catch (NoSqlForm | RuntimeException e) {
            return Optional.empty(); // JEXL's parser refused it (the mapping's check would have) or it has no SQL form
        }
    }

    private static JexlNode single(JexlNode node) throws NoSqlForm {
        if (node instanceof ASTJexlScript || node instanceof ASTReferenceExpression) {
            if (node.jjtGetNumChildren() != 1) {
                throw new NoSqlForm();
            }
            return single(node.jjtGetChild(0));
        }
        return node;
    }

    /** A part that must be true or false: never NULL in SQL, as JEXL's booleans are never null. */
    private SqlTerm condition(JexlNode node) throws NoSqlForm {
        var term = term(node);
        if (term.is(Kind.CONDITION)) {
            return term;
        }
        // JEXL takes a number as true unless it is 0, and null as false; text has other rules, so only numbers and flags.
        if (term.is(Kind.NUMBER) || term.is(Kind.FLAG)) {
            if (!term.neverNull()) {
                mayFail.add(term);
            }
            return SqlTerm.condition("(" + term.sql() + " IS NOT NULL AND " + term.sql() + " <> 0)", SqlTerm.concat(term.arguments(), term.arguments()));
        }
        throw new NoSqlForm();
    }

    private SqlTerm term(JexlNode node) throws NoSqlForm {
        node = single(node);
        if (node instanceof ASTNotNode) {
            var operand = condition(node.jjtGetChild(0));
            return SqlTerm.condition("NOT " + operand.sql(), operand.arguments());
        }
        if (node instanceof ASTAndNode || node instanceof ASTOrNode) {
            var parts = new ArrayList<String>();
            var arguments = new ArrayList<>();
            for (int i = 0; i < node.jjtGetNumChildren(); i++) {
                var part = condition(node.jjtGetChild(i));
                parts.add(part.sql());
                arguments.addAll(part.arguments());
            }
            return SqlTerm.condition("(" + String.join(node instanceof ASTAndNode ? " AND " : " OR ", parts) + ")", arguments);
        }
        if (node instanceof ASTEQNode || node instanceof ASTNENode) {
            var equal = equal(term(node.jjtGetChild(0)), term(node.jjtGetChild(1)));
            return node instanceof ASTEQNode ? equal : SqlTerm.condition("NOT " + equal.sql(), equal.arguments());
        }
        if (node instanceof ASTGTNode || node instanceof ASTGENode || node instanceof ASTLTNode || node instanceof ASTLENode) {
            var operator = node instanceof ASTGTNode ? " > " : node instanceof ASTGENode ? " >= " : node instanceof ASTLTNode ? " < " : " <= ";
            return ordered(term(node.jjtGetChild(0)), operator, term(node.jjtGetChild(1)));
        }
        if (node instanceof ASTTernaryNode && node.jjtGetNumChildren() == 3) {
            var when = condition(node.jjtGetChild(0));
            var then = term(node.jjtGetChild(1));
            var otherwise = term(node.jjtGetChild(2));
            if (then.is(Kind.CONDITION) || otherwise.is(Kind.CONDITION)) {
                throw new NoSqlForm();
            }
            var arguments = new ArrayList<>(when.arguments());
            arguments.addAll(then.arguments());
            arguments.addAll(otherwise.arguments());
            var kind = then.is(Kind.NULL) ? otherwise.kind() : otherwise.is(Kind.NULL) || otherwise.kind() == then.kind() ? then.kind() : Kind.OTHER;
            return new SqlTerm("(CASE WHEN " + when.sql() + " THEN " + then.sql() + " ELSE " + otherwise.sql() + " END)", arguments, kind,
                    then.neverNull() && otherwise.neverNull());
        }
        if (node instanceof ASTTrueNode || node instanceof ASTFalseNode) {
            return SqlTerm.condition(node instanceof ASTTrueNode ? "(1 = 1)" : "(1 = 0)", List.of());
        }
        if (node instanceof ASTNullLiteral) {
            return new SqlTerm("NULL", List.of(), Kind.NULL, false);
        }
        if (node instanceof ASTNumberLiteral number) {
            return new SqlTerm("?", List.of(number.getLiteral()), number.isInteger() ? Kind.NUMBER : Kind.OTHER, true, SqlTerm.BOUND);
        }
        if (node instanceof ASTStringLiteral text) {
            return new SqlTerm("?", List.of(text.getLiteral()), Kind.TEXT, true, SqlTerm.BOUND);
        }
        if (node instanceof ASTReference) {
            return reference(node);
        }
        throw new NoSqlForm();
    }

    /** {@code row.COLUMN} or {@code lookup.NAME.get(...)} / {@code .has(...)}. */
    private SqlTerm reference(JexlNode node) throws NoSqlForm {
        var name = ParseTree.rowColumn(node);
        if (name.isPresent()) {
            var column = source.column(name.get()).orElseThrow(NoSqlForm::new);
            return new SqlTerm(row + "." + dialect.quote(column.name()), List.of(), SqlTerm.kindOf(column), !column.nullable(), collation(source, column));
        }
        var call = ParseTree.lookupCall(node).orElseThrow(NoSqlForm::new);
        var spec = lookups.get(call.lookup());
        if (spec == null) {
            throw new NoSqlForm();
        }
        var keys = new ArrayList<SqlTerm>();
        for (var argument : call.arguments()) {
            keys.add(term(argument));
        }
        return lookup(spec, call.method(), keys);
    }

    /**
     * A lookup as a subquery on the same comparisons {@link SqlLookup} makes: {@code get} the first
     * row's value (a sum or count, 0 without rows), {@code has} whether a row gives a value.
     */
    private SqlTerm lookup(LookupSpec spec, String method, List<SqlTerm> keys) throws NoSqlForm {
        var table = lookupTables.apply(spec).orElseThrow(NoSqlForm::new);
        if (keys.size() != spec.key().size() || keys.stream().anyMatch(key -> key.is(Kind.CONDITION))) {
            throw new NoSqlForm();
        }
        var alias = "l" + (++aliases);
        var conditions = new ArrayList<String>();
        var arguments = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            var keyColumn = column(table, spec.key().get(i));
            // SqlLookup binds the key, so the key column's collation decides; a column compared with a column of
            // another collation would be compared by the server's rules for the pair instead
            if (keyColumn.isText() && !keys.get(i).collation().equals(SqlTerm.BOUND) && !keys.get(i).collation().equals(collation(table, keyColumn))) {
                throw new NoSqlForm();
            }
            conditions.add(dialect.nullSafeEquals(alias + "." + dialect.quote(keyColumn.name()), keys.get(i).sql()));
            arguments.addAll(keys.get(i).arguments());
        }
        for (var match : spec.match().entrySet()) {
            conditions.add(dialect.nullSafeEquals(alias + "." + dialect.quote(column(table, match.getKey()).name()), "?"));
            arguments.add(match.getValue());
        }
        var from = " FROM " + dialect.quote(table.name()) + " " + alias + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        // As LookupTable: a key with a NULL part finds nothing, so get gives null (a count too) and has false.
        var nullKey = new StringBuilder();
        var nullKeyArguments = new ArrayList<>();
        for (var key : keys) {
            if (!key.neverNull()) {
                nullKey.append(nullKey.isEmpty() ? "" : " OR ").append(key.sql()).append(" IS NULL");
                nullKeyArguments.addAll(key.arguments());
            }
        }
        if (method.equals("has") && !spec.aggregate()) {
            var value = alias + "." + dialect.quote(column(table, spec.value()).name());
            var exists = "EXISTS (SELECT 1" + from + (conditions.isEmpty() ? " WHERE " : " AND ") + value + " IS NOT NULL)";
            return nullKey.isEmpty() ? SqlTerm.condition(exists, arguments)
                    : SqlTerm.condition("(NOT (" + nullKey + ") AND " + exists + ")", SqlTerm.concat(nullKeyArguments, arguments));
        }
        if (!method.equals("get")) {
            throw new NoSqlForm();
        }
        SqlTerm found;
        if (spec.count()) {
            found = new SqlTerm("(SELECT COUNT(*)" + from + ")", arguments, Kind.NUMBER, true);
        } else if (spec.sum() != null) {
            found = new SqlTerm("(SELECT COALESCE(SUM(" + alias + "." + dialect.quote(column(table, spec.sum()).name()) + "), 0)" + from + ")",
                    arguments, Kind.NUMBER, true);
        } else {
            var value = column(table, spec.value());
            found = new SqlTerm("(SELECT " + alias + "." + dialect.quote(value.name()) + from + " LIMIT 1)", arguments, SqlTerm.kindOf(value), false,
                    collation(table, value));
        }
        return nullKey.isEmpty() ? found : new SqlTerm("(CASE WHEN " + nullKey + " THEN NULL ELSE " + found.sql() + " END)",
                SqlTerm.concat(nullKeyArguments, found.arguments()), found.kind(), false, found.collation());
    }

    /** {@code ==}: NULL equals NULL, as in JEXL; text exactly, as Java compares it. */
    private SqlTerm equal(SqlTerm left, SqlTerm right) throws NoSqlForm {
        var kind = left.is(Kind.NULL) ? right.kind() : left.kind();
        if (!(right.is(Kind.NULL) || right.kind() == kind) || !(kind == Kind.NUMBER || kind == Kind.TEXT || kind == Kind.NULL)) {
            throw new NoSqlForm(); // JEXL compares booleans, times, or text with numbers by rules SQL does not share
        }
        var arguments = new ArrayList<>(left.arguments());
        arguments.addAll(right.arguments());
        var text = kind == Kind.TEXT;
        return SqlTerm.condition("(" + (text ? dialect.nullSafeEqualsExactly(left.sql(), right.sql()) : dialect.nullSafeEquals(left.sql(), right.sql())) + ")",
                arguments);
    }

    /** {@code <} and the like: numbers only; JEXL's strict arithmetic refuses a null there, so such rows may fail. */
    private SqlTerm ordered(SqlTerm left, String operator, SqlTerm right) throws NoSqlForm {
        if (!left.is(Kind.NUMBER) || !right.is(Kind.NUMBER)) {
            throw new NoSqlForm();
        }
        for (var operand : List.of(left, right)) {
            if (!operand.neverNull()) {
                mayFail.add(operand);
            }
        }
        var arguments = new ArrayList<>(left.arguments());
        arguments.addAll(right.arguments());
        return SqlTerm.condition("COALESCE(" + left.sql() + operator + right.sql() + ", 1 = 0)", arguments);
    }

    private static Column column(Table table, String name) throws NoSqlForm {
        return table.column(name).orElseThrow(NoSqlForm::new);
    }

    /** How the column's text compares, by its collation's name; "" for a column that is not text, or a database that names none. */
    private String collation(Table table, Column column) {
        var comparison = collations.apply(table).get(column.name());
        return comparison == null ? "" : comparison.collation();
    }
}
