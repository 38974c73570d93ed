package bench;

import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;

import java.time.Duration;
import java.time.Instant;

/**
 * Writes a generated {@link Site} into a fresh V2 2.0.0-Alpha1 database (demo/v2-schema.sql). Every
 * table is filled by a few {@code INSERT … SELECT} statements over MariaDB's SEQUENCE engine
 * ({@code seq_0_to_N}), so no row passes through Java and a million files take seconds.
 * <p>
 * Ids: user {@code u} (0-based) has id {@code 2 + u} (1 is the installer's admin), and so has its
 * root folder; folder {@code k} of user {@code u} has id {@code base + k * users + u}, level by
 * level, so a folder's parent is found by id arithmetic; file {@code s} has id {@code 1 + s}; the
 * dirty rows follow the clean ones. Every user has the same folder names, as on a real site, which
 * lets V2's owner-blind {@code parent_folder} point into the first user's tree, as V2 does.
 */
public final class SiteGenerator {
    private static final String DATE = "'2019-03-17 10:00:00'";
    /** Ids no folder or file has: V2's links to rows deleted long ago. */
    private static final long GONE = 1_000_000_000L;

    private final MariaDbServer server;
    private final String database;
    private final Site site;
    private final long users;
    private final long base;

    public SiteGenerator(MariaDbServer server, String database, Site site) {
        this.server = server;
        this.database = database;
        this.site = site;
        this.users = site.users();
        this.base = users + 2;
    }

    /** Creates the V2 database and fills it with the whole site; returns how long it took. */
    public Duration generate() {
        var started = Instant.now();
        DemoSite.createV2(server, database, false);
        users();
        roots();
        folders();
        files();
        shares();
        return Duration.between(started, Instant.now());
    }

    /** The users (1 in 50 banned or waiting for activation); a dirty site leaves out the deleted ones. */
    public void users() {
        insert("sd_users", users, """
                SELECT 2 + seq, CONCAT('user', 2 + seq, '@example.com'), CONCAT('user', 2 + seq), MD5(CONCAT('sdshare', seq)),
                       %s + INTERVAL seq MINUTE, seq MOD 50 = 1, 3, 0, IF(seq MOD 100 = 1, MD5(seq), 'n'), 0, '0', 0, 'default', 1, '', '{}'
                FROM {seq} %s""".formatted(DATE, site.dirty() ? "WHERE seq MOD 100 <> " + Site.DELETED : ""));
    }

    /** Every user's root folder ('根目录' at position '.'), but for the users who lost theirs. */
    public void roots() {
        insert("sd_folders", users, """
                SELECT 2 + seq, '根目录', 0, '.', CAST(2 + seq AS CHAR), %s + INTERVAL seq MINUTE, '/'
                FROM {seq} %s""".formatted(DATE, site.dirty() ? "WHERE seq MOD 100 <> " + Site.ROOTLESS : ""));
    }

    /** The folder trees, one level per statement (a level's parents are the rows of the level before), then the dirty folders. */
    public void folders() {
        var k = "(seq DIV %d)".formatted(users);
        var u = "(seq MOD %d)".formatted(users);
        var name = folderName(k);
        // V2 set a top-level folder's parent_folder to the first folder with path '/': the admin's root.
        insert("sd_folders", top() * users, """
                SELECT %d + seq, %s, 1, '/', CAST(2 + %s AS CHAR), %s + INTERVAL seq SECOND, CONCAT('/', %s) FROM {seq}"""
                .formatted(base, name, u, DATE, name));
        long from = top();
        long width = from * site.branching();
        while (from < site.foldersPerUser()) {
            long to = Math.min(site.foldersPerUser(), from + width);
            // parent_folder: V2 looked the parent up by path without the owner, so it names the first user's folder.
            insert("sd_folders", from * users, to * users, """
                    SELECT %d + seq, %s, %s, p.position_absolute, p.owner, %s + INTERVAL seq SECOND, CONCAT(p.position_absolute, '/', %s)
                    FROM {seq} JOIN sd_folders p ON p.id = %s"""
                    .formatted(base, name, parentOf(k, "0"), DATE, name, parentOf(k, u)));
            from = to;
            width *= site.branching();
        }

        long next = base + site.treeFolders();
        var copied = "IF(seq MOD 2 = 0, c.folder_name, UPPER(c.folder_name))";
        insert("sd_folders", site.duplicateFolders(), """
                SELECT %d + seq, %s, c.parent_folder, c.position, c.owner, c.date + INTERVAL 1 DAY,
                       CONCAT(c.position, IF(c.position = '/', '', '/'), %s)
                FROM {seq} JOIN sd_folders c ON c.id = %s"""
                .formatted(next, copied, copied, spread(site.treeFolders(), base, 1_000_003)));
        next += site.duplicateFolders();
        // V2's rename rewrote paths by LIKE 'old%': a sibling's position changed and its own path did not, or the other way round.
        insert("sd_folders", site.damagedFolders(), """
                SELECT %d + seq, CONCAT('moved', seq), c.id, IF(seq MOD 2 = 0, CONCAT(c.position_absolute, '-old'), c.position_absolute),
                       c.owner, c.date + INTERVAL 1 DAY, CONCAT(c.position_absolute, IF(seq MOD 2 = 0, '/', '-old/'), 'moved', seq)
                FROM {seq} JOIN sd_folders c ON c.id = %s"""
                .formatted(next, spread(site.treeFolders(), base, 999_983)));
        next += site.damagedFolders();
        insert("sd_folders", site.orphanFolders(), """
                SELECT %d + seq, 'child', %d + seq, CONCAT('/gone', seq), CAST(2 + seq MOD %d AS CHAR), %s, CONCAT('/gone', seq, '/child')
                FROM {seq}""".formatted(next, GONE, users, DATE));
    }

    /** The files: spread over each user's root and folders, then the dirty ones. */
    public void files() {
        long clean = site.cleanFiles();
        // file s belongs to user s MOD users and lies in slot (s DIV users) MOD slots: 0 is the root, k + 1 is folder k
        var slot = "((seq DIV %d) MOD %d)".formatted(users, site.foldersPerUser() + 1);
        var u = "(seq MOD %d)".formatted(users);
        var folder = "IF(%s = 0, 2 + %s, %d + (%s - 1) * %d + %s)".formatted(slot, u, base, slot, users, u);
        var name = "CONCAT('file', seq DIV %d, ELT(1 + seq MOD 5, '.jpg', '.txt', '.pdf', '.mp3', '.docx'))".formatted(users);
        insert("sd_files", clean, """
                SELECT 1 + seq, %s, CONCAT('20190317/', 2 + %s, '/', 2 + %s, '_', LEFT(MD5(seq), 8), '_', %s), 2 + %s,
                       (seq * 7919) MOD 10485760, %s + INTERVAL seq SECOND, IF(seq MOD 5 = 0, '800,600', ' '), %s, 1,
                       COALESCE(f.position_absolute, '/')
                FROM {seq} LEFT JOIN sd_folders f ON f.id = %s""".formatted(name, u, u, name, u, DATE, folder, folder));

        long next = clean + 1;
        copyFiles(next, site.duplicateFiles(), 1_000_003, "f.orign_name");
        next += site.duplicateFiles();
        copyFiles(next, site.caseDuplicateFiles(), 999_983, "UPPER(f.orign_name)");
        next += site.caseDuplicateFiles();
        // a file named like a folder, in that folder's parent (V2's upload checked files only)
        var folderK = "((c.id - %d) DIV %d)".formatted(base, users);
        var folderU = "((c.id - %d) MOD %d)".formatted(base, users);
        insert("sd_files", site.filesBesideFolder(), """
                SELECT %d + seq, c.folder_name, CONCAT('20190318/', 2 + %s, '/', c.folder_name), 2 + %s, 4096, %s, ' ',
                       IF(%s < %d, 2 + %s, %s), 1, c.position
                FROM {seq} JOIN sd_folders c ON c.id = %s"""
                .formatted(next, folderU, folderU, DATE, folderK, top(), folderU, parentOf(folderK, folderU),
                        spread(site.treeFolders(), base, 1_000_033)));
        next += site.filesBesideFolder();
        insert("sd_files", site.filesInVanishedFolder(), """
                SELECT %d + seq, CONCAT('lost', seq, '.txt'), CONCAT('20190318/', 2 + seq MOD %d, '/lost', seq, '.txt'), 2 + seq MOD %d,
                       1000 + seq, %s, ' ', %d + seq, 1, CONCAT('/vanished', seq)
                FROM {seq}""".formatted(next, users, users, DATE, GONE));
    }

    /** {@code count} copies of clean files picked over the site, named {@code nameExpression}, in the same folder. */
    private void copyFiles(long firstId, int count, long prime, String nameExpression) {
        insert("sd_files", count, """
                SELECT %d + seq, %s, CONCAT(f.pre_name, '.copy'), f.upload_user, f.size, f.upload_date + INTERVAL 1 DAY, f.pic_info,
                       f.parent_folder, f.policy_id, f.dir
                FROM {seq} JOIN sd_files f ON f.id = %s""".formatted(firstId, nameExpression, spread(site.cleanFiles(), 1, prime)));
    }

    /** Shares of clean files and tree folders, a third private, some public ones with V2's stale password; then dangling ones. */
    public void shares() {
        var type = "IF(seq MOD 3 = 0, 'private', 'public')";
        var password = "IF(seq MOD 3 = 0 OR seq MOD 10 = 1, LEFT(MD5(seq), 6), '0')";
        // 8 characters of [a-z0-9] from the share's id, as V2 made them (it never checked them for uniqueness)
        var key = "LEFT(MD5(CONCAT('share', %d + seq)), 8)";
        insert("sd_shares", site.fileShares(), """
                SELECT 1 + seq, %s, %s, f.upload_user, CAST(f.id AS CHAR), f.orign_name, seq MOD 7, seq MOD 13, 'file', %s, %s
                FROM {seq} JOIN sd_files f ON f.id = %s"""
                .formatted(type, DATE, key.formatted(1), password, spread(site.cleanFiles(), 1, 1_000_037)));
        long next = 1 + site.fileShares();
        insert("sd_shares", site.folderShares(), """
                SELECT %d + seq, %s, %s, CAST(c.owner AS UNSIGNED), c.position_absolute, c.position_absolute, seq MOD 7, seq MOD 13,
                       'dir', %s, %s
                FROM {seq} JOIN sd_folders c ON c.id = %s"""
                .formatted(next, type, DATE, key.formatted(next), password, spread(site.treeFolders(), base, 1_000_039)));
        next += site.folderShares();
        insert("sd_shares", site.danglingShares(), """
                SELECT %d + seq, 'public', %s, 2 + seq MOD %d, IF(seq MOD 2 = 0, CAST(%d + seq AS CHAR), CONCAT('/nonexistent', seq)),
                       'gone', 0, 0, IF(seq MOD 2 = 0, 'file', 'dir'), %s, '0'
                FROM {seq}""".formatted(next, DATE, users, GONE, key.formatted(next)));
    }

    /** How many folders of each user sit directly in its root. */
    private long top() {
        return Math.min(site.topLevel(), site.foldersPerUser());
    }

    /** A folder's name from its index {@code k} in its user's tree; unique per user, the same for every user. */
    private static String folderName(String k) {
        return "CONCAT(ELT(1 + %s MOD 6, 'docs', 'photos', 'music', 'work', 'backup', 'videos'), %s)".formatted(k, k);
    }

    /** The id of the parent of folder {@code k} (below the top level) of user {@code u}. */
    private String parentOf(String k, String u) {
        return "%d + ((%s - %d) DIV %d) * %d + %s".formatted(base, k, top(), site.branching(), users, u);
    }

    /**
     * The seq-th id picked over the {@code total} rows whose ids start at {@code first}: seq times a
     * prime above a million, modulo total. The picks are distinct (while total is no multiple of the
     * prime) and fall on all users; a plain step would be a multiple of the user count, and pick the
     * rows of one user only.
     */
    private static String spread(long total, long first, long prime) {
        return "%d + (seq * %d) MOD %d".formatted(first, prime, Math.max(1, total));
    }

    private void insert(String table, long count, String select) {
        insert(table, 0, count, select);
    }

    /**
     * {@code INSERT INTO table} the rows of {@code select}, with {@code {seq}} replaced by MariaDB's
     * sequence table of the numbers {@code from} to {@code to - 1}; nothing when that is empty.
     */
    private void insert(String table, long from, long to, String select) {
        if (to > from) {
            server.execute(database, "INSERT INTO " + table + " " + select.replace("{seq}", "seq_" + from + "_to_" + (to - 1)));
        }
    }
}
