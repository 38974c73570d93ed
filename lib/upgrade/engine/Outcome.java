package upgrade.engine;

import java.util.List;
import java.util.Map;

/** What becomes of one source row. */
public sealed interface Outcome {
    /** Written with these target values; {@code notes} are counted in the report. */
    record Write(Object sourceKey, Map<String, Object> values, List<String> notes) implements Outcome {}

    /** Left out, with the reason reported for it. */
    record Skip(Object sourceKey, String reason) implements Outcome {}
}
