package upgrade.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * A primary or unique key of a live table: its name as the database gives it (MySQL and MariaDB
 * call a primary key {@code PRIMARY}) and its columns in key order.
 */
public record UniqueKey(String name, List<String> columns, boolean primary) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }

    /**
     * The primary key and unique keys of {@code table}, the primary key first, from the driver's
     * metadata; a primary key that is no index of its own (SQLite's rowid) is added by its columns.
     */
    static List<UniqueKey> read(Connection connection, Table table) throws SQLException {
        var byName = new LinkedHashMap<String, TreeMap<Integer, String>>();
        try (var rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table.name(), true, false)) {
            while (rs.next()) {
                // NON_UNIQUE is checked too: sqlite-jdbc lists every index, whatever the 'unique' argument asks
                if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null && !rs.getBoolean("NON_UNIQUE")) {
                    byName.computeIfAbsent(rs.getString("INDEX_NAME"), n -> new TreeMap<>())
                            .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        var keys = new ArrayList<UniqueKey>();
        byName.forEach((index, columns) -> keys.add(new UniqueKey(index, List.copyOf(columns.values()),
                sameColumns(List.copyOf(columns.values()), table.primaryKey()))));
        if (!table.primaryKey().isEmpty() && keys.stream().noneMatch(UniqueKey::primary)) {
            keys.add(new UniqueKey("PRIMARY", table.primaryKey(), true));
        }
        keys.sort(Comparator.comparing(key -> !key.primary()));
        return List.copyOf(keys);
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && java.util.stream.IntStream.range(0, a.size()).allMatch(i -> a.get(i).equalsIgnoreCase(b.get(i)));
    }
}
