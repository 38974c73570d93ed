package upgrade.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map of at most {@code capacity} entries, so caches never grow with a table.
 * Its keys compare exactly (Java equality): the lookups use it only to remember what the database
 * answered for the very value asked, never to decide that two values are the same key.
 */
final class BoundedCache<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    BoundedCache(int capacity) {
        super(256, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
