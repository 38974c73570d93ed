package upgrade.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A mapping file as a run uses it, as YAML: merged onto the file it extends, with the lookups it
 * reads from lookups.yaml; each part followed by a comment naming the file and line it comes from
 * ({@code mappings show NAME --merged}).
 */
public final class MergedView {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    /** Where the shared lookups go when the file declares none of its own: before the first of these keys. */
    private static final List<String> AFTER_LOOKUPS = List.of("let", "only", "refuse", "require", "skip", "notes", "columns", "files", "settings");

    private MergedView() {}

    /** @param set the mappings loaded from {@code files}, to tell which shared lookups the mapping reads */
    public static String of(MappingFiles files, MappingSet set, MappingFiles.File file) {
        var root = file.root();
        var shared = sharedLookups(files, set, file, root);
        var out = new StringBuilder("# " + file.name().replaceFirst("\\.ya?ml$", "") + ", as a run uses it: " + describe(file));
        if (!shared.isEmpty()) {
            out.append(";\n# lookups from ").append(Shared.LOOKUPS_FILE).append(": ").append(String.join(", ", shared.keySet()));
            root = withLookups(root, shared);
        }
        var rules = new TreeSet<String>();
        sharedRules(root.json(), rules);
        if (!rules.isEmpty()) {
            out.append(";\n# shared rules from ").append(Shared.RULES_FILE).append(": ").append(String.join(", ", rules));
        }
        out.append(".\n# After each part: the file and line it comes from.\n");
        for (var entry : root.entries()) {
            print(entry.getKey(), entry.getValue(), "", out);
        }
        return out.toString();
    }

    private static String describe(MappingFiles.File file) {
        var from = file.from().isEmpty() ? " (bundled)" : "";
        return file.base() == null ? file.label() + from
                : describe(file.base()) + ", with " + file.label() + from + " laid over it";
    }

    /** The lookups of lookups.yaml the mapping reads without declaring them, by name. */
    private static Map<String, YamlNode> sharedLookups(MappingFiles files, MappingSet set, MappingFiles.File file, YamlNode root) {
        var used = new LinkedHashMap<String, YamlNode>();
        var mapping = set.mappings().stream().filter(m -> m.origin().file().equals(file.name())).findFirst();
        var lookups = mapping.map(m -> m instanceof RowMapping rows ? rows.lookups() : m instanceof FileMapping f ? f.lookups() : null).orElse(null);
        var declared = root.get("lookups");
        var sharedFile = files.files().stream().filter(f -> f.name().equals(Shared.LOOKUPS_FILE)).findFirst();
        if (lookups == null || sharedFile.isEmpty()) {
            return used;
        }
        var sharedRoot = sharedFile.get().root().get("lookups");
        lookups.keySet().stream().sorted()
                .filter(name -> declared.flatMap(d -> d.get(name)).isEmpty())
                .forEach(name -> sharedRoot.flatMap(s -> s.get(name)).ifPresent(node -> used.put(name, node)));
        return used;
    }

    private static YamlNode withLookups(YamlNode root, Map<String, YamlNode> shared) {
        var lookups = new LinkedHashMap<String, YamlNode>();
        root.get("lookups").ifPresent(node -> node.entries().forEach(e -> lookups.put(e.getKey(), e.getValue())));
        lookups.putAll(shared);
        var merged = YamlNode.merged(root.get("lookups").orElse(shared.values().iterator().next()), lookups);
        var parts = new LinkedHashMap<String, YamlNode>();
        for (var entry : root.entries()) {
            if (AFTER_LOOKUPS.contains(entry.getKey()) && !parts.containsKey("lookups")) {
                parts.put("lookups", merged);
            }
            parts.put(entry.getKey(), entry.getKey().equals("lookups") ? merged : entry.getValue());
        }
        parts.putIfAbsent("lookups", merged);
        return YamlNode.merged(root, parts);
    }

    private static void sharedRules(JsonNode node, TreeSet<String> names) {
        if (node.isObject() && node.path(RuleParser.SHARED).isTextual()) {
            names.add(node.get(RuleParser.SHARED).asText());
        }
        node.forEach(child -> sharedRules(child, names));
    }

    /** One part: a merged map or list part by part, anything else as a whole. */
    private static void print(String key, YamlNode node, String indent, StringBuilder out) {
        if (!node.isMerged()) {
            lines(yaml(Map.of(key, node.json())), " # " + at(node.keyWhere()), indent, out);
            return;
        }
        var files = new TreeSet<String>();
        filesOf(node, files);
        out.append(indent).append(key).append(":  # ").append(String.join(", ", files)).append('\n');
        if (node.isArray()) {
            node.items().forEach(item -> lines(yaml(List.of(item.json())), " # " + at(item.where()), indent + "  ", out));
        } else {
            node.entries().forEach(entry -> print(entry.getKey(), entry.getValue(), indent + "  ", out));
        }
    }

    private static void filesOf(YamlNode node, TreeSet<String> files) {
        if (!node.isMerged()) {
            files.add(node.file());
        } else if (node.isArray()) {
            node.items().forEach(item -> filesOf(item, files));
        } else {
            node.entries().forEach(entry -> filesOf(entry.getValue(), files));
        }
    }

    /** The YAML text, indented, with the comment at the end of its first line. */
    private static void lines(String yaml, String comment, String indent, StringBuilder out) {
        var lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            out.append(indent).append(lines[i]).append(i == 0 ? " " + comment : "").append('\n');
        }
    }

    private static String at(Where where) {
        return where.file() + ":" + where.line();
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
