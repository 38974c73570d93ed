package upgrade.cli;

import upgrade.UpgradeException;
import upgrade.check.ChecksFailedException;
import upgrade.db.DatabaseException;
import upgrade.engine.DataException;
import upgrade.mapping.MappingException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command; README lists the same table. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug in the toolkit: please report it with the output of -v. */
    public static final int INTERNAL_ERROR = 1;
    /** The command line itself is wrong (unknown option, missing value). */
    public static final int USAGE = 2;
    public static final int MAPPING = MappingException.EXIT_CODE;
    public static final int DATABASE = DatabaseException.EXIT_CODE;
    public static final int CHECKS_FAILED = ChecksFailedException.PREFLIGHT_EXIT_CODE;
    public static final int VERIFY_FAILED = ChecksFailedException.VERIFY_EXIT_CODE;
    public static final int DATA = DataException.EXIT_CODE;
    /** The operator answered no at the prompt, or stopped the run with Ctrl-C (its committed pages are kept). */
    public static final int CANCELLED = 130;

    /** What picocli prints under "Exit codes:" in every command's --help. */
    static Map<String, String> help() {
        var help = new LinkedHashMap<String, String>();
        help.put(String.valueOf(OK), "Success.");
        help.put(String.valueOf(INTERNAL_ERROR), "Internal error (a bug; run again with -v and report the output).");
        help.put(String.valueOf(USAGE), "Invalid command line.");
        help.put(String.valueOf(MAPPING), "A mapping file is invalid or does not fit the live schema. This command wrote nothing.");
        help.put(String.valueOf(DATABASE), "A database cannot be reached or is not what the upgrade needs. This command wrote nothing."
                + " Or the connection was lost, or another session held a lock, while a command worked (no row or mapping is at fault):"
                + " what 'run' committed so far is kept; run the same command again (a run continues).");
        help.put(String.valueOf(CHECKS_FAILED), "A check before the upgrade failed (V2 version, storage policies V3 cannot take, pending tasks, "
                + "a V3 database not as V3 left it, a V3 release the mappings do not support, ...). This command wrote nothing.");
        help.put(String.valueOf(DATA), "A row could not be converted or written; V3 was put back as at its first start.");
        help.put(String.valueOf(VERIFY_FAILED), "The V3 database breaks V3's rules (found by verify, or by the verification that ends run);"
                + " the output says how to repair each defect.");
        help.put(String.valueOf(CANCELLED), "Cancelled at the confirmation prompt (nothing was written), or stopped with Ctrl-C"
                + " (the pages committed so far are kept: run the same command again to continue, or 'reset').");
        return help;
    }

    private ExitCodes() {}

    static int of(Throwable e) {
        if (e instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        return e instanceof UpgradeException u ? u.exitCode() : INTERNAL_ERROR;
    }
}
