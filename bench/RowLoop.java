package bench;

import upgrade.cloudreve.CloudreveSite;
import upgrade.demo.MariaDbServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-row loop, the way Cloudreve V4's migrator works: read the V2 rows, insert them one
 * INSERT per row, commit every 1000 rows, keep the ids of the users, policies and folders it
 * wrote in memory (as V4 does), and resolve the rest with queries per row: a parent by walking
 * its path down from the owner's root in V3 (one query per path segment), a folder of the same
 * name beside a file, a name collision by retrying the insert with the next ' (n)'.
 * Rows are read as one streamed query per table (V4 pages by OFFSET, which is slower still).
 * It does what limit.sql does, in the same cases.
 */
public final class RowLoop implements AutoCloseable {
    private static final int COMMIT_EVERY = 1000;
    /** A name taken this often in one folder means the id, not the name, is taken. */
    private static final int MAX_RENAMES = 1000;
    private static final ZoneId V2_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String RECOVERY = CloudreveSite.RECOVERY_FOLDER;

    private final LoopJdbc jdbc;
    private final Set<Integer> users = new HashSet<>();
    private final Map<Integer, String> policies = new HashMap<>();
    /** Each folder written, with its owner: V4 keeps the ids it wrote in memory too. */
    private final Map<Long, Integer> folderOwners = new HashMap<>();
    private long nextFolderId;

    private RowLoop(Connection read, Connection write) {
        this.jdbc = new LoopJdbc(read, write, COMMIT_EVERY);
    }

    /** Upgrades users, folders, files, shares and storage from database {@code v2} into {@code v3}. */
    public static void run(MariaDbServer server, String v2, String v3) throws SQLException {
        try (var loop = new RowLoop(server.connect(v2), server.connect(v3))) {
            loop.jdbc.write().setAutoCommit(false);
            try (var session = loop.jdbc.write().createStatement()) {
                session.execute("SET SESSION time_zone = '+00:00'");
            }
            loop.users();
            loop.roots();
            loop.folders();
            loop.files();
            loop.shares();
            loop.storage();
            loop.jdbc.write().commit();
        }
    }

    private void users() throws SQLException {
        jdbc.update("DELETE FROM users"); // V2's user 1 takes the place of the admin V3 created
        jdbc.stream("SELECT id, user_email, user_nick, user_pass, user_date, user_status, user_group, user_activation_key, avatar"
                + " FROM sd_users ORDER BY id", row -> {
            int group = switch (row.getInt("user_group")) {
                case 1 -> 1;
                case 2 -> 3;
                default -> 2;
            };
            var avatar = row.getString("avatar");
            try {
                jdbc.write("INSERT INTO users (id, created_at, updated_at, email, nick, password, status, group_id, storage, two_factor, avatar,"
                                + " options, authn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, '{}', '')",
                        row.getInt("id"), time(row.getString("user_date")), time(row.getString("user_date")), row.getString("user_email"),
                        left(row.getString("user_nick"), 50), "md5:" + row.getString("user_pass") + ":sdshare",
                        row.getInt("user_status") == 0 ? 0 : "n".equals(row.getString("user_activation_key")) ? 2 : 1, group,
                        avatar.startsWith("g.") ? "gravatar" : avatar.startsWith("f.") ? "file" : "");
                users.add(row.getInt("id"));
            } catch (SQLIntegrityConstraintViolationException sameEmail) {
                // the first user with this e-mail keeps it
            }
        });
        try (var statement = jdbc.read().createStatement(); var rows = statement.executeQuery("SELECT id, policy_type FROM sd_policy")) {
            while (rows.next()) {
                policies.put(rows.getInt(1), rows.getString(2));
            }
        }
    }

    private void roots() throws SQLException {
        jdbc.update("DELETE FROM folders");
        jdbc.stream("SELECT id, owner, date FROM sd_folders WHERE position = '.' ORDER BY id", row -> {
            int owner = number(row.getString("owner"));
            if (users.contains(owner) && root(owner) == null) {
                jdbc.write("INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id) VALUES (?, ?, ?, '/', NULL, ?)",
                        row.getInt("id"), time(row.getString("date")), time(row.getString("date")), owner);
                folderOwners.put(row.getLong("id"), owner);
            }
        });
        try (var statement = jdbc.read().createStatement(); var max = statement.executeQuery("SELECT MAX(id) FROM sd_folders")) {
            max.next();
            nextFolderId = max.getLong(1) + 1;
        }
        for (int user : users.stream().sorted().toList()) {
            if (root(user) == null) {
                folderOwners.put(nextFolderId, user);
                jdbc.write("INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id) VALUES (?, ?, ?, '/', NULL, ?)",
                        nextFolderId++, now(), now(), user);
            }
        }
    }

    /** Folders by depth, so a parent is in V3 before its children. */
    private void folders() throws SQLException {
        jdbc.stream("SELECT id, folder_name, position, position_absolute, owner, date FROM sd_folders WHERE position <> '.'"
                + " ORDER BY LENGTH(position_absolute) - LENGTH(REPLACE(position_absolute, '/', '')), id", row -> {
            int owner = number(row.getString("owner"));
            if (!users.contains(owner)) {
                return;
            }
            var position = row.getString("position");
            var path = row.getString("position_absolute");
            Long parent = position.equals("/") ? root(owner)
                    : path.startsWith(position + "/") ? walk(root(owner), position) : null;
            if (parent == null) {
                parent = recovery(owner);
            }
            var name = row.getString("folder_name").isEmpty() ? "(no name)" : left(row.getString("folder_name"), 255);
            var date = time(row.getString("date"));
            for (int n = 1; ; n++) {
                try {
                    jdbc.write("INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id) VALUES (?, ?, ?, ?, ?, ?)",
                            row.getInt("id"), date, date, n == 1 ? name : name + " (" + n + ")", parent, owner);
                    folderOwners.put(row.getLong("id"), owner);
                    return;
                } catch (SQLIntegrityConstraintViolationException taken) {
                    if (n == MAX_RENAMES) {
                        throw taken; // not the name: the id itself is taken
                    }
                }
            }
        });
    }

    private void files() throws SQLException {
        jdbc.stream("SELECT id, orign_name, pre_name, upload_user, size, upload_date, pic_info, parent_folder, policy_id, dir FROM sd_files"
                + " ORDER BY id", row -> {
            int owner = row.getInt("upload_user");
            var policy = policies.get(row.getInt("policy_id"));
            if (!users.contains(owner) || policy == null) {
                return;
            }
            // V2's parent_folder, when that folder is the owner's
            long parentFolder = row.getInt("parent_folder");
            Long folder = Integer.valueOf(owner).equals(folderOwners.get(parentFolder)) ? parentFolder : null;
            if (folder == null) {
                var dir = row.getString("dir");
                folder = dir.equals("/") ? root(owner) : walk(root(owner), dir);
            }
            if (folder == null) {
                folder = recovery(owner);
            }
            var name = left(row.getString("orign_name"), 255);
            if (jdbc.queryLong("SELECT id FROM folders WHERE parent_id = ? AND name = ?", folder, name) != null) {
                name = name + " (file)";
            }
            int dot = name.lastIndexOf('.');
            var base = dot > 0 ? name.substring(0, dot) : name;
            var extension = dot > 0 ? name.substring(dot) : "";
            var preName = row.getString("pre_name");
            var source = "local".equals(policy) ? "public/uploads/" + preName.replace('\\', '/').replaceAll("^/+|/+$", "") : preName;
            var pic = row.getString("pic_info");
            var date = time(row.getString("upload_date"));
            for (int n = 1; ; n++) {
                try {
                    jdbc.write("INSERT INTO files (id, created_at, updated_at, name, source_name, user_id, size, pic_info, folder_id, policy_id)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.getInt("id"), date, date,
                            n == 1 ? name : base + " (" + n + ")" + extension, source, owner, Math.max(0, row.getLong("size")),
                            pic.matches("[1-9][0-9]*,[1-9][0-9]*") ? pic : "", folder, row.getInt("policy_id"));
                    return;
                } catch (SQLIntegrityConstraintViolationException taken) {
                    if (n == MAX_RENAMES) {
                        throw taken; // not the name: the id itself is taken
                    }
                }
            }
        });
    }

    private void shares() throws SQLException {
        jdbc.stream("SELECT id, type, share_time, owner, source_name, download_num, view_num, source_type, share_pwd FROM sd_shares ORDER BY id", row -> {
            int owner = row.getInt("owner");
            if (!users.contains(owner)) {
                return;
            }
            var source = row.getString("source_name");
            boolean isDir = "dir".equals(row.getString("source_type"));
            Long object;
            String name;
            if (isDir) {
                object = source.equals("/") ? root(owner) : walk(root(owner), source);
                name = source.substring(source.lastIndexOf('/') + 1);
            } else {
                name = source.matches("[0-9]{1,9}") ? jdbc.queryString("SELECT name FROM files WHERE id = ? AND user_id = ?", Long.parseLong(source), owner) : null;
                object = name == null ? null : Long.parseLong(source);
            }
            if (object == null) {
                return;
            }
            var date = time(row.getString("share_time"));
            jdbc.write("INSERT INTO shares (id, created_at, updated_at, password, is_dir, user_id, source_id, views, downloads, remain_downloads,"
                            + " expires, preview_enabled, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, -1, NULL, 1, ?)",
                    row.getInt("id"), date, date, "private".equals(row.getString("type")) ? row.getString("share_pwd") : "", isDir, owner,
                    object, row.getInt("view_num"), row.getInt("download_num"), name);
        });
    }

    /** Each user's storage, one UPDATE per user. */
    private void storage() throws SQLException {
        for (int user : users.stream().sorted().toList()) {
            jdbc.write("UPDATE users SET storage = (SELECT COALESCE(SUM(size), 0) FROM files WHERE user_id = ?) WHERE id = ?", user, user);
        }
    }

    /** The owner's root folder in V3 (one query). */
    private Long root(int owner) throws SQLException {
        return jdbc.queryLong("SELECT id FROM folders WHERE owner_id = ? AND parent_id IS NULL", owner);
    }

    /** The folder at {@code path} below {@code root}, one query per segment; null when a segment is missing. */
    private Long walk(Long root, String path) throws SQLException {
        Long folder = root;
        for (var segment : path.substring(1).split("/")) {
            if (folder == null) {
                return null;
            }
            folder = jdbc.queryLong("SELECT id FROM folders WHERE parent_id = ? AND name = ?", folder, segment);
        }
        return folder;
    }

    /** The recovery folder in the owner's root, created on first need. */
    private Long recovery(int owner) throws SQLException {
        var root = root(owner);
        var found = jdbc.queryLong("SELECT id FROM folders WHERE parent_id = ? AND name = ?", root, RECOVERY);
        if (found != null) {
            return found;
        }
        long id = nextFolderId++;
        jdbc.write("INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id) VALUES (?, ?, ?, ?, ?, ?)", id, now(), now(),
                RECOVERY, root, owner);
        folderOwners.put(id, owner);
        return id;
    }

    /** A V2 wall-clock time as the UTC time V3's session stores; the time of the upgrade for zero and out-of-range ones. */
    private static LocalDateTime time(String v2) {
        try {
            var local = LocalDateTime.parse(v2.replace(' ', 'T'));
            var utc = local.atZone(V2_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return utc.getYear() >= 1970 && utc.getYear() < 2038 ? utc : now();
        } catch (DateTimeParseException | NullPointerException e) {
            return now();
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String left(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    @Override
    public void close() throws SQLException {
        jdbc.close();
    }
}
