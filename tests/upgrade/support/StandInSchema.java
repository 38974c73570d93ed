package upgrade.support;

import upgrade.demo.MariaDbServer;
import upgrade.demo.SqliteFile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * The edits that turn a V3 first-start database into an earlier release's stand-in, on each engine
 * ({@link V3Releases} says which edits a release needs). Tables are named with their prefix.
 */
public sealed interface StandInSchema {

    void dropTable(String table);

    /** Drops a column with the indexes on it. */
    void dropColumn(String table, String column);

    /** Gives a column the type it was created with by an earlier release, in its place. */
    void retype(String table, String column, String type);

    /** Runs SQL that reads the same on both engines (settings rows). */
    void execute(String sql);

    boolean isSqlite();

    /** The identifier quoted for the engine (V3's tables include groups, a reserved word in MySQL 8). */
    default String quote(String identifier) {
        return isSqlite() ? '"' + identifier + '"' : '`' + identifier + '`';
    }

    /** A database on the MariaDB/MySQL server: gorm's DDL there is plain ALTER TABLE. */
    record OnServer(MariaDbServer server, String database) implements StandInSchema {
        @Override
        public void dropTable(String table) {
            execute("DROP TABLE " + quote(table));
        }

        @Override
        public void dropColumn(String table, String column) {
            // an index whose only column this is goes with it
            execute("ALTER TABLE `" + table + "` DROP COLUMN `" + column + "`");
        }

        @Override
        public void retype(String table, String column, String type) {
            // gorm's columns have no NOT NULL, default or charset of their own: the type is all there is
            execute("ALTER TABLE `" + table + "` MODIFY `" + column + "` " + type);
        }

        @Override
        public void execute(String sql) {
            server.execute(database, sql);
        }

        @Override
        public boolean isSqlite() {
            return false;
        }
    }

    /**
     * A SQLite file. V3 finds its columns by matching the table's CREATE text (v3-database.md §2.4),
     * so a changed table is rebuilt from gorm's own text with the one column definition edited:
     * SQLite's DROP COLUMN would leave text gorm never writes, and it cannot change a type.
     */
    record InFile(SqliteFile file) implements StandInSchema {
        @Override
        public void dropTable(String table) {
            execute("DROP TABLE " + quote(table));
        }

        @Override
        public void dropColumn(String table, String column) {
            rebuild(table, column, "");
        }

        @Override
        public void retype(String table, String column, String type) {
            var definition = columnDefinition(createText(table), column);
            rebuild(table, column, definition.substring(0, definition.indexOf("\" ") + 2) + type);
        }

        @Override
        public void execute(String sql) {
            file.execute(sql);
        }

        @Override
        public boolean isSqlite() {
            return true;
        }

        /**
         * Recreates the table from its CREATE text with one column's definition replaced (by nothing
         * to drop it, together with the indexes on it), keeping its rows, id counter and indexes.
         */
        private void rebuild(String table, String column, String replacement) {
            var create = createText(table);
            var rebuilt = create.replace(columnDefinition(create, column), replacement);
            var indexes = file.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + table + "' AND sql IS NOT NULL"
                    + (replacement.isEmpty() ? " AND name NOT IN (SELECT list.name FROM pragma_index_list('" + table + "') AS list,"
                            + " pragma_index_info(list.name) AS info WHERE info.name = '" + column + "')" : ""))
                    .stream().map(row -> row.get("sql").toString()).toList();
            var old = table + "_before_stand_in";
            try (Connection connection = file.connect(); var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("ALTER TABLE \"" + table + "\" RENAME TO \"" + old + "\"");
                statement.execute(rebuilt);
                var columns = new ArrayList<String>();
                try (var rs = statement.executeQuery("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
                    while (rs.next()) {
                        columns.add('"' + rs.getString(1) + '"');
                    }
                }
                var list = String.join(", ", columns);
                statement.execute("INSERT INTO \"" + table + "\" (" + list + ") SELECT " + list + " FROM \"" + old + "\"");
                statement.execute("DROP TABLE \"" + old + "\"");
                for (var index : indexes) {
                    statement.execute(index);
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(file.path() + ": cannot rebuild " + table + " with its column " + column + " changed: " + e.getMessage(), e);
            }
        }

        private String createText(String table) {
            return file.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").get(0).get("sql").toString();
        }

        /** The text ',"column" type' in gorm's one-line CREATE TABLE (never the first column, id). */
        private static String columnDefinition(String create, String column) {
            var matcher = Pattern.compile(",\"" + Pattern.quote(column) + "\" [^,]*?(?=,\"| \\)$)").matcher(create);
            if (!matcher.find()) {
                throw new IllegalStateException("no column \"" + column + "\" in: " + create);
            }
            return matcher.group();
        }
    }
}
