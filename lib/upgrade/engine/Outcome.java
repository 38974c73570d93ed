package upgrade.engine;

import java.util.List;
import java.util.Map;

/** What becomes of one source row. */
public sealed interface Outcome {
    /** The source row's key. */
    Object sourceKey();

    /**
     * Written with these target values; {@code notes} are counted in the report, {@code export} is
     * its export line, {@code source} the source row (an {@code on_conflict} expression reads it).
     */
    record Write(Object sourceKey, Map<String, Object> values, List<String> notes, List<Object> export,
                 Map<String, Object> source) implements Outcome {}

    /** Left out, with the reason reported for it. */
    record Skip(Object sourceKey, String reason) implements Outcome {}

    /** Not this mapping's row (its {@code only} conditions do not hold); another mapping handles it. */
    record PassOver(Object sourceKey, String reason) implements Outcome {}
}
