package upgrade.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes a step's page on a second thread while the next page is worked out, for as long as that
 * leaves the target's connection alone ({@link PageEvaluation.Quiet}: the fetching of its keys and
 * its recording rounds when the lookups read on a connection of their own, else its first
 * recording round, which is Java alone). On two cores the database then takes the page's INSERT,
 * its checks of taken names and its commit while the next page is worked out.
 *
 * <p>Both threads use the one target connection, never at once: the page's write is started only
 * when the evaluation stops using the database, and the evaluation waits for it to end before it
 * asks the database anything again. So every statement still runs in page order on one
 * transaction, each page commits exactly what it committed before, and a failure of the write
 * (a refused row, a lost connection, a stop on request) is thrown to the step as it was thrown
 * before, once the evaluation needs the database.
 */
final class WriteBehind implements PageEvaluation.Quiet, AutoCloseable {
    private final String step;
    private final ExecutorService thread = Threads.single("upgrade-write-behind");
    /** The write of the page before, not started yet. */
    private Runnable waiting;
    private Future<?> running;

    WriteBehind(String step) {
        this.step = step;
    }

    /** The write of the page just evaluated: it runs in the next page's quiet round, or at {@link #flush()}. */
    void schedule(Runnable write) {
        if (waiting != null || running != null) {
            throw new IllegalStateException("the page before is not written yet");
        }
        waiting = write;
    }

    @Override
    public void begins() {
        if (waiting != null) {
            running = thread.submit(waiting);
            waiting = null;
        }
    }

    /** Returns when the page before is written (here, if its quiet round never began); its failure is thrown here. */
    @Override
    public void ends() {
        if (running != null) {
            var write = running;
            running = null;
            awaitUninterruptibly(write);
        } else if (waiting != null) {
            var write = waiting;
            waiting = null;
            write.run();
        }
    }

    /** Writes the last page. */
    void flush() {
        begins();
        ends();
    }

    /**
     * A write running on the connection must end before the step's caller may roll back on it, so
     * an interrupt waits for it too, and is then told as a stop.
     */
    private void awaitUninterruptibly(Future<?> write) {
        var interrupted = false;
        try {
            while (true) {
                try {
                    write.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw Threads.failure(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (interrupted) {
            throw new CancelledException("stopped while a page of step '" + step + "' was written",
                    "run the same command again: it continues after the last page committed");
        }
    }

    /** Waits for a write still running (its failure, if any, is left to the failure already under way) and stops the thread; a write not started is dropped. */
    @Override
    public void close() {
        waiting = null;
        try {
            if (running != null) {
                var write = running;
                running = null;
                awaitUninterruptibly(write);
            }
        } catch (RuntimeException | Error ignored) {
            // the step is already failing or finished; this write's failure is not the one to tell
        } finally {
            thread.shutdown();
        }
    }
}
