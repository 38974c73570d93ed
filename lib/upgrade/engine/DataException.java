package upgrade.engine;

import upgrade.UpgradeException;

/**
 * A row could not be transformed or written: an expression failed on it, a value does not fit its
 * column, or the target refused it. V3 is put back as at its first start: nothing of the run is kept. Exit code 6.
 */
public final class DataException extends UpgradeException {
    public static final int EXIT_CODE = 6;

    public DataException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
