package upgrade.db;

import upgrade.UpgradeException;
import upgrade.site.SiteProfiles;

import java.sql.SQLException;

/**
 * The database, not a row, stopped a statement: the connection was lost, or another session held
 * a lock the run needed (lock wait timeout, deadlock). No row is blamed, and V3 is not put back as
 * at its first start: the pages committed so far stay, and running the same command again
 * continues after them, as after a killed run. Exit code 4, as for a database that cannot be reached.
 *
 * <p>A page is not retried on a deadlock or a lock wait timeout. A deadlock rolls back the whole
 * transaction, so a retry would have to redo the page from its first row, while the lookups and
 * {@code ensure} rules still remember rows the rollback took away (and ids given out); and the
 * upgrade expects the target database to itself (its application stopped), so a lock held by another session means
 * something else is writing V3, which the operator must stop: a retry would only hide it.
 */
public final class DatabaseInterruptedException extends UpgradeException {
    public static final int EXIT_CODE = DatabaseException.EXIT_CODE;

    private final SqlError kind;

    private DatabaseInterruptedException(SqlError kind, String message, String hint, Throwable cause) {
        super(message, hint, cause);
        this.kind = kind;
    }

    /**
     * The interruption {@code error} ({@link SqlError#interruption()}) of {@code database}, caused by
     * {@code cause}; {@code writing}: the toolkit was writing that database, not only reading it.
     */
    static DatabaseInterruptedException of(SqlError error, ConnectionSpec database, boolean writing, SQLException sql, Throwable cause) {
        var again = "then run the same command again: a run continues after the last page it committed"
                + " ('reset' puts V3 back as at its first start instead)";
        var detail = sql == null ? "" : ": " + sql.getMessage();
        return switch (error) {
            case CONNECTION_LOST -> new DatabaseInterruptedException(error, "the connection to the " + database.label()
                    + " was lost" + (writing ? " while the upgrade wrote it" : " while the upgrade read it") + detail,
                    "check that the server at " + database.shown() + " is running and reachable, and that nothing ends its sessions"
                            + " (a restart, KILL, a proxy's idle timeout); " + again, cause);
            case LOCK_CONFLICT -> new DatabaseInterruptedException(error, "the " + database.label() + " stopped a statement of the upgrade"
                    + " because another session held rows or tables it writes (lock wait timeout or deadlock)" + detail,
                    "stop " + SiteProfiles.current().targetApplication() + " and anything else that writes this database while the upgrade runs"
                            + " (SHOW PROCESSLIST lists the sessions); " + again, cause);
            default -> throw new IllegalArgumentException(error + " is a row's fault, not an interruption");
        };
    }

    /** {@link SqlError#CONNECTION_LOST} or {@link SqlError#LOCK_CONFLICT}. */
    public SqlError kind() {
        return kind;
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
