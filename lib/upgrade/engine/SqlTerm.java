package upgrade.engine;

import upgrade.db.Column;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of a mapping's expression written in SQL ({@link ConditionInSql}): its text with
 * {@code ?} and the values to bind in order, and what it gives, as far as SQL and JEXL must agree.
 *
 * @param neverNull whether SQL can give NULL for it
 * @param collation how the text it gives compares: {@link #BOUND} for a value bound as {@code ?}
 *                  (which takes the collation of what it is compared with), a column's collation, or
 *                  "" when not known (then no lookup key may be compared with it)
 */
record SqlTerm(String sql, List<Object> arguments, Kind kind, boolean neverNull, String collation) {
    /** The collation of a bound value: that of what it is compared with. */
    static final String BOUND = "?";

    /** What a part of an expression gives. */
    enum Kind {
        /** true or false, never NULL */
        CONDITION,
        /** a whole number */
        NUMBER,
        TEXT,
        /** a boolean column (as MySQL's tinyint(1)): true unless 0, false when NULL */
        FLAG,
        NULL,
        /** anything else (times, decimals): only passed on, never compared */
        OTHER
    }

    SqlTerm(String sql, List<Object> arguments, Kind kind, boolean neverNull) {
        this(sql, arguments, kind, neverNull, "");
    }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** A condition: true or false, never NULL. */
    static SqlTerm condition(String sql, List<Object> arguments) {
        return new SqlTerm(sql, arguments, Kind.CONDITION, true);
    }

    /** What a column's values are, to JEXL. */
    static Kind kindOf(Column column) {
        return column.isInteger() ? Kind.NUMBER : column.isText() ? Kind.TEXT
                : column.jdbcType() == Types.BIT || column.jdbcType() == Types.BOOLEAN ? Kind.FLAG : Kind.OTHER;
    }

    /** The values of several parts, in the order their texts are joined. */
    @SafeVarargs
    static List<Object> concat(List<Object>... parts) {
        var all = new ArrayList<>();
        for (var part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
