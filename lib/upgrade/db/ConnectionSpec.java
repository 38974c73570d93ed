package upgrade.db;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a database is, as the operator gave it: a JDBC URL such as
 * {@code jdbc:mysql://host:3306/cloudreve?user=u&password=p}, with the password optionally coming
 * from an environment variable instead, so it need not appear in the process list.
 *
 * @param label    how messages name this database ("V2 database", "V3 database")
 * @param option   the command-line option the URL came from, for hints
 * @param url      the URL as given
 * @param password a password from the environment, or null to use the URL's own
 */
public record ConnectionSpec(String label, String option, String url, String password) {
    private static final Pattern SUPPORTED = Pattern.compile("^jdbc:(mysql|mariadb)://[^/?]+/([^?]*)(\\?.*)?$");

    /** The URL the MariaDB driver accepts: {@code jdbc:mysql:} is read as {@code jdbc:mariadb:}. */
    public String driverUrl() {
        var matcher = SUPPORTED.matcher(url == null ? "" : url);
        if (!matcher.matches()) {
            throw new DatabaseException(label + ": '" + redacted() + "' is not a MySQL/MariaDB JDBC URL.",
                    "give " + option + " as jdbc:mysql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
        if (matcher.group(2).isEmpty()) {
            throw new DatabaseException(label + ": the URL '" + redacted() + "' names no database.",
                    "put the database name after the port, e.g. jdbc:mysql://localhost:3306/cloudreve");
        }
        return "jdbc:mariadb:" + url.substring(url.indexOf("://"));
    }

    /** The database (schema) name in the URL. */
    public String databaseName() {
        var matcher = SUPPORTED.matcher(url);
        return matcher.matches() ? matcher.group(2) : "";
    }

    /** The command that backs this database up with mysqldump (the password is asked for, not shown). */
    public String dumpCommand(String file) {
        var matcher = Pattern.compile("^jdbc:\\w+://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?$").matcher(url);
        if (!matcher.matches()) {
            return "mysqldump --single-transaction DATABASE > " + file;
        }
        var user = matcher.group(4) == null ? null : Arrays.stream(matcher.group(4).split("&"))
                .filter(p -> p.startsWith("user=")).map(p -> p.substring(5)).findFirst().orElse(null);
        return "mysqldump --single-transaction --host=" + matcher.group(1) + (matcher.group(2) == null ? "" : " --port=" + matcher.group(2))
                + (user == null ? "" : " --user=" + user + " -p") + " " + matcher.group(3) + " > " + file;
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
