package upgrade.db;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * MariaDB and MySQL. Time values are written as UTC wall-clock text; the target session runs with
 * {@code time_zone = '+00:00'}, so TIMESTAMP columns store exactly the instant we mean.
 */
public final class MariaDbDialect implements Dialect {
    private static final DateTimeFormatter UTC_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int ER_DUP_ENTRY = 1062;

    @Override
    public String quote(String identifier) {
        if (identifier.indexOf('`') >= 0 || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier with a backquote or NUL: " + identifier);
        }
        return "`" + identifier + "`";
    }

    @Override
    public Object timeValue(Instant instant) {
        return UTC_TEXT.format(instant);
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
