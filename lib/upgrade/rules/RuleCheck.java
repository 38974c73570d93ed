package upgrade.rules;

import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.mapping.Where;

/**
 * What a rule is checked with against the live schemas before any row is read
 * ({@code upgrade.mapping.MappingValidator} gives it, for one mapping and one place in it). Each
 * method throws a {@code MappingException} naming what is wrong.
 */
public interface RuleCheck {
    /** A column of the mapping's source table (not checked when the mapping has none, e.g. key-value names). */
    void sourceColumn(String column, Where where);

    /** An expression: the source columns, parameters, lookups and computed columns it reads. */
    void expression(Expression expression);

    /** A lookup the mapping declares. */
    void lookup(String name, Where where);

    /** A V3 table. */
    Table targetTable(String name, Where where);

    /** A column of {@code table}; {@code role} says what the column is for, in the error. */
    void column(Table table, String column, Where where, String role);
}
