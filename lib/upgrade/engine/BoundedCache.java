package upgrade.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used map of at most {@code capacity} entries, so caches never grow with a table. */
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
