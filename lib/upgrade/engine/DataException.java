package upgrade.engine;

import upgrade.UpgradeException;

import java.sql.SQLException;

/**
 * A row could not be transformed or written: an expression failed on it, a value does not fit its
 * column, or the target refused it. V3 is put back as at its first start: nothing of the run is kept. Exit code 6.
 */
public final class DataException extends UpgradeException {
    public static final int EXIT_CODE = 6;

    public DataException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    /** The target refused the source row with key {@code sourceKey}, for the reason the database gives. */
    static DataException cannotWrite(Object sourceKey, String table, Throwable e) {
        var reason = e.getMessage();
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                reason = sql.getMessage();
                break;
            }
        }
        return new DataException("cannot write the source row with key " + sourceKey + " into " + table + ": " + reason,
                "fix the mapping rule for the column the database names, or the source row", e);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
