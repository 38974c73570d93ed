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
 * byte for byte), also between a file and a folder; every share's source exists and is its user's; storage equals the sum of file sizes.
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
        return problems;
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
