package upgrade.mapping;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** A map from its YAML: {@code values} (from: to) and {@code otherwise} (null: keep). */
    public static ValueMap parse(String name, Where where, YamlNode values, YamlNode otherwise) {
        var map = new LinkedHashMap<String, Object>();
        for (var entry : values.entries()) {
            map.put(entry.getKey(), entry.getValue().scalar());
        }
        return new ValueMap(name, where, Map.copyOf(map), parseOtherwise(otherwise));
    }

    private static Otherwise parseOtherwise(YamlNode node) {
        if (node == null || node.isScalar() && "keep".equals(node.text())) {
            return new Otherwise.Keep();
        }
        if (node.isObject()) {
            node.onlyKeys(List.of("skip", "value"), "'otherwise'");
            if (node.get("skip").isPresent()) {
                return new Otherwise.Skip(node.get("skip").get().text());
            }
            if (node.get("value").isPresent()) {
                return new Otherwise.Use(node.get("value").get().scalar());
            }
        }
        throw new MappingException(node.where(), "'otherwise' must be 'keep', {skip: REASON} or {value: VALUE}", "");
    }
}
