package upgrade.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one mapping did. Every source row read is written, passed over (it is another mapping's),
 * or left out for a reason: {@code read == written + sum(passedOver) + sum(skipped)} always holds
 * ({@link #balanced()}).
 *
 * @param name        the mapping's name (its file name without .yaml)
 * @param file        the mapping file
 * @param source      source table (with prefix)
 * @param target      target table (with prefix)
 * @param read        source rows read
 * @param written     source rows that reached the target
 * @param targetRows  target rows inserted or updated (differs from {@code written} for key-value mappings)
 * @param passedOver  rows that are not this mapping's (its {@code only} conditions), by reason
 * @param skipped     rows left out, by reason
 * @param skippedKeys the keys of the rows left out, by reason (the first {@link StepCounter#KEYS_KEPT} of each)
 * @param notes       rows written under a note (renamed, re-homed, data dropped by design...), by note
 * @param noteKeys    the keys of the rows under each note (the first {@link StepCounter#KEYS_KEPT} of each)
 * @param byDesign    the reasons and notes among these that the mapping declares by design ({@code by_design: true}):
 *                    rows left out, or written without some of their data, on purpose
 * @param elapsed     wall-clock time of the step
 */
public record StepReport(String name, String file, String source, String target, long read, long written, long targetRows,
                         Map<String, Long> passedOver, Map<String, Long> skipped, Map<String, List<String>> skippedKeys,
                         Map<String, Long> notes, Map<String, List<String>> noteKeys, Set<String> byDesign, Duration elapsed) {

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long passedOverTotal() {
        return passedOver.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when every row read is accounted for. */
    public boolean balanced() {
        return read == written + passedOverTotal() + skippedTotal();
    }
}
