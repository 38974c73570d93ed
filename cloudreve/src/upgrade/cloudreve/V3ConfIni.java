package upgrade.cloudreve;

import org.ini4j.Ini;
import upgrade.db.DatabaseException;
import upgrade.site.TargetConf;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What V3's conf.ini says (v3-database.md §1): the database in [Database] (Type, Host, Port, User,
 * Password, Name, TablePrefix) and the HashIDSalt in [System].
 */
final class V3ConfIni {
    private V3ConfIni() {}

    static TargetConf read(Path file) {
        var ini = ini(file);
        var database = ini.get("Database");
        var type = database == null ? "" : database.getOrDefault("Type", "");
        if (!type.equalsIgnoreCase("mysql")) {
            throw new DatabaseException("V3 conf.ini: " + file + " has [Database] Type '" + type + "'; this upgrade writes into MySQL or MariaDB",
                    "set V3 up on MySQL/MariaDB ([Database] Type = mysql), start it once, then run again");
        }
        var url = "jdbc:mysql://" + database.getOrDefault("Host", "127.0.0.1") + ":" + database.getOrDefault("Port", "3306") + "/"
                + database.getOrDefault("Name", "cloudreve") + "?user=" + URLEncoder.encode(database.getOrDefault("User", "root"), StandardCharsets.UTF_8);
        return new TargetConf(file, url, database.getOrDefault("Password", ""), database.getOrDefault("TablePrefix", ""), hashIdSalt(ini),
                file.toAbsolutePath().normalize() + " ([Database])");
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
