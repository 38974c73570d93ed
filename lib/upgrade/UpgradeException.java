package upgrade;

/**
 * Root of every failure an operator can act on. Each subclass names one kind of failure and
 * carries the process exit code the CLI returns for it, plus a hint saying how to fix it.
 * Anything that is not an {@code UpgradeException} is a bug in the toolkit (exit code 1).
 */
public abstract class UpgradeException extends RuntimeException {
    private final String hint;

    protected UpgradeException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** The exit code the command line returns for this kind of failure (see README, "Exit codes"). */
    public abstract int exitCode();

    /** How the operator can fix it; may be empty. */
    public String hint() {
        return hint == null ? "" : hint;
    }

    /** Message and hint together, as the command line prints them. */
    public String describe() {
        return hint().isEmpty() ? getMessage() : getMessage() + "\n  How to fix: " + hint();
    }
}
