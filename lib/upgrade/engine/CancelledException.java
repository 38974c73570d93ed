package upgrade.engine;

import upgrade.UpgradeException;

import java.util.Optional;

/**
 * The operator stopped the run (Ctrl-C) at a page boundary: the pages committed so far stay, with
 * their progress, for the next run to continue. Exit code 130.
 */
public final class CancelledException extends UpgradeException {
    public static final int EXIT_CODE = 130;

    private final RunStatus kept;

    public CancelledException(String message, String hint) {
        this(message, hint, null);
    }

    private CancelledException(String message, String hint, RunStatus kept) {
        super(message, hint, null);
        this.kept = kept;
    }

    /** The same stop, saying what V3 keeps of the run. */
    public CancelledException keeping(RunStatus status) {
        return new CancelledException(getMessage() + ";\n  kept in V3, committed: " + status.kept(), hint(), status);
    }

    /** What V3 keeps of the run; empty for a dry run, which keeps nothing. */
    public Optional<RunStatus> kept() {
        return Optional.ofNullable(kept);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
