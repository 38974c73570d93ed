package upgrade.mapping;

import upgrade.UpgradeException;

/** A mapping file is malformed or does not fit the live schema. Nothing has been written. Exit code 3. */
public final class MappingException extends UpgradeException {
    public static final int EXIT_CODE = 3;
    private final Where where;

    public MappingException(Where where, String problem, String hint) {
        super(where + ": " + problem, hint, null);
        this.where = where;
    }

    public MappingException(Where where, String problem, String hint, Throwable cause) {
        super(where + ": " + problem, hint, cause);
        this.where = where;
    }

    public Where where() {
        return where;
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
