package upgrade.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a parsed YAML file that knows where it stands in the file, so every complaint about a
 * mapping names file, line and column. Jackson's tree has no positions; we read them from the
 * token stream once and look them up by JSON pointer.
 */
public final class YamlNode {
    // A key written twice is an error, not "the last one wins".
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final JsonNode node;
    private final String pointer;
    private final String file;
    private final Map<String, Where> positions;
    // A merged map or list (a mapping laid over the one it extends): its parts, each from its own file; null otherwise.
    private final Map<String, YamlNode> fields;
    private final List<YamlNode> elements;

    private YamlNode(JsonNode node, String pointer, String file, Map<String, Where> positions) {
        this(node, pointer, file, positions, null, null);
    }

    private YamlNode(JsonNode node, String pointer, String file, Map<String, Where> positions,
                     Map<String, YamlNode> fields, List<YamlNode> elements) {
        this.node = node;
        this.pointer = pointer;
        this.file = file;
        this.positions = positions;
        this.fields = fields;
        this.elements = elements;
    }

    /**
     * A map whose entries may come from several files, each keeping its own file and positions;
     * the map itself stands where {@code at} stands.
     */
    public static YamlNode merged(YamlNode at, Map<String, YamlNode> entries) {
        var json = JsonNodeFactory.instance.objectNode();
        entries.forEach((name, value) -> json.set(name, value.node));
        return new YamlNode(json, at.pointer, at.file, at.positions, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), null);
    }

    /** A list whose items may come from several files; it stands where {@code at} stands. */
    public static YamlNode merged(YamlNode at, List<YamlNode> items) {
        var json = JsonNodeFactory.instance.arrayNode();
        items.forEach(item -> json.add(item.node));
        return new YamlNode(json, at.pointer, at.file, at.positions, null, List.copyOf(items));
    }

    /** True for a map or list made by {@link #merged}, whose parts may come from several files. */
    public boolean isMerged() {
        return fields != null || elements != null;
    }

    /** Parses a whole file; a syntax error becomes a {@link MappingException} at the offending line. */
    public static YamlNode parse(String file, String text) {
        var positions = new HashMap<String, Where>();
        try (var parser = YAML.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                var context = parser.getParsingContext();
                var location = parser.currentTokenLocation();
                var where = new Where(file, location.getLineNr(), location.getColumnNr());
                if (token == JsonToken.FIELD_NAME) {
                    positions.putIfAbsent(context.pathAsPointer().toString(), where);
                } else if (context.inArray() || context.inRoot() || startsContainerInArrayOrRoot(context, token)) {
                    positions.putIfAbsent(elementPointer(context, token), where);
                }
            }
            var tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new MappingException(new Where(file, 1, 1), "the file is empty", "");
            }
            return new YamlNode(tree, "", file, positions);
        } catch (JsonProcessingException e) {
            throw new MappingException(problemAt(file, e), "not valid YAML: " + e.getOriginalMessage(),
                    "fix the YAML syntax at that line (indentation, a missing ':' or an unclosed quote)", e);
        } catch (IOException e) {
            throw new MappingException(new Where(file, 0, 0), "cannot be read: " + e.getMessage(), "", e);
        }
    }

    /**
     * Where a syntax error is: the YAML scanner's marks when it has them, else Jackson's location
     * (the end of the last good token).
     */
    private static Where problemAt(String file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                // A token the scanner could not finish ("while scanning a quoted scalar") is best shown
                // where it starts: the problem mark may be far later, e.g. at the end of the file for an
                // unclosed quote. For parser errors the problem mark is the offending place.
                var scanning = marked instanceof org.yaml.snakeyaml.scanner.ScannerException && marked.getContextMark() != null;
                var mark = scanning ? marked.getContextMark() : marked.getProblemMark();
                if (mark != null) {
                    return new Where(file, mark.getLine() + 1, mark.getColumn() + 1);
                }
            }
        }
        var location = e.getLocation();
        return location == null ? new Where(file, 0, 0) : new Where(file, location.getLineNr(), location.getColumnNr());
    }

    private static boolean startsContainerInArrayOrRoot(com.fasterxml.jackson.core.JsonStreamContext context, JsonToken token) {
        var parent = context.getParent();
        return (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && parent != null && (parent.inArray() || parent.inRoot());
    }

    private static String elementPointer(com.fasterxml.jackson.core.JsonStreamContext context, JsonToken token) {
        // For START_OBJECT/START_ARRAY the context is already the new container; its position is its parent's path.
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            return context.getParent().pathAsPointer().toString();
        }
        return context.pathAsPointer().toString();
    }

    public Where where() {
        for (var p = pointer; ; p = parentOf(p)) {
            var where = positions.get(p);
            if (where != null) {
                return where;
            }
            if (p.isEmpty()) {
                return new Where(file, 1, 1);
            }
        }
    }

    private static String parentOf(String p) {
        var cut = p.lastIndexOf('/');
        return cut <= 0 ? "" : p.substring(0, cut);
    }

    public String file() {
        return file;
    }

    public String path() {
        return pointer.isEmpty() ? "(top)" : pointer.substring(1).replace('/', '.');
    }

    public JsonNode json() {
        return node;
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isText() {
        return node.isTextual();
    }

    public boolean isScalar() {
        return node.isValueNode();
    }

    public Optional<YamlNode> get(String field) {
        if (fields != null) {
            return Optional.ofNullable(fields.get(field));
        }
        var child = node.get(field);
        if (child == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new YamlNode(child, pointer + "/" + escape(field), file, positions));
    }

    public YamlNode require(String field, String hint) {
        return get(field).orElseThrow(() -> new MappingException(where(), "'" + field + "' is required here but missing", hint));
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** Object entries in file order, each with its own position. */
    public List<Map.Entry<String, YamlNode>> entries() {
        if (!node.isObject()) {
            throw new MappingException(where(), "'" + path() + "' must be a map of 'key: value' entries", "");
        }
        var entries = new ArrayList<Map.Entry<String, YamlNode>>();
        if (fields != null) {
            entries.addAll(fields.entrySet());
            return entries;
        }
        node.fieldNames().forEachRemaining(name -> entries.add(Map.entry(name, get(name).orElseThrow())));
        return entries;
    }

    /** Array items, each with its own position. */
    public List<YamlNode> items() {
        if (!node.isArray()) {
            throw new MappingException(where(), "'" + path() + "' must be a list ('- item' lines)", "");
        }
        if (elements != null) {
            return elements;
        }
        var items = new ArrayList<YamlNode>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlNode(node.get(i), pointer + "/" + i, file, positions));
        }
        return items;
    }

    /** Text of a scalar; fails with the position when the node is a map or list. */
    public String text() {
        if (!node.isValueNode() || node.isNull()) {
            throw new MappingException(where(), "'" + path() + "' must be a single value, not "
                    + (node.isNull() ? "empty" : node.isObject() ? "a map" : "a list"), "");
        }
        return node.asText();
    }

    /** The scalar as a Java value: Long, Double, Boolean, String, or null. */
    public Object scalar() {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return text();
    }

    public List<String> textList() {
        if (node.isValueNode()) {
            return List.of(text());
        }
        return items().stream().map(YamlNode::text).toList();
    }

    /** Rejects keys outside {@code allowed}, suggesting the nearest allowed one. */
    public void onlyKeys(Collection<String> allowed, String what) {
        for (var entry : entries()) {
            if (!allowed.contains(entry.getKey())) {
                throw new MappingException(entry.getValue().keyWhere(),
                        "unknown key '" + entry.getKey() + "' in " + what,
                        didYouMean(entry.getKey(), allowed).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "allowed here: " + String.join(", ", allowed));
            }
        }
    }

    /**
     * Where the key of this map entry stands (the value's own position as a fallback). A key's
     * position is stored under the pointer of its value, so this holds for entries of merged maps
     * too, which come from other files than the map.
     */
    Where keyWhere() {
        return Optional.ofNullable(positions.get(pointer)).orElse(where());
    }

    /** The closest candidate to {@code word}, if it is close enough to be a likely typo. */
    public static Optional<String> didYouMean(String word, Collection<String> candidates) {
        var distance = LevenshteinDistance.getDefaultInstance();
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance.apply(word.toLowerCase(), c.toLowerCase())))
                .filter(c -> distance.apply(word.toLowerCase(), c.toLowerCase()) <= Math.max(2, word.length() / 3));
    }
}
