package upgrade.db;

import upgrade.UpgradeException;

import java.sql.SQLException;

/** A database could not be reached, or does not look like what the upgrade needs. Exit code 4. */
public final class DatabaseException extends UpgradeException {
    public static final int EXIT_CODE = 4;
    /** MySQL's and MariaDB's error number for a wrong user or password (ER_ACCESS_DENIED_ERROR). */
    private static final int ACCESS_DENIED = 1045;

    public DatabaseException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    public DatabaseException(String message, String hint) {
        this(message, hint, null);
    }

    /** Whether the server refused the user or password (SQLSTATE 28000), so asking for the password again may help. */
    public boolean accessDenied() {
        return getCause() instanceof SQLException e && ("28000".equals(e.getSQLState()) || e.getErrorCode() == ACCESS_DENIED);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
