package upgrade.engine;

import upgrade.UpgradeException;

/** The source holds rows the mappings refuse to upgrade (e.g. S3 policies). Nothing was written. Exit code 5. */
public final class RefusedException extends UpgradeException {
    public static final int EXIT_CODE = 5;

    public RefusedException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
