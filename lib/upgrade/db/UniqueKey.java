package upgrade.db;

import java.util.List;

/**
 * A primary or unique key of a live table: its name as the database gives it (MySQL and MariaDB
 * call a primary key {@code PRIMARY}) and its columns in key order.
 */
public record UniqueKey(String name, List<String> columns, boolean primary) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
