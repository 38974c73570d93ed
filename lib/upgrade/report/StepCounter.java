package upgrade.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts one step's rows while it runs; {@link #report()} freezes them into a {@link StepReport}. */
public final class StepCounter {
    /** How many keys are kept per reason or note; the counts are always exact. */
    public static final int KEYS_KEPT = 1000;

    private final String name;
    private final String file;
    private final String source;
    private final String target;
    private final Set<String> byDesign;
    private Instant started = Instant.now();
    private long earlierMillis;
    private long read;
    private long written;
    private long targetRows;
    private final Map<String, Long> passedOver = new LinkedHashMap<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, List<String>> skippedKeys = new LinkedHashMap<>();
    private final Map<String, Long> notes = new LinkedHashMap<>();
    private final Map<String, List<String>> noteKeys = new LinkedHashMap<>();

    public StepCounter(String name, String file, String source, String target) {
        this(name, file, source, target, Set.of());
    }

    /** @param byDesign the reasons and notes the mapping declares by design (see {@link StepReport#byDesign()}) */
    public StepCounter(String name, String file, String source, String target, Set<String> byDesign) {
        this.name = name;
        this.file = file;
        this.source = source;
        this.target = target;
        this.byDesign = Set.copyOf(byDesign);
    }

    public void read(long rows) {
        read += rows;
    }

    public void written(long sourceRows, long rows) {
        written += sourceRows;
        targetRows += rows;
    }

    public void passedOver(String reason) {
        passedOver.merge(reason, 1L, Long::sum);
    }

    public void skipped(Object key, String reason) {
        count(skipped, skippedKeys, reason, key);
    }

    /** A row (with this key) written under a note. */
    public void note(Object key, String note) {
        count(notes, noteKeys, note, key);
    }

    private static void count(Map<String, Long> counts, Map<String, List<String>> keys, String text, Object key) {
        counts.merge(text, 1L, Long::sum);
        var list = keys.computeIfAbsent(text, t -> new ArrayList<>());
        if (list.size() < KEYS_KEPT) {
            list.add(String.valueOf(key));
        }
    }


    /** Source rows read so far. */
    public long rowsRead() {
        return read;
    }

    /** The counts so far, to record with a checkpoint and restore when a run resumes. */
    public record State(long read, long written, long targetRows, Map<String, Long> passedOver, Map<String, Long> skipped,
                        Map<String, List<String>> skippedKeys, Map<String, Long> notes, Map<String, List<String>> noteKeys, long millis) {}

    public State state() {
        return new State(read, written, targetRows, frozen(passedOver), frozen(skipped), frozenLists(skippedKeys), frozen(notes),
                frozenLists(noteKeys), earlierMillis + Duration.between(started, Instant.now()).toMillis());
    }

    /** Continues from counts an earlier, interrupted run recorded. */
    public void restore(State state) {
        read = state.read();
        written = state.written();
        targetRows = state.targetRows();
        passedOver.putAll(state.passedOver());
        skipped.putAll(state.skipped());
        state.skippedKeys().forEach((k, v) -> skippedKeys.put(k, new ArrayList<>(v)));
        notes.putAll(state.notes());
        state.noteKeys().forEach((k, v) -> noteKeys.put(k, new ArrayList<>(v)));
        earlierMillis = state.millis();
        started = Instant.now();
    }

    public StepReport report() {
        return new StepReport(name, file, source, target, read, written, targetRows, frozen(passedOver), frozen(skipped),
                frozenLists(skippedKeys), frozen(notes), frozenLists(noteKeys), byDesign,
                Duration.ofMillis(earlierMillis).plus(Duration.between(started, Instant.now())));
    }

    private static Map<String, Long> frozen(Map<String, Long> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<String, List<String>> frozenLists(Map<String, List<String>> map) {
        var copy = new LinkedHashMap<String, List<String>>();
        map.forEach((text, keys) -> copy.put(text, List.copyOf(keys)));
        return Collections.unmodifiableMap(copy);
    }
}
