package upgrade.support;

import upgrade.demo.MariaDbServer;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.TargetVersions;

import java.util.List;

/**
 * The V3 releases target.yaml lists, and a stand-in database for those without a fixture of their
 * own: the 3.8.3 fixture without the tables and columns later releases added (v3-database.md §6)
 * and with that release's db_version. Its default settings are 3.8.3's (a release's own differ,
 * §5.2), which the upgrade only updates by name, but for the aria2 settings that releases before
 * 3.4.0 have (§5.1) and later ones dropped; its column types are 3.8.3's.
 */
public final class V3Releases {
    public static final TargetVersions LISTED = MappingLoader.versions(MappingFiles.bundled());

    private V3Releases() {}

    /** Every release's name, oldest first. */
    public static List<String> names() {
        return LISTED.known().stream().map(TargetVersions.Version::name).toList();
    }

    /** Turns a 3.8.3 first-start database (prefix {@code prefix}) into release {@code name}'s stand-in. */
    public static void reduce(MariaDbServer server, String database, String prefix, String name) {
        var index = LISTED.indexOf(name);
        for (int i = LISTED.known().size() - 1; i > index; i--) {
            for (var added : LISTED.known().get(i).adds()) {
                var dot = added.indexOf('.');
                server.execute(database, dot < 0 ? "DROP TABLE `" + prefix + added + "`"
                        : "ALTER TABLE `" + prefix + added.substring(0, dot) + "` DROP COLUMN `" + added.substring(dot + 1) + "`");
            }
        }
        server.execute(database, "UPDATE `" + prefix + "settings` SET name = 'db_version_" + LISTED.known().get(index).marker()
                + "' WHERE type = 'version'");
        if (index < LISTED.indexOf("3.4.0")) {
            server.execute(database, "INSERT INTO `" + prefix + "settings` (created_at, updated_at, type, name, value) VALUES"
                    + " (NOW(), NOW(), 'aria2', 'aria2_token', ''), (NOW(), NOW(), 'aria2', 'aria2_rpcurl', ''),"
                    + " (NOW(), NOW(), 'aria2', 'aria2_temp_path', ''), (NOW(), NOW(), 'aria2', 'aria2_options', '{}'),"
                    + " (NOW(), NOW(), 'aria2', 'aria2_interval', '60'), (NOW(), NOW(), 'timeout', 'aria2_call_timeout', '5')");
        }
    }
}
