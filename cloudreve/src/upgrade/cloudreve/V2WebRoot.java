package upgrade.cloudreve;

import com.fasterxml.jackson.databind.ObjectMapper;
import upgrade.db.DatabaseException;
import upgrade.site.SourceSite;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a V2 web root says about the site (shared/reference/v2-database.md §1 and §7): the database
 * connection and table prefix in application/database.php, the password salt and time zone in
 * application/config.php, the version in application/version.json.
 */
final class V2WebRoot {
    private static final String DATABASE_FILE = "application/database.php";

    private V2WebRoot() {}

    /** The V2 site whose web root is {@code directory}, if it is one (it holds application/database.php). */
    static Optional<SourceSite> at(Path directory) {
        return Files.isRegularFile(directory.resolve(DATABASE_FILE)) ? Optional.of(read(directory)) : Optional.empty();
    }

    /**
     * The V2 web root that holds {@code directory} (itself or a directory above it), if any: the
     * nearest one with application/database.php. Files written there may be served by V2's web server.
     */
    static Optional<Path> rootAround(Path directory) {
        for (var dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DATABASE_FILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    static SourceSite read(Path root) {
        var database = PhpConfig.read(root.resolve(DATABASE_FILE));
        var config = Files.isRegularFile(root.resolve("application/config.php"))
                ? PhpConfig.read(root.resolve("application/config.php")) : new PhpConfig.Values(Map.of(), "absent");
        var name = database.get("database", "");
        if (name.isEmpty()) {
            throw new DatabaseException("V2 web root: " + root.resolve(DATABASE_FILE) + " names no database",
                    "check the file, or pass --from with the V2 database's URL");
        }
        var url = "jdbc:mysql://" + database.get("hostname", "127.0.0.1") + ":" + database.get("hostport", "3306") + "/" + name
                + "?user=" + URLEncoder.encode(database.get("username", "root"), StandardCharsets.UTF_8);
        var absolute = root.toAbsolutePath().normalize();
        var settings = absolute + "/application (" + (database.readBy().equals("php") ? "read by php" : "read without php") + ")";
        var defaults = CloudreveSite.defaults();
        return new SourceSite(root, settings, url, database.values().getOrDefault("password", ""),
                database.values().getOrDefault("prefix", defaults.v2Prefix()), config.get("salt", defaults.salt()),
                config.get("default_timezone", "PRC"), version(root), absolute.resolve(DATABASE_FILE).toString());
    }

    /** The {@code version} in application/version.json, or empty when there is no such file. */
    private static String version(Path root) {
        var file = root.resolve("application/version.json");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return new ObjectMapper().readTree(file.toFile()).path("version").asText("");
        } catch (IOException e) {
            throw new DatabaseException("V2 web root: " + file + " is not readable JSON: " + e.getMessage(), "", e);
        }
    }
}
