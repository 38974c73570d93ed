package upgrade.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compact JSON text, as JSON columns keep it, and lenient reading of JSON kept as text. */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The parsed text, or null when it is blank or not JSON. */
    public static JsonNode readOrNull(Object text) {
        if (text == null || text.toString().isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text.toString());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }
}
