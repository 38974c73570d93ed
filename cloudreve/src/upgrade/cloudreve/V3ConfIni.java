package upgrade.cloudreve;

import org.ini4j.Ini;
import upgrade.db.ConnectionSpec;
import upgrade.db.DatabaseException;
import upgrade.site.TargetConf;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What V3's conf.ini says (v3-database.md §1): the database in [Database] (Type, Host, Port, User,
 * Password, Name, TablePrefix; for SQLite, DBFile) and the HashIDSalt in [System].
 */
final class V3ConfIni {
    /** V3 uses SQLite when [Database] has no Type (3.0.0 on; no [Database] at all is V3's default) or Type sqlite/sqlite3 (3.2.0 on). */
    private static final Set<String> SQLITE = Set.of("", "sqlite", "sqlite3");
    private static final String DEFAULT_SQLITE_FILE = "cloudreve.db";

    private V3ConfIni() {}

    static TargetConf read(Path file) {
        var ini = ini(file);
        var database = ini.get("Database");
        var type = database == null ? "" : database.getOrDefault("Type", "");
        var where = file.toAbsolutePath().normalize() + " ([Database])";
        if (SQLITE.contains(type.toLowerCase())) {
            return new TargetConf(file, ConnectionSpec.sqliteUrl(sqliteFile(file, database)), "",
                    database == null ? "" : database.getOrDefault("TablePrefix", ""), hashIdSalt(ini), where);
        }
        if (!type.equalsIgnoreCase("mysql")) {
            throw new DatabaseException("V3 conf.ini: " + file + " has [Database] Type '" + type + "'; this upgrade writes into MySQL, MariaDB or SQLite",
                    "set V3 up on MySQL/MariaDB ([Database] Type = mysql) or SQLite (Type = sqlite), start it once, then run again");
        }
        var url = "jdbc:mysql://" + database.getOrDefault("Host", "127.0.0.1") + ":" + database.getOrDefault("Port", "3306") + "/"
                + database.getOrDefault("Name", "cloudreve") + "?user=" + URLEncoder.encode(database.getOrDefault("User", "root"), StandardCharsets.UTF_8);
        return new TargetConf(file, url, database.getOrDefault("Password", ""), database.getOrDefault("TablePrefix", ""), hashIdSalt(ini), where);
    }

    /**
     * V3's SQLite file: {@code DBFile} (default {@code cloudreve.db}); V3 takes a relative one from the
     * directory of its executable, which is taken to be the conf.ini's (V3 writes conf.ini there).
     */
    private static Path sqliteFile(Path conf, Map<String, String> database) {
        var name = database == null ? "" : database.getOrDefault("DBFile", "");
        var parent = conf.toAbsolutePath().normalize().getParent();
        return parent.resolve(name.isBlank() ? DEFAULT_SQLITE_FILE : name.trim()).normalize();
    }

    /** Only the {@code [System] HashIDSalt} of a conf.ini (whatever database V3 uses); empty when it has none. */
    static String hashIdSaltOf(Path file) {
        return hashIdSalt(ini(file));
    }

    private static String hashIdSalt(Ini ini) {
        var system = ini.get("System");
        return system == null ? "" : system.getOrDefault("HashIDSalt", "");
    }

    private static Ini ini(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException("V3 conf.ini: " + file + " does not exist", "give --v3-conf the conf.ini V3 writes beside itself");
        }
        try {
            return new Ini(file.toFile());
        } catch (IOException e) {
            throw new DatabaseException("V3 conf.ini: cannot read " + file + ": " + e.getMessage(), "", e);
        }
    }
}
