package upgrade.engine;

import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.db.UniqueKey;

import java.util.List;
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
            var query = database.handle().createQuery(database.sql().selectFirstEqual(table.name(), names.subList(0, 1), names));
            if (Arguments.bind(query, indexes.stream().map(values::get).toList(), database.dialect()).mapToMap().findFirst().isPresent()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
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
