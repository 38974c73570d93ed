package upgrade.site;

import org.ini4j.Ini;
import upgrade.db.DatabaseException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What V3's conf.ini says (v3-database.md §1): the database in [Database] (Type, Host, Port, User,
 * Password, Name, TablePrefix) and the HashIDSalt in [System].
 *
 * @param url      a JDBC URL for V3's database (without its password)
 * @param password the database password, kept out of the URL
 */
public record V3Conf(Path file, String url, String password, String prefix, String hashIdSalt) {

    public static V3Conf read(Path file) {
        var ini = ini(file);
        var database = ini.get("Database");
        var type = database == null ? "" : database.getOrDefault("Type", "");
        if (!type.equalsIgnoreCase("mysql")) {
            throw new DatabaseException("V3 conf.ini: " + file + " has [Database] Type '" + type + "'; this upgrade writes into MySQL or MariaDB",
                    "set V3 up on MySQL/MariaDB ([Database] Type = mysql), start it once, then run again");
        }
        var system = ini.get("System");
        var url = "jdbc:mysql://" + database.getOrDefault("Host", "127.0.0.1") + ":" + database.getOrDefault("Port", "3306") + "/"
                + database.getOrDefault("Name", "cloudreve") + "?user=" + URLEncoder.encode(database.getOrDefault("User", "root"), StandardCharsets.UTF_8);
        return new V3Conf(file, url, database.getOrDefault("Password", ""), database.getOrDefault("TablePrefix", ""),
                system == null ? "" : system.getOrDefault("HashIDSalt", ""));
    }

    /** Only the {@code [System] HashIDSalt} of a conf.ini (whatever database V3 uses); empty when it has none. */
    public static String hashIdSaltOf(Path file) {
        var system = ini(file).get("System");
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
