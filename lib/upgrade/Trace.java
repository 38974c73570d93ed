package upgrade;

import java.util.List;
import java.util.Map;

/**
 * One V2 row traced through its mapping, for debugging in JShell: the row, which conditions held,
 * and for each target column the source values its rule read and the value it gave.
 *
 * @param outcome what became of the row: "written", "left out: REASON", "passed on: REASON"
 */
public record Trace(String mapping, Object key, Map<String, Object> row, List<Step> steps, String outcome) {

    /** One rule or condition: what it read and what it gave. */
    public record Step(String what, String where, Map<String, Object> read, Object gave) {}

    @Override
    public String toString() {
        var text = new StringBuilder(mapping + " row " + key + ": " + outcome + "\n");
        for (var step : steps) {
            text.append(String.format("  %-28s %-22s read %s -> %s%n", step.what(), step.where(), step.read(), step.gave()));
        }
        return text.toString();
    }
}
