package upgrade.mapping;

import java.util.Map;

/**
 * A named or inline translation table, e.g. V2 group ids to V3 group ids. Keys are compared as
 * text, so {@code 2} in YAML matches both the number 2 and the text '2' in a V2 row.
 *
 * @param name      the name in value-maps.yaml, or "inline"
 * @param values    source value (as text) to target value
 * @param otherwise what happens to an unlisted value
 */
public record ValueMap(String name, Where where, Map<String, Object> values, Otherwise otherwise) {

    /** What an unlisted source value becomes. */
    public sealed interface Otherwise {
        /** The source value is kept as it is. */
        record Keep() implements Otherwise {}

        /** The row is left out, with this reason. */
        record Skip(String reason) implements Otherwise {}

        /** This constant is used. */
        record Use(Object value) implements Otherwise {}
    }
}
