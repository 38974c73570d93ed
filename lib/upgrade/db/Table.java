package upgrade.db;

import java.util.List;
import java.util.Optional;

/**
 * A live table: its physical name (prefix included) and its columns in table order.
 * Every identifier the engine puts into SQL comes from here, never straight from a mapping file.
 */
public record Table(String logicalName, String name, List<Column> columns, List<String> primaryKey) {

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The auto-increment column, if the table has one (V3's {@code id}). */
    public Optional<Column> autoIncrement() {
        return columns.stream().filter(Column::autoIncrement).findFirst();
    }

}
