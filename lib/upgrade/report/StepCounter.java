package upgrade.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts one step's rows while it runs; {@link #report()} freezes them into a {@link StepReport}. */
public final class StepCounter {
    /** How many keys are kept per skip reason; the count is always exact. */
    public static final int KEYS_KEPT = 1000;

    private final String name;
    private final String file;
    private final String source;
    private final String target;
    private final Instant started = Instant.now();
    private long read;
    private long written;
    private long targetRows;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, List<String>> skippedKeys = new LinkedHashMap<>();
    private final Map<String, Long> notes = new LinkedHashMap<>();

    public StepCounter(String name, String file, String source, String target) {
        this.name = name;
        this.file = file;
        this.source = source;
        this.target = target;
    }

    public void read(long rows) {
        read += rows;
    }

    public void written(long sourceRows, long rows) {
        written += sourceRows;
        targetRows += rows;
    }

    public void skipped(Object key, String reason) {
        skipped.merge(reason, 1L, Long::sum);
        var keys = skippedKeys.computeIfAbsent(reason, r -> new ArrayList<>());
        if (keys.size() < KEYS_KEPT) {
            keys.add(String.valueOf(key));
        }
    }

    public void note(String note) {
        notes.merge(note, 1L, Long::sum);
    }

    public long read() {
        return read;
    }

    public StepReport report() {
        var keys = new LinkedHashMap<String, List<String>>();
        skippedKeys.forEach((reason, list) -> keys.put(reason, List.copyOf(list)));
        return new StepReport(name, file, source, target, read, written, targetRows, Map.copyOf(skipped),
                java.util.Collections.unmodifiableMap(keys), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes)),
                Duration.between(started, Instant.now()));
    }
}
