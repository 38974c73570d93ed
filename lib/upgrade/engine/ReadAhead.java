package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The pages of a source table read one page ahead, on a connection of their own, while the step
 * works out and writes the page before: on two cores the database sends the next page while Java
 * evaluates this one (measured: the files step spent an eighth of its time waiting for V2's pages).
 * Only for tables the step does not write, whose rows another connection sees alike (V2's, read
 * in a read-only session). A failure of the reading connection is thrown by {@link #next()} as it
 * would be without read-ahead: a lost connection or lock conflict as an interruption of that database.
 */
final class ReadAhead implements Iterable<List<Map<String, Object>>>, AutoCloseable {
    private final Database reader;
    private final Iterator<List<Map<String, Object>>> pages;
    private final ExecutorService thread = Threads.single("upgrade-read-ahead");
    private Future<List<Map<String, Object>>> next;

    /** Reads {@code table} of {@code database} after {@code start} (a checkpoint's key, or null) on a second connection. */
    ReadAhead(Database database, Table table, String key, int pageSize, String start) {
        this.reader = Database.open(database.spec(), database.role(), database.prefix());
        try {
            this.pages = new RowReader(reader, table, key, pageSize, start).iterator();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        this.next = thread.submit(this::fetch);
    }

    private List<Map<String, Object>> fetch() {
        try {
            return pages.hasNext() ? pages.next() : List.of();
        } catch (RuntimeException e) {
            reader.refusal(e); // a lost connection or a lock conflict: thrown as an interruption of this database
            throw e;
        }
    }

    @Override
    public Iterator<List<Map<String, Object>>> iterator() {
        return new Iterator<>() {
            private List<Map<String, Object>> page;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = await();
                }
                return !page.isEmpty();
            }

            @Override
            public List<Map<String, Object>> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                var current = page;
                page = null;
                next = thread.submit(ReadAhead.this::fetch);
                return current;
            }
        };
    }

    private List<Map<String, Object>> await() {
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw Threads.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("stopped while the next page of " + reader.prefix() + " was read",
                    "run the same command again: it continues after the last page committed");
        }
    }

    /** Stops reading (a page being read is abandoned) and closes the second connection. */
    @Override
    public void close() {
        next.cancel(true);
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
