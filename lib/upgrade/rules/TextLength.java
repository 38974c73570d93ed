package upgrade.rules;

import upgrade.db.Column;
import upgrade.db.Table;

import java.util.OptionalInt;

/** Lengths in characters, for {@link ColumnRule#longest}. */
final class TextLength {
    private TextLength() {}

    /** A value's length as text. */
    static int of(Object value) {
        var text = value == null ? "" : value.toString();
        return text.codePointCount(0, text.length());
    }

    /** The most characters a column's values can have as text; empty when unbounded. */
    static OptionalInt declared(Column column) {
        if (column.isInteger()) {
            return OptionalInt.of(20); // a BIGINT's digits and sign
        }
        return column.isText() && column.maxChars() > 0 ? OptionalInt.of(column.maxChars()) : OptionalInt.empty();
    }

    /** The longest a source column's values can be; empty without a source table. */
    static OptionalInt ofColumn(Table from, String column) {
        return from == null ? OptionalInt.empty() : declared(from.column(column).orElseThrow());
    }
}
