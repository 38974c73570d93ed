package upgrade.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a V3 database holds right after the first start of a release, as the tests expect it
 * (shared/reference/v3-database.md §2, §3.3, §5 and §6), written out here so that the tests run
 * without the reference too.
 */
record V3FirstStart(String version, String dbVersionSetting, String referenceMySqlDdl, String referenceSqliteDdl,
                    List<String> tables, Map<String, Long> rowCounts, List<String> columnsPresent, List<String> columnsAbsent,
                    String usersOptionsMySqlType, String usersOptionsSqliteType) {

    /** The columns that arrived after 3.0.0 (§6): present in 3.8.3, absent in 3.0.0. */
    static final List<String> LATER_COLUMNS = List.of("files.upload_session_id", "files.metadata", "downloads.node_id",
            "webdavs.readonly", "webdavs.use_proxy");
    private static final List<String> TABLES_3_0_0 = List.of("downloads", "files", "folders", "groups", "policies",
            "settings", "shares", "tags", "tasks", "users", "webdavs");

    static final V3FirstStart V3_0_0 = new V3FirstStart("3.0.0", "db_version_3.0.0", "### 2.3", "### 2.4",
            TABLES_3_0_0, counts(TABLES_3_0_0, 81), List.of(), LATER_COLUMNS, "varchar(255)", "varchar(255)");
    static final V3FirstStart V3_8_3 = new V3FirstStart("3.8.3", "db_version_3.8.1", "### 6.1", "### 6.2",
            with(TABLES_3_0_0, "nodes", "source_links"), counts(with(TABLES_3_0_0, "nodes", "source_links"), 114),
            LATER_COLUMNS, List.of(), "longtext", "text");

    static V3FirstStart of(String version) {
        return switch (version) {
            case "3.0.0" -> V3_0_0;
            case "3.8.3" -> V3_8_3;
            default -> throw new IllegalArgumentException(version);
        };
    }

    /** Policy 1, groups 1-3, user 1 and its root folder, node 1 from 3.4.0, the default settings; nothing else. */
    /**
     * An index line of {@code Catalog.indexes()} ("table index ...") as it reads with a table prefix:
     * the prefix goes before the table and into gorm's auto-named indexes idx_TABLE_COL and uix_TABLE_COL,
     * not into explicitly named ones such as idx_only_one (§2.3).
     */
    static String withPrefix(String indexLine, String prefix) {
        var parts = indexLine.split(" ", 3);
        var table = parts[0];
        var index = parts[1];
        if (index.startsWith("idx_" + table + "_") || index.startsWith("uix_" + table + "_")) {
            index = index.substring(0, 4) + prefix + index.substring(4);
        } else if (index.startsWith("sqlite_autoindex_" + table + "_")) {
            index = "sqlite_autoindex_" + prefix + index.substring("sqlite_autoindex_".length());
        }
        return prefix + table + " " + index + " " + parts[2];
    }

    private static Map<String, Long> counts(List<String> tables, long settings) {
        var counts = new TreeMap<String, Long>();
        tables.forEach(table -> counts.put(table, 0L));
        counts.putAll(Map.of("policies", 1L, "groups", 3L, "users", 1L, "folders", 1L, "settings", settings));
        if (tables.contains("nodes")) {
            counts.put("nodes", 1L);
        }
        return counts;
    }

    private static List<String> with(List<String> tables, String... more) {
        return Stream.concat(tables.stream(), Arrays.stream(more)).sorted().toList();
    }
}
