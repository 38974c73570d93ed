package upgrade.cloudreve;

import java.util.ListResourceBundle;

/**
 * The command line's help and questions in Cloudreve's words: the files of V2's web root and V3's
 * conf.ini they are read from, and V3's names for its settings. The engine's own texts name no
 * product; these replace them, key by key (picocli's keys for option descriptions, {@code prompt.*}
 * for the questions of {@code upgrade.cli.Texts}).
 */
public final class CloudreveTexts extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"from.0", "The V2 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v2?user=root (password: $" + upgrade.Upgrade.V2_PASSWORD_VARIABLE + ")."},
                {"from.1", "Default: from --v2-root. Not needed (nor opened) by verify and reset."},
                {"to.0", "The V3 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v3?user=root (password: $" + upgrade.Upgrade.V3_PASSWORD_VARIABLE + "),"},
                {"to.1", "or V3's SQLite file: sqlite:/opt/cloudreve/cloudreve.db."},
                {"to.2", "Default: from --v3-conf; on a terminal it is asked for (a conf.ini path, or setting by setting)."},
                {"v2-root.0", "V2's web root: its application/database.php (database, prefix), config.php (salt, time zone) and version.json"},
                {"v2-root.1", "are read. Default: the current directory, when it is one. Options given explicitly win."},
                {"v3-dir", "The directory V3 runs in, where its relative paths start (thumbnails, avatars, local files). Default: V2's web root"},
                {"thumb-suffix", "What V3 appends to a file's path for its thumbnail (thumb_file_suffix / [Thumbnail] FileSuffix). Default: ${DEFAULT-VALUE}"},
                {"v3-conf.0", "V3's conf.ini: its [Database] (MySQL/MariaDB; SQLite: DBFile, default cloudreve.db beside conf.ini) and [System] HashIDSalt"},
                {"v3-conf.1", "are read. Options given explicitly win."},
                {"v2-prefix", "V2's table prefix ('prefix' in application/database.php). Default: ${DEFAULT-VALUE}"},
                {"v3-prefix", "V3's table prefix ([Database] TablePrefix in conf.ini). Default: none, as V3's own default"},
                {"salt", "V2's password salt ('salt' in application/config.php). Default: ${DEFAULT-VALUE}"},
                {"v2-timezone", "The zone V2 wrote its times in ('default_timezone' in application/config.php; PRC). Default: ${DEFAULT-VALUE}"},
                {"v2-version", "The version in V2's application/version.json, when you know it; checked to be 2.0.0-Alpha1"},
                {"recovery-folder", "The folder, in each user's root, that receives folders and files whose V2 folder no longer exists. Default: ${DEFAULT-VALUE}"},
                {"hashid-salt.0", "V3's [System] HashIDSalt from its conf.ini. With it, v2-share-links.csv also gives each old share link its new link."},
                {"hashid-salt.1", "Default: from --v3-conf; on a terminal, run asks for it (or for a conf.ini to read it from)."},
                {"export-dir.0", "Where upgrade-report.json and v2-share-links.csv (every V2 share key -> V3 share) are written."},
                {"export-dir.1", "Default: beside V2's web root (<parent>/" + upgrade.cli.ExportDirectory.BESIDE_PREFIX + "<root's name>) when run inside it,"},
                {"export-dir.2", "since V2's web server may serve the root; else the current directory. The path is printed."},
                {"leave-out-unsupported-policies.0", "Leave every storage policy V3 cannot take (S3, remote, or a type V2 2.0.0-Alpha1 never had, e.g. b2)"},
                {"leave-out-unsupported-policies.1", "and its files out, each listed in the report with its cause, instead of refusing to run."},
                {"prompt.targetHeading", "The V3 database (V3 must have started on it once):"},
                {"prompt.targetFile", "  V3's conf.ini to read the settings from, or its SQLite file (.db) (empty: type them)"},
                {"prompt.targetFileAgain", "  V3's conf.ini or SQLite file (empty: type the settings)"},
                {"prompt.sqlitePrefix", "  table prefix (V3's default is none)"},
                {"prompt.defaultDatabase", "cloudreve"},
                {"prompt.typedPrefix", "  table prefix (V3's default is none; the docs use cd_)"},
                {"prompt.shareSaltWhy", "V3's HashIDSalt ([System] HashIDSalt in V3's conf.ini) lets v2-share-links.csv give each old share link its new link."},
                {"prompt.shareSalt", "  HashIDSalt, or the path of V3's conf.ini (empty: leave the new links out)"},
                {"prompt.shareSaltMissing", "  %s has no [System] HashIDSalt."},
                {"hint.missingTarget", "give --to JDBC_URL, or --v3-conf FILE (V3's conf.ini), or run on a terminal without --yes to be asked"}
        };
    }
}
