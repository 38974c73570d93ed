package upgrade.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a database is, as the operator gave it: a JDBC URL such as
 * {@code jdbc:mysql://host:3306/cloudreve?user=u&password=p}, with the password optionally coming
 * from an environment variable instead, so it need not appear in the process list; or a SQLite
 * file, {@code sqlite:/path/cloudreve.db} (also {@code jdbc:sqlite:/path/cloudreve.db}).
 *
 * @param label    how messages name this database ("V2 database", "V3 database")
 * @param option   where the URL came from, for hints: an option ({@code --to}) or a file
 * @param url      the URL as given
 * @param password a password from the environment, or null to use the URL's own
 * @param typed    true when the operator typed host, port, user and database at a prompt (no URL, no option):
 *                 messages then name what was typed
 */
public record ConnectionSpec(String label, String option, String url, String password, boolean typed) {
    private static final Pattern SUPPORTED = Pattern.compile("^jdbc:(mysql|mariadb)://[^/?]+/([^?]*)(\\?.*)?$");
    private static final Pattern SQLITE = Pattern.compile("^(?:jdbc:)?sqlite:(.+)$");
    private static final Pattern PARTS = Pattern.compile("^jdbc:\\w+://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?$");

    /** A database given by an option or read from a file. */
    public ConnectionSpec(String label, String option, String url, String password) {
        this(label, option, url, password, false);
    }

    /** A database whose host, port, user and name the operator typed at the prompts. */
    public static ConnectionSpec typed(String label, String url, String password) {
        return new ConnectionSpec(label, "the answers typed", url, password, true);
    }

    /** The same database with another password (asked again after access was denied). */
    public ConnectionSpec withPassword(String newPassword) {
        return new ConnectionSpec(label, option, url, newPassword, typed);
    }

    /**
     * The database as the operator gave it, for messages: what was typed ({@code host:3306/cloudreve as user 'root'})
     * or the URL without its password.
     */
    public String shown() {
        var matcher = PARTS.matcher(url == null ? "" : url);
        if (!typed || !matcher.matches()) {
            return redacted();
        }
        var user = user(matcher.group(4));
        return matcher.group(1) + (matcher.group(2) == null ? "" : ":" + matcher.group(2)) + "/" + matcher.group(3)
                + (user == null ? "" : " as user '" + user + "'");
    }

    /** Whether this is a SQLite file ({@code sqlite:PATH}) rather than a MySQL/MariaDB server. */
    public boolean isSqlite() {
        return url != null && SQLITE.matcher(url).matches();
    }

    /** The SQLite file this names, absolute; only for {@link #isSqlite()}. */
    public Path sqliteFile() {
        var matcher = SQLITE.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a SQLite database: " + redacted());
        }
        return Path.of(matcher.group(1)).toAbsolutePath().normalize();
    }

    /** A SQLite file as a spec, named by its path ({@code sqlite:/path/cloudreve.db}). */
    public static String sqliteUrl(Path file) {
        return "sqlite:" + file.toAbsolutePath().normalize();
    }

    /** How to fix a connection that failed: where to check the settings. */
    public String connectionHint() {
        if (isSqlite()) {
            return "check the path of the SQLite file in " + option + " (" + upgrade.site.SiteProfiles.current().targetApplication()
                    + " creates it at its first start, where its configuration says)";
        }
        return (typed ? "check the host, port, database, user and password you typed"
                : "check host, port, database name, user and password in " + option)
                + " (the server must be running and reachable from this machine)";
    }

    /**
     * The URL the driver accepts: MySQL Connector/J's {@code jdbc:mysql:} (a {@code jdbc:mariadb:} URL, as the
     * MariaDB driver takes it, is read as the same server); a SQLite file's {@code jdbc:sqlite:PATH}.
     */
    public String driverUrl() {
        if (isSqlite()) {
            var file = sqliteFile();
            if (!Files.isRegularFile(file)) {
                // the driver would create an empty file: a V3 database is only ever one V3 created
                throw new DatabaseException(label + ": there is no SQLite file " + file + " (from " + option + ").",
                        connectionHint() + "; start " + upgrade.site.SiteProfiles.current().targetApplication()
                                + " once so that it creates its database, then stop it");
            }
            return "jdbc:sqlite:" + file;
        }
        var matcher = SUPPORTED.matcher(url == null ? "" : url);
        if (!matcher.matches()) {
            throw new DatabaseException(label + ": '" + redacted() + "' is not a MySQL/MariaDB JDBC URL.",
                    "give " + option + " as jdbc:mysql://HOST:PORT/DATABASE?user=USER&password=PASSWORD, or sqlite:/PATH/cloudreve.db for V3's SQLite file");
        }
        if (matcher.group(2).isEmpty()) {
            throw new DatabaseException(label + ": the URL '" + redacted() + "' names no database.",
                    "put the database name after the port, e.g. jdbc:mysql://localhost:3306/cloudreve");
        }
        return "jdbc:mysql" + url.substring(url.indexOf("://"));
    }

    /** The database (schema) name in the URL; a SQLite file's path. */
    public String databaseName() {
        if (isSqlite()) {
            return sqliteFile().toString();
        }
        var matcher = SUPPORTED.matcher(url);
        return matcher.matches() ? matcher.group(2) : "";
    }

    /** The command that backs this database up with mysqldump (the password is asked for, not shown). */
    public String dumpCommand(String file) {
        if (isSqlite()) {
            return "sqlite3 " + sqliteFile() + " \".backup '" + file.replaceFirst("\\.sql$", ".db") + "'\"";
        }
        var matcher = PARTS.matcher(url);
        if (!matcher.matches()) {
            return "mysqldump --single-transaction DATABASE > " + file;
        }
        var user = user(matcher.group(4));
        return "mysqldump --single-transaction --host=" + matcher.group(1) + (matcher.group(2) == null ? "" : " --port=" + matcher.group(2))
                + (user == null ? "" : " --user=" + user + " -p") + " " + matcher.group(3) + " > " + file;
    }

    private static String user(String parameters) {
        return parameters == null ? null : Arrays.stream(parameters.split("&"))
                .filter(p -> p.startsWith("user=")).map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElse(null);
    }

    /** The URL with any password replaced by {@code ***}, safe for messages and logs. */
    public String redacted() {
        return redact(url);
    }

    /** Any URL with its password replaced by {@code ***}. */
    public static String redact(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Reads the password from the named environment variable when it is set. */
    public static ConnectionSpec of(String label, String option, String url, String passwordVariable) {
        Map<String, String> env = System.getenv();
        var password = passwordVariable == null ? null : env.get(passwordVariable);
        return new ConnectionSpec(label, option, url, password == null || password.isEmpty() ? null : password);
    }
}
