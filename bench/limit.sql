-- The limit for bench/compare.java: the V2 -> V3 upgrade of users, root folders, folders, files,
-- shares and storage as INSERT ... SELECT statements the server runs on its own, with the joins
-- the toolkit's mappings use (a folder's parent by owner + path, a file's folder by its
-- parent_folder or its path, a share's object). Runs on one connection to the V3 database;
-- {{v2}} is the V2 database on the same server, {{recovery}} the recovery folder's name.
-- What it leaves out or does more simply than the toolkit is listed in README "Benchmarks".

-- Not strict: a share's source_name is cast to a number whatever its kind, as in V2.
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
-- V2 wrote Asia/Shanghai wall-clock times (UTC+8 all year); they are written as UTC instants.
SET SESSION time_zone = '+00:00';

-- V2's folders by owner and path (the first, lowest id, of equal ones): V2 indexes nothing but ids.
CREATE TEMPORARY TABLE bench_path (owner INT UNSIGNED NOT NULL, path BINARY(16) NOT NULL, id INT UNSIGNED NOT NULL, PRIMARY KEY (owner, path));
INSERT IGNORE INTO bench_path SELECT CAST(owner AS UNSIGNED), UNHEX(MD5(position_absolute)), id FROM `{{v2}}`.sd_folders ORDER BY id;

-- Users, ids kept; V2's user 1 takes the place of the admin V3 created. V2 group 2 (guests) is V3's 3,
-- V2's 3 (members) V3's 2. Of users with the same e-mail the first is kept (IGNORE).
DELETE FROM users;
INSERT IGNORE INTO users (id, created_at, updated_at, email, nick, password, status, group_id, storage, two_factor, avatar, options, authn)
SELECT u.id, t, t, u.user_email, LEFT(u.user_nick, 50), CONCAT('md5:', u.user_pass, ':sdshare'),
       IF(u.user_status = 0, 0, IF(u.user_activation_key <> 'n', 1, 2)),
       CASE u.user_group WHEN 2 THEN 3 WHEN 3 THEN 2 ELSE COALESCE(g.id, 2) END, 0, '',
       IF(u.avatar LIKE 'g.%', 'gravatar', IF(u.avatar LIKE 'f.%', 'file', '')), '{}', ''
FROM (SELECT *, IF(user_date BETWEEN '1970-01-02' AND '2038-01-18', user_date - INTERVAL 8 HOUR, UTC_TIMESTAMP()) AS t FROM `{{v2}}`.sd_users) u
LEFT JOIN `groups` g ON g.id = u.user_group
ORDER BY u.id;

-- One root per user: its first V2 root folder (id kept), else a new one with an id above V2's.
DELETE FROM folders;
INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id)
SELECT f.id, IF(f.date BETWEEN '1970-01-02' AND '2038-01-18', f.date - INTERVAL 8 HOUR, UTC_TIMESTAMP()),
       IF(f.date BETWEEN '1970-01-02' AND '2038-01-18', f.date - INTERVAL 8 HOUR, UTC_TIMESTAMP()), '/', NULL, p.owner
FROM bench_path p JOIN users u ON u.id = p.owner JOIN `{{v2}}`.sd_folders f ON f.id = p.id
WHERE p.path = UNHEX(MD5('/')) AND f.position = '.';
SET @next = (SELECT MAX(id) FROM `{{v2}}`.sd_folders);
INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id)
SELECT @next + ROW_NUMBER() OVER (ORDER BY u.id), UTC_TIMESTAMP(), UTC_TIMESTAMP(), '/', NULL, u.id
FROM users u WHERE NOT EXISTS (SELECT 1 FROM folders r WHERE r.owner_id = u.id AND r.parent_id IS NULL);
CREATE TEMPORARY TABLE bench_root (owner INT UNSIGNED PRIMARY KEY, id INT UNSIGNED NOT NULL)
SELECT owner_id AS owner, id FROM folders WHERE parent_id IS NULL;

-- Folders, ids kept: the parent is the owner's root (top level) or the owner's folder at the parent
-- path, when the folder's own path continues it; else none yet (the recovery folder, below).
-- Equal names in one folder (as V3 compares them) become 'name (2)', 'name (3)'...
INSERT IGNORE INTO folders (id, created_at, updated_at, name, parent_id, owner_id)
SELECT id, t, t, IF(n = 1, name, CONCAT(name, ' (', n, ')')), parent, owner
FROM (
    SELECT x.*, ROW_NUMBER() OVER (PARTITION BY parent, owner, name ORDER BY id) AS n
    FROM (
        SELECT c.id, r.owner, IF(c.folder_name = '', '(no name)', LEFT(c.folder_name, 255)) AS name,
               IF(c.date BETWEEN '1970-01-02' AND '2038-01-18', c.date - INTERVAL 8 HOUR, UTC_TIMESTAMP()) AS t,
               CASE WHEN c.position = '/' THEN r.id
                    WHEN LEFT(c.position_absolute, CHAR_LENGTH(c.position) + 1) = CONCAT(c.position, '/') THEN p.id END AS parent
        FROM `{{v2}}`.sd_folders c
        JOIN bench_root r ON r.owner = CAST(c.owner AS UNSIGNED)
        LEFT JOIN bench_path p ON p.owner = r.owner AND p.path = UNHEX(MD5(c.position))
        WHERE c.position <> '.'
    ) x
) y;

-- A recovery folder in the root of each user with folders whose parent is gone; they go into it.
SET @next = (SELECT GREATEST(MAX(id), @next) FROM folders);
INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id)
SELECT @next + ROW_NUMBER() OVER (ORDER BY lost.owner_id), UTC_TIMESTAMP(), UTC_TIMESTAMP(), '{{recovery}}', r.id, lost.owner_id
FROM (SELECT DISTINCT owner_id FROM folders WHERE parent_id IS NULL AND name <> '/') lost JOIN bench_root r ON r.owner = lost.owner_id;
UPDATE folders f JOIN bench_root r ON r.owner = f.owner_id
JOIN folders rec ON rec.owner_id = f.owner_id AND rec.parent_id = r.id AND rec.name = '{{recovery}}'
SET f.parent_id = rec.id WHERE f.parent_id IS NULL AND f.name <> '/';

-- Files, ids kept: in V2's parent_folder when that is the owner's folder, else in the owner's folder
-- at the file's path, else none yet (the recovery folder, below). Files of deleted policies are
-- left out. A file named like a folder beside it becomes 'name (file)'; equal names 'base (2).ext'.
INSERT IGNORE INTO files (id, created_at, updated_at, name, source_name, user_id, size, pic_info, folder_id, policy_id)
SELECT id, t, t, IF(n = 1, name, CONCAT(LEFT(name, CHAR_LENGTH(name) - CHAR_LENGTH(ext)), ' (', n, ')', ext)),
       source_name, user_id, size, pic_info, folder, policy_id
FROM (
    SELECT z.*, IF(LOCATE('.', name) > 0, CONCAT('.', SUBSTRING_INDEX(name, '.', -1)), '') AS ext,
           ROW_NUMBER() OVER (PARTITION BY folder, user_id, name ORDER BY id) AS n
    FROM (
        SELECT y.id, y.t, IF(sibling.id IS NULL, y.name, CONCAT(y.name, ' (file)')) AS name, y.source_name, y.user_id, y.size,
               y.pic_info, y.folder, y.policy_id
        FROM (
            SELECT f.id, IF(f.upload_date BETWEEN '1970-01-02' AND '2038-01-18', f.upload_date - INTERVAL 8 HOUR, UTC_TIMESTAMP()) AS t,
                   LEFT(f.orign_name, 255) AS name,
                   IF(pol.policy_type = 'local', CONCAT('public/uploads/', TRIM(BOTH '/' FROM REPLACE(f.pre_name, '\\', '/'))), f.pre_name) AS source_name,
                   f.upload_user AS user_id, GREATEST(f.size, 0) AS size,
                   IF(f.pic_info REGEXP '^[1-9][0-9]*,[1-9][0-9]*$', f.pic_info, '') AS pic_info,
                   COALESCE(own.id, IF(f.dir = '/', r.id, p.id)) AS folder, f.policy_id
            FROM `{{v2}}`.sd_files f
            JOIN bench_root r ON r.owner = f.upload_user
            JOIN `{{v2}}`.sd_policy pol ON pol.id = f.policy_id
            LEFT JOIN folders own ON own.id = f.parent_folder AND own.owner_id = f.upload_user
            LEFT JOIN bench_path p ON p.owner = f.upload_user AND p.path = UNHEX(MD5(f.dir))
        ) y
        LEFT JOIN folders sibling ON sibling.name = y.name AND sibling.parent_id = y.folder
    ) z
) numbered;

-- A recovery folder for each user with files whose folder is gone (unless the user has one already); they go into it.
SET @next = (SELECT GREATEST(MAX(id), @next) FROM folders);
INSERT INTO folders (id, created_at, updated_at, name, parent_id, owner_id)
SELECT @next + ROW_NUMBER() OVER (ORDER BY lost.user_id), UTC_TIMESTAMP(), UTC_TIMESTAMP(), '{{recovery}}', r.id, lost.user_id
FROM (SELECT DISTINCT user_id FROM files WHERE folder_id IS NULL) lost JOIN bench_root r ON r.owner = lost.user_id
WHERE NOT EXISTS (SELECT 1 FROM folders rec WHERE rec.owner_id = lost.user_id AND rec.parent_id = r.id AND rec.name = '{{recovery}}');
UPDATE files f JOIN bench_root r ON r.owner = f.user_id
JOIN folders rec ON rec.owner_id = f.user_id AND rec.parent_id = r.id AND rec.name = '{{recovery}}'
SET f.folder_id = rec.id WHERE f.folder_id IS NULL;

-- Shares, ids kept, of files and folders their user owns in V3; unlimited downloads, no expiry.
INSERT INTO shares (id, created_at, updated_at, password, is_dir, user_id, source_id, views, downloads, remain_downloads, expires,
                    preview_enabled, source_name)
SELECT s.id, t, t, IF(s.type = 'private', s.share_pwd, ''), s.source_type = 'dir', s.owner, COALESCE(fi.id, fo.id), s.view_num,
       s.download_num, -1, NULL, 1, COALESCE(fi.name, SUBSTRING_INDEX(s.source_name, '/', -1))
FROM (SELECT *, IF(share_time BETWEEN '1970-01-02' AND '2038-01-18', share_time - INTERVAL 8 HOUR, UTC_TIMESTAMP()) AS t
      FROM `{{v2}}`.sd_shares) s
JOIN users u ON u.id = s.owner
LEFT JOIN files fi ON s.source_type = 'file' AND fi.id = CAST(s.source_name AS UNSIGNED) AND fi.user_id = s.owner
LEFT JOIN bench_root r ON s.source_type = 'dir' AND s.source_name = '/' AND r.owner = s.owner
LEFT JOIN bench_path p ON s.source_type = 'dir' AND p.owner = s.owner AND p.path = UNHEX(MD5(s.source_name))
LEFT JOIN folders fo ON fo.id = COALESCE(r.id, p.id) AND fo.owner_id = s.owner
WHERE fi.id IS NOT NULL OR fo.id IS NOT NULL;

-- Storage: the sum of the sizes of each user's files in V3.
UPDATE users u JOIN (SELECT user_id, SUM(size) AS total FROM files GROUP BY user_id) used ON used.user_id = u.id
SET u.storage = used.total;

DROP TEMPORARY TABLE bench_path;
DROP TEMPORARY TABLE bench_root
