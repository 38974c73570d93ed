package upgrade.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's file that says {@code extends: NAME} holds only what it changes of the file NAME
 * below it: its parts are merged onto NAME's by name, and {@code remove:} drops parts first. So a
 * fork keeps getting the fixes of every bundled rule it does not change. The merged tree keeps
 * each part's own file and position, so an error points into the file the part came from.
 *
 * <ul>
 *   <li>entries of {@code columns}, {@code lookups}, {@code let}, {@code ignored}, {@code settings},
 *       {@code dropped}, {@code value_maps} and {@code rules} merge by their name: an entry of the
 *       same name replaces the base's (in its place), a new one is added at the end; a {@code json}
 *       rule laid over a {@code json} rule merges field by field, the same way;</li>
 *   <li>items of {@code only}, {@code skip}, {@code notes} and {@code files} merge by their text
 *       ({@code reason}, {@code note}, {@code missing}), items of {@code refuse} and {@code require}
 *       by their {@code check} title (else their message);</li>
 *   <li>every other key replaces the base's ({@code description}, {@code after}, {@code on_conflict}, ...).</li>
 * </ul>
 */
final class Extends {
    static final String KEY = "extends";
    static final String REMOVE = "remove";
    private static final List<String> BY_NAME = List.of("columns", "lookups", "let", "ignored", "settings", "dropped", "value_maps", "rules");
    private static final List<String> BY_TEXT = List.of("only", "skip", "notes", "files", "refuse", "require");
    /** Sections whose entries are column rules, so that json rules merge field by field. */
    private static final Set<String> RULES = Set.of("columns", "settings");

    private Extends() {}

    /** The {@code extends: NAME} of a file, if it has one. */
    static Optional<YamlNode> of(YamlNode root) {
        return root.isObject() ? root.get(KEY) : Optional.empty();
    }

    /** {@code overlay}'s parts merged onto {@code base}'s. */
    static YamlNode merge(YamlNode base, YamlNode overlay) {
        var parts = new LinkedHashMap<String, YamlNode>();
        base.entries().forEach(e -> parts.put(e.getKey(), e.getValue()));
        overlay.get(REMOVE).ifPresent(remove -> remove(parts, remove, base));
        for (var entry : overlay.entries()) {
            var key = entry.getKey();
            if (key.equals(KEY) || key.equals(REMOVE) || key.equals(MappingFiles.SINCE)) {
                continue;
            }
            var below = parts.get(key);
            parts.put(key, below == null ? entry.getValue()
                    : BY_NAME.contains(key) ? byName(below, entry.getValue(), RULES.contains(key))
                    : BY_TEXT.contains(key) ? byText(key, below, entry.getValue()) : entry.getValue());
        }
        return YamlNode.merged(overlay, parts);
    }

    private static YamlNode byName(YamlNode below, YamlNode over, boolean rules) {
        var entries = new LinkedHashMap<String, YamlNode>();
        below.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
        for (var entry : over.entries()) {
            var base = entries.get(entry.getKey());
            entries.put(entry.getKey(), rules && base != null ? rule(base, entry.getValue()) : entry.getValue());
        }
        return YamlNode.merged(below, entries);
    }

    /** A json rule laid over a json rule merges its fields by name; any other rule replaces the base's whole. */
    private static YamlNode rule(YamlNode base, YamlNode over) {
        if (!isJson(base) || !isJson(over)) {
            return over;
        }
        var keys = new LinkedHashMap<String, YamlNode>();
        base.entries().forEach(e -> keys.put(e.getKey(), e.getValue()));
        over.entries().forEach(e -> keys.put(e.getKey(), e.getKey().equals("json") ? byName(keys.get("json"), e.getValue(), true) : e.getValue()));
        return YamlNode.merged(base, keys);
    }

    private static boolean isJson(YamlNode rule) {
        return rule.isObject() && rule.get("json").map(YamlNode::isObject).orElse(false);
    }

    private static YamlNode byText(String section, YamlNode below, YamlNode over) {
        var items = new ArrayList<>(below.items());
        for (var item : over.items()) {
            var at = indexOf(section, items, name(section, item));
            if (at >= 0) {
                items.set(at, item);
            } else {
                items.add(item);
            }
        }
        return YamlNode.merged(below, items);
    }

    /** What an item of a list is merged and removed by; null when it has none. */
    private static String name(String section, YamlNode item) {
        if (!item.isObject()) {
            return null;
        }
        var key = switch (section) {
            case "refuse", "require" -> item.get("check").isPresent() ? "check" : "message";
            case "notes" -> "note";
            case "files" -> "missing";
            default -> "reason";
        };
        return item.get(key).filter(YamlNode::isScalar).map(YamlNode::text).map(MappingLoader::oneLine).orElse(null);
    }

    private static int indexOf(String section, List<YamlNode> items, String name) {
        for (int i = 0; name != null && i < items.size(); i++) {
            if (name.equals(name(section, items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code remove: {SECTION: [NAME, ...]}}: drops parts of the base; each must be there. */
    private static void remove(Map<String, YamlNode> parts, YamlNode remove, YamlNode base) {
        var sections = new ArrayList<>(BY_NAME);
        sections.addAll(BY_TEXT);
        for (var entry : remove.entries()) {
            var section = entry.getKey();
            if (!sections.contains(section)) {
                throw new MappingException(entry.getValue().keyWhere(), "'remove' cannot drop parts of '" + section + "'",
                        YamlNode.didYouMean(section, sections).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "it drops entries or items of: " + String.join(", ", sections));
            }
            var below = parts.get(section);
            if (below == null) {
                throw new MappingException(entry.getValue().keyWhere(), "'remove' names '" + section + "', which " + base.file() + " does not have",
                        "remove only what the extended file has; see it with 'mappings show " + base.file().replaceFirst("\\.ya?ml$", "") + "'");
            }
            for (var name : entry.getValue().isArray() ? entry.getValue().items() : List.of(entry.getValue())) {
                below = BY_NAME.contains(section) ? withoutEntry(section, below, name.text(), name, RULES.contains(section))
                        : withoutItem(section, below, name);
            }
            parts.put(section, below);
        }
    }

    /** {@code map} without the entry {@code path}; in a rule section, {@code options.qq} is the field qq of the json rule options. */
    private static YamlNode withoutEntry(String section, YamlNode map, String path, YamlNode at, boolean rules) {
        var entries = new LinkedHashMap<String, YamlNode>();
        map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
        var dot = path.indexOf('.');
        if (entries.remove(path) == null) {
            var rule = dot > 0 ? entries.get(path.substring(0, dot)) : null;
            if (!rules || rule == null || !isJson(rule)) {
                throw new MappingException(at.where(), "'remove' names '" + path + "', which is not under '" + section + "' in " + map.file(),
                        YamlNode.didYouMean(path, entries.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "'" + section + "' there has: " + String.join(", ", entries.keySet()));
            }
            var keys = new LinkedHashMap<String, YamlNode>();
            rule.entries().forEach(e -> keys.put(e.getKey(), e.getValue()));
            keys.put("json", withoutEntry(section + "." + path.substring(0, dot), keys.get("json"), path.substring(dot + 1), at, true));
            entries.put(path.substring(0, dot), YamlNode.merged(rule, keys));
        }
        return YamlNode.merged(map, entries);
    }

    private static YamlNode withoutItem(String section, YamlNode list, YamlNode name) {
        var items = new ArrayList<>(list.items());
        var at = indexOf(section, items, MappingLoader.oneLine(name.text()));
        if (at < 0) {
            var names = items.stream().map(item -> name(section, item)).filter(n -> n != null).toList();
            throw new MappingException(name.where(), "'remove' names '" + MappingLoader.oneLine(name.text()) + "', which is not an item of '"
                    + section + "' in " + list.file(),
                    YamlNode.didYouMean(name.text(), names).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "items of '" + section + "' are named by their " + (section.equals("refuse") || section.equals("require") ? "check title" : "text") + ": "
                            + String.join("; ", names));
        }
        items.remove(at);
        return YamlNode.merged(list, items);
    }
}
