package bench;

import upgrade.demo.MariaDbServer;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets the server finish, untimed, what the contender before left it to do in the background, so
 * that no contender is timed (or charged processor time) for another's work. After the per-row
 * loop's 200,000 commits, InnoDB still flushes changed pages and purges for a while; whoever ran
 * next was slowed by it (the toolkit alone took 14.4 s at 200,000 files, 17.4 s right after the
 * loop). Here the changed pages are written out at once and the purge is waited for, up to a bound.
 */
public final class QuietServer {
    private static final Duration AT_MOST = Duration.ofSeconds(120);
    /** Changed pages left: a few hundred are what an idle server keeps anyway. */
    private static final long DIRTY_PAGES_LEFT = 500;
    /** Undo log records left to purge. */
    private static final long HISTORY_LEFT = 1_000;

    private QuietServer() {}

    /** Waits until the server is quiet; returns how long that took (never part of a contender's time). */
    public static Duration await(MariaDbServer server) throws InterruptedException {
        var started = Instant.now();
        var pct = server.query(null, "SELECT @@GLOBAL.innodb_max_dirty_pages_pct AS v").get(0).get("v");
        server.execute(null, "SET GLOBAL innodb_max_dirty_pages_pct = 0"); // flush every changed page now
        try {
            while (Duration.between(started, Instant.now()).compareTo(AT_MOST) < 0
                    && (status(server, "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'") > DIRTY_PAGES_LEFT
                    || status(server, "SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'") > HISTORY_LEFT)) {
                Thread.sleep(200);
            }
        } finally {
            server.execute(null, "SET GLOBAL innodb_max_dirty_pages_pct = " + pct);
        }
        return Duration.between(started, Instant.now());
    }

    /** A number the server reports; 0 when this server does not report it. */
    private static long status(MariaDbServer server, String show) {
        var rows = server.query(null, show);
        return rows.isEmpty() ? 0 : Long.parseLong(String.valueOf(rows.get(0).get("Value")));
    }
}
