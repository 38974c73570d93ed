package upgrade.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query's result as rows, each a map of column label to value, in order: what the demo prints and the tests compare. */
final class ResultRows {
    private ResultRows() {}

    static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        var rows = new ArrayList<Map<String, Object>>();
        var meta = rs.getMetaData();
        while (rs.next()) {
            var row = new LinkedHashMap<String, Object>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
