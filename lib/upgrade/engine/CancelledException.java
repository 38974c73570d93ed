package upgrade.engine;

import upgrade.UpgradeException;

/** The operator stopped the run (Ctrl-C); it stopped after its last committed page. Exit code 130. */
public final class CancelledException extends UpgradeException {
    public static final int EXIT_CODE = 130;

    public CancelledException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
