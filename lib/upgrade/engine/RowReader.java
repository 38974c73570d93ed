package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a table page by page in key order with keyset pagination ({@code WHERE key > last}), so
 * memory holds one page at a time whatever the table's size. Date and time values are read as
 * the text the server sends: V2's wall-clock times and zero dates reach the mappings untouched.
 */
public final class RowReader implements Iterable<List<Map<String, Object>>> {
    private final Database database;
    private final Table table;
    private final String key;
    private final int pageSize;
    private final Object start;

    public RowReader(Database database, Table table, String key, int pageSize) {
        this(database, table, key, pageSize, null);
    }

    /** Reads the rows after {@code start} (given as text, as a checkpoint keeps it); null: from the first row. */
    public RowReader(Database database, Table table, String key, int pageSize, String start) {
        this.database = database;
        this.table = table;
        var column = table.column(key).orElseThrow();
        this.key = column.name();
        this.pageSize = pageSize;
        this.start = start == null ? null : column.isInteger() ? (Object) Long.valueOf(start) : start;
    }

    @Override
    public Iterator<List<Map<String, Object>>> iterator() {
        return new Iterator<>() {
            private List<Map<String, Object>> next = start == null ? fetch(null, true) : fetch(start, false);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<Map<String, Object>> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                var page = next;
                var last = page.get(page.size() - 1).get(key);
                next = page.size() < pageSize ? List.of() : fetch(last, false);
                return page;
            }
        };
    }

    private List<Map<String, Object>> fetch(Object after, boolean first) {
        var sql = database.sql();
        var query = database.handle().createQuery(first ? sql.firstPage(table, key) : sql.keysetPage(table, key))
                .bind("limit", pageSize);
        if (!first) {
            query.bindByType("after", after, after.getClass());
        }
        return query.map((rs, ctx) -> row(table, rs)).list();
    }

    /** The row whose key is {@code value}, read as the pages read it; null when there is none. */
    public Map<String, Object> rowWithKey(Object value) {
        return database.handle().createQuery(database.sql().rowWithKey(table, key)).bind("key", value)
                .map((rs, ctx) -> row(table, rs)).findFirst().orElse(null);
    }

    /** The current row of {@code rs}, which selected every column of {@code table} in its order, as the pages give it. */
    static Map<String, Object> row(Table table, ResultSet rs) throws SQLException {
        var row = new LinkedHashMap<String, Object>();
        var columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            var column = columns.get(i);
            row.put(column.name(), column.isTemporal() ? wallClockText(rs, i + 1) : rs.getObject(i + 1));
        }
        return row;
    }

    /**
     * A date or time as the server sent it. Connector/J's getString builds the text anew through
     * String.format (a fifth of a run's garbage); the bytes of the text protocol are that text
     * already. A value with a fraction, or any value not sent as text (a binary protocol), is read
     * by getString as before, which writes fractions its own way.
     */
    private static String wallClockText(ResultSet rs, int index) throws SQLException {
        var bytes = rs.getBytes(index);
        if (bytes == null) {
            return null;
        }
        if (bytes.length >= 10 && bytes.length <= 19 && bytes[4] == '-' && bytes[7] == '-' && Character.isDigit(bytes[0])) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return rs.getString(index);
    }
}
