package upgrade.site;

import java.nio.file.Path;

/**
 * What a source site's own files say about it (read by the installed {@link SiteProfile}).
 *
 * @param root     the site's root directory
 * @param settings where the settings were read, for the operator: "ROOT/application (read by php)"
 * @param url      a JDBC URL for its database (without its password)
 * @param password the database password, kept out of the URL
 * @param prefix   its table prefix
 * @param salt     its password salt
 * @param timeZone the zone it wrote its times in, as it names it
 * @param version  its version; empty when it does not say
 * @param where    the file that names its database, for messages ("ROOT/application/database.php")
 */
public record SourceSite(Path root, String settings, String url, String password, String prefix, String salt, String timeZone,
                         String version, String where) {}
