package upgrade.engine;

import org.jdbi.v3.core.statement.StatementException;
import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.db.UniqueKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which primary or unique key of a table already holds a row's values, once the database refused
 * the row as a duplicate ({@link upgrade.db.SqlError#DUPLICATE_KEY}). The database is asked, key by
 * key, the primary key first, whether a row holds the same values under that key; it compares them
 * as the key does (by the columns' collation: 'Alice@x' holds 'alice@x' under utf8mb4_general_ci).
 * Error messages are never read: their wording differs between products and versions
 * (MariaDB's {@code for key 'email'}, MySQL 8's {@code for key 'users.email'}, SQLite's column list).
 */
final class DuplicateKeys {
    private final Database database;
    private final Table table;

    DuplicateKeys(Database database, Table table) {
        this.database = database;
        this.table = table;
        database.uniqueKeys(table); // read from the catalogue now, before the first write
    }

    /**
     * The first key (primary first) under which a row already holds {@code values} (given for
     * {@code columns}, in that order); empty when none can be told: a key with a column not
     * written or NULL (a NULL never collides), or no row found.
     */
    Optional<UniqueKey> holding(List<Column> columns, List<Object> values) {
        for (var key : database.uniqueKeys(table)) {
            var indexes = key.columns().stream().map(name -> indexOf(columns, name)).toList();
            if (indexes.contains(-1) || indexes.stream().anyMatch(i -> values.get(i) == null)) {
                continue;
            }
            var names = indexes.stream().map(i -> columns.get(i).name()).toList();
            if (database.first(database.sql().selectFirstEqual(table.name(), names.subList(0, 1), names), indexes.stream().map(values::get).toList(),
                    rs -> true).isPresent()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * Which of {@code rows} (values given for {@code columns}, in that order) a row already in the
     * table holds under a unique key, by position, with that key: asked before a page is written, one
     * query per key, so the rows that would collide are written alone (and renamed) instead of
     * making the page's INSERT fail. The primary key is not asked (ids rarely collide; a page
     * that does fails and is halved, see RowWriter), nor a key with a column not written, nor a row
     * with NULL in one of the key's columns (a NULL never collides).
     */
    Map<Integer, UniqueKey> held(List<Column> columns, List<List<Object>> rows) {
        var held = new HashMap<Integer, UniqueKey>();
        for (var key : database.uniqueKeys(table)) {
            var indexes = key.columns().stream().map(name -> indexOf(columns, name)).toList();
            if (indexes.contains(-1) || key.primary()) {
                continue;
            }
            var positions = new ArrayList<Integer>();
            var keys = new ArrayList<List<Object>>();
            for (int r = 0; r < rows.size(); r++) {
                var row = rows.get(r);
                if (!held.containsKey(r) && indexes.stream().noneMatch(i -> row.get(i) == null)) {
                    positions.add(r);
                    keys.add(indexes.stream().map(row::get).toList());
                }
            }
            var qualified = indexes.stream().map(i -> "t." + database.dialect().quote(columns.get(i).name())).toList();
            var chunkSize = AskedKeys.chunk(database.dialect());
            for (int from = 0; from < keys.size(); from += chunkSize) {
                var chunk = keys.subList(from, Math.min(keys.size(), from + chunkSize));
                var sql = "SELECT DISTINCT q.i FROM " + database.dialect().quote(table.name()) + " t JOIN ("
                        + AskedKeys.table(database.dialect(), chunk.size(), indexes.size()) + ") q ON " + AskedKeys.joined(qualified, database.dialect());
                var offset = from;
                try {
                    database.query(sql, AskedKeys.arguments(chunk), rs -> held.put(positions.get(offset + rs.getInt(1)), key));
                } catch (StatementException e) {
                    database.refusal(e); // a lost connection or a lock conflict is told as such
                    throw e;
                }
            }
        }
        return held;
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
