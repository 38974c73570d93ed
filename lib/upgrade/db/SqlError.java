package upgrade.db;

/**
 * What a refused statement means for the upgrade, as the {@link Dialect} reads the database's
 * error (its error code or SQLState, never the message text): whether a row is at fault at all.
 */
public enum SqlError {
    /** A UNIQUE or PRIMARY key already holds the row's value: the row collides with another. */
    DUPLICATE_KEY,
    /** The connection is gone (dropped, killed, server stopped or restarted): no row's fault. */
    CONNECTION_LOST,
    /** Another session held a lock too long (lock wait timeout), or two waited on each other (deadlock): no row's fault. */
    LOCK_CONFLICT,
    /** Anything else: a value of the wrong type or size, a NULL where none may be, another constraint. The row's fault. */
    REFUSED;

    /** Whether the database, not the statement's values, stopped it: the run stops, keeping what it committed. */
    public boolean interruption() {
        return this == CONNECTION_LOST || this == LOCK_CONFLICT;
    }
}
