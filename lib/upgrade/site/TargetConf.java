package upgrade.site;

import java.nio.file.Path;

/**
 * What the target application's configuration file says (read by the installed {@link SiteProfile}).
 *
 * @param file      the file
 * @param url       a JDBC URL for its database (without its password)
 * @param password  the database password, kept out of the URL
 * @param prefix    its table prefix
 * @param shareSalt the salt of its share links; empty when unknown
 * @param where     where in the file the database is named, for messages ("FILE ([Database])")
 */
public record TargetConf(Path file, String url, String password, String prefix, String shareSalt, String where) {}
