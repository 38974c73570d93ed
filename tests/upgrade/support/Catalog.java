package upgrade.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database holds, read from its own catalog the same way on MariaDB/MySQL and SQLite: the
 * tables with their columns as the server stores them, the indexes, the rows. Comparing two
 * catalogs needs no knowledge of how each engine spells a type.
 */
public final class Catalog {
    private final Connection connection;
    private final boolean sqlite;

    private Catalog(Connection connection) throws SQLException {
        this.connection = connection;
        this.sqlite = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("SQLite");
    }

    public static Catalog of(Connection connection) {
        try {
            return new Catalog(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Table name to its columns' types, in column order (e.g. "varchar(255)", "int(10) unsigned", "bool"). */
    public Map<String, Map<String, String>> columnTypes() {
        var tables = new TreeMap<String, Map<String, String>>();
        for (var column : columns()) {
            tables.computeIfAbsent(column.get(0), t -> new LinkedHashMap<>()).put(column.get(1), column.get(2));
        }
        return tables;
    }

    /** Table name to one line per column with everything the catalog says (type, null, default, key). */
    public Map<String, List<String>> columnDetails() {
        var tables = new TreeMap<String, List<String>>();
        for (var column : columns()) {
            tables.computeIfAbsent(column.get(0), t -> new ArrayList<>()).add(String.join(" ", column.subList(1, column.size())));
        }
        return tables;
    }

    /** One line per index: "table index unique|nonunique (col, ...)". */
    public TreeSet<String> indexes() {
        var indexes = new TreeSet<String>();
        if (sqlite) {
            for (var table : tableNames()) {
                for (var index : rows("SELECT name, \"unique\" FROM pragma_index_list('" + table + "')")) {
                    var columns = rows("SELECT name FROM pragma_index_info('" + index.get(0) + "') ORDER BY seqno")
                            .stream().map(r -> r.get(0)).toList();
                    indexes.add(table + " " + index.get(0) + " " + ("1".equals(index.get(1)) ? "unique" : "nonunique") + " " + columns);
                }
            }
        } else {
            var columns = new LinkedHashMap<String, List<String>>();
            for (var row : rows("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
                var key = row.get(0) + " " + row.get(1) + " " + ("0".equals(row.get(2)) ? "unique" : "nonunique");
                columns.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get(3));
            }
            columns.forEach((key, names) -> indexes.add(key + " " + names));
        }
        return indexes;
    }

    /** Table name to its number of rows. */
    public Map<String, Long> rowCounts() {
        var counts = new TreeMap<String, Long>();
        for (var table : tableNames()) {
            counts.put(table, Long.parseLong(rows("SELECT COUNT(*) FROM " + quote(table)).get(0).get(0)));
        }
        return counts;
    }

    /** The rows of a query, each value as the driver's string for it (NULL stays null). */
    public List<List<String>> rows(String sql) {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            var rows = new ArrayList<List<String>>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows.add(row(rs, width));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public String quote(String identifier) {
        return sqlite ? '"' + identifier + '"' : '`' + identifier + '`';
    }

    private List<String> tableNames() {
        var sql = sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";
        return rows(sql).stream().map(r -> r.get(0)).toList();
    }

    /** [table, column, type, details...] per column, in table and column order. */
    private List<List<String>> columns() {
        if (!sqlite) {
            return rows("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, 'no default'), EXTRA, COLUMN_KEY"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION");
        }
        var columns = new ArrayList<List<String>>();
        for (var table : tableNames()) {
            for (var column : rows("SELECT name, type, \"notnull\", COALESCE(dflt_value, 'no default'), pk FROM pragma_table_info('" + table + "') ORDER BY cid")) {
                var line = new ArrayList<String>();
                line.add(table);
                line.addAll(column);
                columns.add(line);
            }
        }
        return columns;
    }

    private static List<String> row(ResultSet rs, int width) throws SQLException {
        var row = new ArrayList<String>(width);
        for (int i = 1; i <= width; i++) {
            row.add(rs.getString(i));
        }
        return row;
    }
}
