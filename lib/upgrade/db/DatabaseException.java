package upgrade.db;

import upgrade.UpgradeException;

/** A database could not be reached, or does not look like what the upgrade needs. Exit code 4. */
public final class DatabaseException extends UpgradeException {
    public static final int EXIT_CODE = 4;

    public DatabaseException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    public DatabaseException(String message, String hint) {
        this(message, hint, null);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
