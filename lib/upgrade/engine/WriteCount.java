package upgrade.engine;

/**
 * Counts rows created outside the step's own writer (by {@code ensure} rules), so lookup caches
 * that remember misses know when a miss may have become a hit.
 */
public final class WriteCount {
    private long count;

    void increment() {
        count++;
    }

    long value() {
        return count;
    }
}
