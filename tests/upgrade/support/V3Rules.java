package upgrade.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * V3's own rules for a usable drive (shared/reference/v3-database.md §4): one root '/' per user;
 * every folder and file reachable from its owner's root by names; unique names in each folder
 * (compared as V3's database does: on MySQL case-insensitive with trailing spaces ignored, on SQLite
 * byte for byte), also between a file and a folder; every share's source exists and is its user's;
 * storage equals the sum of file sizes. And the rules of the release the database is of (§3.3, §4.5,
 * §4.11, §8), by the tables and columns it has: from 3.4.0 node 1 is the master, every node's aria2
 * options parse and no aria2 setting is left; from 3.5.0 no file is an upload placeholder and every
 * file's metadata parses.
 */
public final class V3Rules {
    private V3Rules() {}

    /** Every rule the upgraded database breaks, in words; empty when it is usable. */
    public static List<String> broken(TestSite site) {
        var problems = new ArrayList<String>();
        var users = site.rows("SELECT id, storage FROM {p}users");
        var folders = site.rows("SELECT id, name, parent_id, owner_id FROM {p}folders");
        var files = site.rows("SELECT id, name, user_id, folder_id, size FROM {p}files");
        var folderById = new HashMap<Long, Map<String, Object>>();
        folders.forEach(f -> folderById.put(id(f.get("id")), f));

        var rootOf = new HashMap<Long, Long>();
        for (var folder : folders) {
            if (folder.get("parent_id") == null) {
                var owner = id(folder.get("owner_id"));
                if (rootOf.put(owner, id(folder.get("id"))) != null) {
                    problems.add("user " + owner + " has more than one root folder");
                }
                if (!"/".equals(folder.get("name"))) {
                    problems.add("root folder " + folder.get("id") + " is named '" + folder.get("name") + "', not '/'");
                }
            }
        }
        for (var user : users) {
            if (!rootOf.containsKey(id(user.get("id")))) {
                problems.add("user " + user.get("id") + " has no root folder");
            }
        }
        for (var folder : folders) {
            var seen = new HashSet<Long>();
            var current = folder;
            while (current != null && current.get("parent_id") != null) {
                if (!seen.add(id(current.get("id")))) {
                    problems.add("folder " + folder.get("id") + " is in a cycle");
                    break;
                }
                var parent = folderById.get(id(current.get("parent_id")));
                if (parent == null) {
                    problems.add("folder " + current.get("id") + " has a parent " + current.get("parent_id") + " that does not exist");
                } else if (!parent.get("owner_id").equals(current.get("owner_id"))) {
                    problems.add("folder " + current.get("id") + " is in a folder of another user");
                }
                current = parent;
            }
        }
        var names = new HashMap<String, String>();
        for (var folder : folders) {
            if (folder.get("parent_id") != null) {
                unique(names, folder.get("parent_id"), folder.get("name"), "folder " + folder.get("id"), site.engine(), problems);
            }
        }
        var storage = new HashMap<Long, Long>();
        for (var file : files) {
            var folder = folderById.get(id(file.get("folder_id")));
            if (folder == null) {
                problems.add("file " + file.get("id") + " is in a folder that does not exist");
            } else if (!folder.get("owner_id").equals(file.get("user_id"))) {
                problems.add("file " + file.get("id") + " is in a folder of another user");
            }
            unique(names, file.get("folder_id"), file.get("name"), "file " + file.get("id"), site.engine(), problems);
            storage.merge(id(file.get("user_id")), id(file.get("size")), Long::sum);
        }
        for (var user : users) {
            var expected = storage.getOrDefault(id(user.get("id")), 0L);
            if (id(user.get("storage")) != expected) {
                problems.add("user " + user.get("id") + " has storage " + user.get("storage") + ", but its files add up to " + expected);
            }
        }
        for (var share : site.rows("SELECT id, is_dir, user_id, source_id FROM {p}shares")) {
            var isDir = Boolean.TRUE.equals(share.get("is_dir")) || share.get("is_dir") instanceof Number n && n.intValue() == 1; // SQLite: 0/1
            var table = isDir ? "folders" : "files";
            var owner = isDir ? "owner_id" : "user_id";
            var found = site.rows("SELECT " + owner + " AS owner FROM {p}" + table + " WHERE id = " + share.get("source_id"));
            if (found.isEmpty() || !found.get(0).get("owner").equals(share.get("user_id"))) {
                problems.add("share " + share.get("id") + " points at a " + table + " row that is missing or not its user's");
            }
        }
        releaseRules(site, problems);
        return problems;
    }

    private static void releaseRules(TestSite site, List<String> problems) {
        if (hasColumn(site, "nodes", "id")) {
            if (site.rows("SELECT id FROM {p}nodes WHERE id = 1 AND type = 1").isEmpty()) {
                problems.add("node 1 is not the master node");
            }
            for (var node : site.rows("SELECT id, aria2_options FROM {p}nodes")) {
                if (!parses(node.get("aria2_options"))) {
                    problems.add("node " + node.get("id") + "'s aria2_options do not parse");
                }
            }
            for (var setting : site.rows("SELECT name FROM {p}settings WHERE type = 'aria2' AND deleted_at IS NULL")) {
                problems.add("the aria2 setting " + setting.get("name") + " is left; V3 3.4.0+ would move it into the master node");
            }
        }
        if (hasColumn(site, "files", "upload_session_id")) {
            for (var file : site.rows("SELECT id, upload_session_id, metadata FROM {p}files WHERE upload_session_id IS NOT NULL OR metadata IS NULL OR metadata <> ''")) {
                if (file.get("upload_session_id") != null) {
                    problems.add("file " + file.get("id") + " is an upload placeholder (upload_session_id " + file.get("upload_session_id") + ")");
                }
                if (!parses(file.get("metadata"))) {
                    problems.add("file " + file.get("id") + "'s metadata does not parse: " + file.get("metadata"));
                }
            }
        }
    }

    /** Whether V3's table (without prefix) has the column, on either engine. */
    private static boolean hasColumn(TestSite site, String table, String column) {
        var sql = site.engine() == TestSite.Engine.SQLITE
                ? "SELECT name FROM pragma_table_info('" + site.v3Prefix() + table + "') WHERE name = '" + column + "'"
                : "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                        + site.v3Prefix() + table + "' AND COLUMN_NAME = '" + column + "'";
        return !site.rows(sql).isEmpty();
    }

    /** Empty text (V3 skips it) or JSON. */
    private static boolean parses(Object text) {
        if (text == null) {
            return false;
        }
        if (text.toString().isEmpty()) {
            return true;
        }
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.toString());
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Names in one folder must differ as V3's database compares them; files and folders share the space. */
    private static void unique(Map<String, String> names, Object folder, Object name, String what, TestSite.Engine engine, List<String> problems) {
        var key = folder + "/" + (engine == TestSite.Engine.SQLITE ? name.toString() : name.toString().toLowerCase(Locale.ROOT).replaceAll(" +$", ""));
        var earlier = names.put(key, what);
        if (earlier != null) {
            problems.add(what + " has the same name as " + earlier + " in folder " + folder + ": '" + name + "'");
        }
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
