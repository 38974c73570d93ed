package upgrade.engine;

import upgrade.db.Database;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A second connection to a database, with a thread of its own that asks it queries while the
 * first connection answers others: the server then works on two at once (two cores). It sees what
 * the first has written and not committed ({@link Database#openReaderOfUncommitted()}), so it
 * reads the same rows; it only reads.
 */
final class SecondConnection implements AutoCloseable {
    private final Database reader;
    private final ExecutorService thread = Threads.single("upgrade-second-reader");

    private SecondConnection(Database reader) {
        this.reader = reader;
    }

    /** A second connection to {@code database}; null where there is none (SQLite), or the server refuses one: the caller asks everything on the first. */
    static SecondConnection open(Database database) {
        return database.openReaderOfUncommitted().map(SecondConnection::new).orElse(null);
    }

    /** Asks {@code query} of the second connection, on its thread. */
    <T> Future<T> submit(Function<Database, T> query) {
        return thread.submit(() -> query.apply(reader));
    }

    /** The answer; a query's failure is thrown as it was thrown there. */
    static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw Threads.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new CancelledException("stopped while the database answered a query",
                    "run the same command again");
        }
    }

    /** Lets a query still running end (its answer unread), then closes the connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
