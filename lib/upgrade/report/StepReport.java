package upgrade.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one mapping did. Every source row read is either written or left out for a reason:
 * {@code read == written + sum(skipped)} always holds ({@link #balanced()}).
 *
 * @param name        the mapping's name (its target table without prefix)
 * @param file        the mapping file
 * @param source      source table (with prefix)
 * @param target      target table (with prefix)
 * @param read        source rows read
 * @param written     source rows that reached the target
 * @param targetRows  target rows inserted or updated (differs from {@code written} for key-value mappings)
 * @param skipped     rows left out, by reason
 * @param skippedKeys the keys of the rows left out, by reason (the first {@link StepCounter#KEYS_KEPT} of each)
 * @param notes       rows written under a note (e.g. data dropped by design), by note
 * @param elapsed     wall-clock time of the step
 */
public record StepReport(String name, String file, String source, String target, long read, long written, long targetRows,
                         Map<String, Long> skipped, Map<String, List<String>> skippedKeys, Map<String, Long> notes,
                         Duration elapsed) {

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when every row read is accounted for. */
    public boolean balanced() {
        return read == written + skippedTotal();
    }
}
