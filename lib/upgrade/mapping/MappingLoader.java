package upgrade.mapping;

import upgrade.expr.Expressions;
import upgrade.expr.Template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads mapping files into {@link Mapping} records. Everything that can be checked without a
 * database is checked here: keys, rule shapes, expression syntax, named maps, dependencies.
 * The live schemas are checked afterwards by {@link MappingValidator}.
 */
public final class MappingLoader {
    /** The file that holds the named value maps. */
    public static final String VALUE_MAPS_FILE = "value-maps.yaml";
    /** The file that describes the target database as a whole ({@link TargetDatabase}). */
    public static final String TARGET_FILE = "target.yaml";

    private static final List<String> ROW_KEYS = List.of("target", "source", "kind", "phase", "description", "key", "after",
            "write", "target_key", "only", "refuse", "require", "skip", "notes", "lookups", "columns", "nullable", "on_conflict", "export",
            "ignored");
    private static final List<String> KEY_VALUE_KEYS = List.of("target", "source", "kind", "description", "key", "after",
            "source_columns", "target_columns", "settings", "dropped", "refuse", "ignored");

    private final Expressions expressions;

    public MappingLoader(Expressions expressions) {
        this.expressions = expressions;
    }

    public MappingSet load(MappingFiles files) {
        var valueMaps = new LinkedHashMap<String, ValueMap>();
        files.files().stream().filter(f -> f.name().equals(VALUE_MAPS_FILE))
                .forEach(f -> valueMaps.putAll(valueMaps(YamlNode.parse(f.name(), f.text()))));
        var target = files.files().stream().filter(f -> f.name().equals(TARGET_FILE)).findFirst()
                .map(f -> targetDatabase(YamlNode.parse(f.name(), f.text()))).orElse(TargetDatabase.UNDECLARED);
        var rules = new RuleParser(expressions, valueMaps);
        var mappings = new ArrayList<Mapping>();
        for (var file : files.files()) {
            if (!file.name().equals(VALUE_MAPS_FILE) && !file.name().equals(TARGET_FILE)) {
                var root = YamlNode.parse(file.name(), file.text());
                var keys = new HashMap<String, Where>();
                root.entries().forEach(e -> keys.put(e.getKey(), e.getValue().keyWhere(e.getKey(), root)));
                var origin = new Mapping.Origin(file.name(), Checksums.of(file.text()), root.where(), Map.copyOf(keys));
                mappings.add(mapping(root, origin, rules));
            }
        }
        if (mappings.isEmpty()) {
            throw new MappingException(new Where(files.origin(), 0, 0), "holds no mapping files", "");
        }
        return MappingSet.ordered(files.origin(), mappings, valueMaps, target);
    }

    private static TargetDatabase targetDatabase(YamlNode root) {
        root.onlyKeys(List.of("target"), TARGET_FILE);
        var node = root.require("target", "describe the target database under 'target:', e.g. target: {name: V3, text_not_null: true}");
        node.onlyKeys(TargetDatabase.KEYS, "target");
        var name = node.get("name").map(YamlNode::text).orElse(TargetDatabase.UNDECLARED.name());
        var textNotNull = node.get("text_not_null").map(n -> flag(n, "text_not_null")).orElse(false);
        return new TargetDatabase(name, textNotNull);
    }

    private static boolean flag(YamlNode node, String key) {
        if (!node.json().isBoolean()) {
            throw new MappingException(node.where(), "'" + key + "' is true or false, not '" + node.text() + "'", "write " + key + ": true");
        }
        return node.json().asBoolean();
    }

    private static Map<String, ValueMap> valueMaps(YamlNode root) {
        root.onlyKeys(List.of("value_maps"), "value-maps.yaml");
        var maps = new LinkedHashMap<String, ValueMap>();
        for (var entry : root.require("value_maps", "").entries()) {
            var node = entry.getValue();
            node.onlyKeys(List.of("description", "values", "otherwise"), "value map '" + entry.getKey() + "'");
            maps.put(entry.getKey(), RuleParser.parseValueMap(entry.getKey(), node.where(),
                    node.require("values", "list the translations as 'from: to' lines"), node.get("otherwise").orElse(null)));
        }
        return maps;
    }

    private Mapping mapping(YamlNode root, Mapping.Origin origin, RuleParser rules) {
        var kind = root.get("kind").map(YamlNode::text).orElse("rows");
        return switch (kind) {
            case "rows" -> rowMapping(root, origin, rules);
            case "key-value" -> keyValueMapping(root, origin, rules);
            case "files" -> fileMapping(root, origin);
            default -> throw new MappingException(root.get("kind").get().where(), "unknown kind '" + kind + "'",
                    "kind is 'rows' (the default), 'key-value' or 'files'");
        };
    }

    private RowMapping rowMapping(YamlNode root, Mapping.Origin origin, RuleParser rules) {
        root.onlyKeys(ROW_KEYS, "a mapping");
        var readOnly = root.get("write").map(YamlNode::text).filter("none"::equals).isPresent();
        var target = readOnly ? root.get("target").map(YamlNode::text).orElse(null)
                : root.require("target", "name the V3 table this file fills, without prefix, e.g. target: users").text();
        var columns = new LinkedHashMap<String, ColumnRule>();
        var columnsNode = readOnly ? root.get("columns").orElse(root)
                : root.require("columns", "give one rule per target column under 'columns:'");
        if (readOnly && root.get("columns").isPresent()) {
            throw new MappingException(columnsNode.where(), "a mapping with write: none writes no columns", "remove 'columns', or choose another write mode");
        }
        var fits = new LinkedHashMap<String, Fit>();
        for (var entry : readOnly ? List.<Map.Entry<String, YamlNode>>of() : columnsNode.entries()) {
            columns.put(entry.getKey(), rules.parse(entry.getValue(), entry.getKey(), Set.of("fit")));
            entry.getValue().get("fit").ifPresent(fit -> fits.put(entry.getKey(), fit(fit)));
        }
        var lookups = new LinkedHashMap<String, LookupSpec>();
        root.get("lookups").ifPresent(node -> node.entries().forEach(e -> lookups.put(e.getKey(), lookup(e.getKey(), e.getValue()))));
        var write = root.get("write").map(node -> writeMode(node)).orElse(WriteMode.INSERT);
        var phase = root.get("phase").map(MappingLoader::phase).orElse(Phase.UPGRADE);
        if (phase == Phase.VERIFY && write != WriteMode.NONE) {
            throw new MappingException(root.get("phase").get().where(), "a verify mapping must not write", "add write: none");
        }
        var source = readOnly && root.get("source").isEmpty() ? null
                : root.require("source", "name the V2 table, without prefix, e.g. source: users");
        var sourceSide = Side.SOURCE;
        var sourceTable = source == null || source.isObject() ? null : source.text();
        if (source != null && source.isObject()) {
            var side = sideOf(source, "source");
            sourceSide = side.getKey();
            sourceTable = side.getValue();
        }
        return new RowMapping(origin, phase, target, sourceTable, sourceSide,
                root.get("key").map(YamlNode::text).orElse("id"),
                root.get("after").map(YamlNode::textList).orElse(List.of()),
                write,
                root.get("target_key").map(YamlNode::textList).orElse(List.of("id")),
                conditions(root, "only", "reason"),
                checks(root, "refuse", "when", true), checks(root, "require", "that", false),
                conditions(root, "skip", "reason"), conditions(root, "notes", "note"),
                Map.copyOf(lookups), columns,
                new LinkedHashSet<>(root.get("nullable").map(YamlNode::textList).orElse(List.of())),
                Map.copyOf(fits), columnsNode.where(),
                root.get("on_conflict").map(this::rename).orElse(null),
                root.get("export").map(node -> export(node, rules)).orElse(null),
                root.get("ignored").map(MappingLoader::reasons).orElse(Map.of()));
    }

    private static Map<String, String> reasons(YamlNode node) {
        var reasons = new LinkedHashMap<String, String>();
        node.entries().forEach(e -> reasons.put(e.getKey(), oneLine(e.getValue().text())));
        return Collections.unmodifiableMap(reasons);
    }

    /** {@code {source: TABLE}} or {@code {target: TABLE}}: a table and the database it is on. */
    private static Map.Entry<Side, String> sideOf(YamlNode node, String what) {
        node.onlyKeys(List.of("source", "target"), what);
        var source = node.get("source");
        var target = node.get("target");
        if (source.isPresent() == target.isPresent()) {
            throw new MappingException(node.where(), what + " needs exactly one of 'source: TABLE' (V2) or 'target: TABLE' (V3)", "");
        }
        return source.isPresent() ? Map.entry(Side.SOURCE, source.get().text()) : Map.entry(Side.TARGET, target.get().text());
    }

    private static Fit fit(YamlNode node) {
        for (var fit : Fit.values()) {
            if (fit.yamlName().equals(node.text())) {
                return fit;
            }
        }
        throw new MappingException(node.where(), "unknown fit '" + node.text() + "'",
                "fit is cut (the default: a longer text is cut and noted), exact (never cut; checked before the run) or stop (never cut; a longer text stops the run)");
    }

    private RowMapping.Rename rename(YamlNode node) {
        node.onlyKeys(List.of("rename", "as", "expr", "note", "taken_by"), "on_conflict");
        var as = node.get("as");
        var expr = node.get("expr");
        if (as.isPresent() == expr.isPresent()) {
            throw new MappingException(node.where(), "on_conflict needs exactly one of 'as' (a pattern) or 'expr' (an expression) for the new value",
                    "e.g. as: \"{base} ({n}){ext}\"");
        }
        if (as.isPresent() && !as.get().text().contains("{n}")) {
            throw new MappingException(as.get().where(), "the pattern '" + as.get().text() + "' has no {n}, so every try would give the same name",
                    "put {n} where the number goes, e.g. \"{base} ({n}){ext}\"");
        }
        var expression = expr.map(e -> expressions.compile(e.text(), e.where())).orElse(null);
        if (expression != null && expression.variables().stream().noneMatch(path -> path.equals(List.of("conflict", "n")))) {
            throw new MappingException(expression.where(), "the expression does not read conflict.n, so every try would give the same value",
                    "make each try differ, e.g. ... + (conflict.n > 2 ? '-' + conflict.n : '')");
        }
        return new RowMapping.Rename(node.where(), node.require("rename", "name the column to rename, e.g. rename: name").text(),
                as.map(YamlNode::text).orElse(null), expression, node.get("note").map(YamlNode::text).map(MappingLoader::oneLine).orElse(null),
                node.get("taken_by").map(YamlNode::textList).orElse(List.of()));
    }

    private static RowMapping.Export export(YamlNode node, RuleParser rules) {
        node.onlyKeys(List.of("file", "columns"), "export");
        var file = node.require("file", "name the CSV file, e.g. file: v2-share-links.csv");
        if (file.text().contains("/") || file.text().contains("\\")) {
            throw new MappingException(file.where(), "the export file name '" + file.text() + "' holds a directory",
                    "give a plain file name; the run writes it into its export directory (--export-dir)");
        }
        return new RowMapping.Export(node.where(), file.text(), rules.rules(node.require("columns", ""), "export"));
    }

    private static Phase phase(YamlNode node) {
        for (var phase : Phase.values()) {
            if (phase.name().equalsIgnoreCase(node.text())) {
                return phase;
            }
        }
        throw new MappingException(node.where(), "unknown phase '" + node.text() + "'", "phase is upgrade (the default), files or verify");
    }

    private List<Check> checks(YamlNode root, String key, String expressionKey, boolean failsWhenTrue) {
        var list = new ArrayList<Check>();
        root.get(key).ifPresent(node -> node.items().forEach(item -> {
            item.onlyKeys(List.of("check", expressionKey, "message", "fix"), "an item of '" + key + "'");
            var expression = item.require(expressionKey, "give the condition as an expression");
            var message = item.require("message", "say what is wrong, e.g. message: \"...\"");
            list.add(new Check(
                    oneLine(item.get("check").orElse(message).text()),
                    expressions.compile(expression.text(), expression.where()), failsWhenTrue,
                    template(message),
                    item.get("fix").map(YamlNode::text).map(MappingLoader::oneLine).orElse("")));
        }));
        return list;
    }

    private Template template(YamlNode node) {
        return expressions.template(oneLine(node.text()), node.where());
    }

    private static WriteMode writeMode(YamlNode node) {
        for (var mode : WriteMode.values()) {
            if (mode.yamlName().equals(node.text())) {
                return mode;
            }
        }
        throw new MappingException(node.where(), "unknown write mode '" + node.text() + "'", "write is insert, replace, update or none");
    }

    private List<Condition> conditions(YamlNode root, String key, String textKey) {
        var list = new ArrayList<Condition>();
        var designed = !key.equals("only"); // passing a row on to another mapping drops nothing
        root.get(key).ifPresent(node -> node.items().forEach(item -> {
            item.onlyKeys(designed ? List.of("when", textKey, "by_design") : List.of("when", textKey), "an item of '" + key + "'");
            var when = item.require("when", "give the condition as an expression, e.g. when: \"row.owner == 0\"");
            var text = item.require(textKey, "say in words why, e.g. " + textKey + ": \"...\"");
            var byDesign = item.get("by_design").map(n -> flag(n, "by_design")).orElse(false);
            // Only texts with ${...} parts are templates: plain ones stay exactly as written (and cost nothing per row).
            var template = text.text().contains("${") ? template(text) : null;
            if (byDesign && template != null) {
                throw new MappingException(item.get("by_design").get().where(), "a " + textKey + " by design is counted under its text, so it must be plain text",
                        "write the " + textKey + " without ${...}, or leave out by_design");
            }
            list.add(new Condition(expressions.compile(when.text(), when.where()), oneLine(text.text()), template, byDesign));
        }));
        return list;
    }

    /** Folded YAML text ({@code >}) ends with a newline and may wrap; reports want one line. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\n\\s*", " ");
    }

    private static LookupSpec lookup(String name, YamlNode node) {
        node.onlyKeys(List.of("source", "target", "key", "value", "match", "sum", "count"), "lookup '" + name + "'");
        var table = node.get("source").isPresent() ? node.get("source").get() : node.get("target").orElse(null);
        if (node.get("source").isPresent() == node.get("target").isPresent()) {
            throw new MappingException(node.where(), "lookup '" + name + "' needs exactly one of 'source: TABLE' (V2) or 'target: TABLE' (V3)", "");
        }
        var side = node.get("source").isPresent() ? Side.SOURCE : Side.TARGET;
        var key = node.get("key").map(k -> k.isArray() && k.json().isEmpty() ? List.<String>of() : k.textList()).orElse(List.of());
        var sum = node.get("sum").map(YamlNode::text).orElse(null);
        var count = node.get("count").map(n -> n.json().asBoolean(false)).orElse(false);
        var value = node.get("value").map(YamlNode::text).orElse(null);
        if ((sum != null ? 1 : 0) + (count ? 1 : 0) + (value != null ? 1 : 0) > 1) {
            throw new MappingException(node.where(), "lookup '" + name + "' gives more than one of 'value', 'sum' and 'count'",
                    "a lookup gives one column's value, a sum, or a count");
        }
        if (key.isEmpty() && sum == null && !count) {
            throw new MappingException(node.where(), "lookup '" + name + "' has no key",
                    "name the column(s) to match, e.g. key: id; only sums and counts may go over a whole table (key: [])");
        }
        if (sum == null && !count && value == null) {
            if (key.size() != 1) {
                throw new MappingException(node.where(), "lookup '" + name + "' matches several columns, so it must say which to give",
                        "add value: COLUMN, e.g. value: id");
            }
            value = key.get(0);
        }
        var match = new LinkedHashMap<String, Object>();
        node.get("match").ifPresent(m -> m.entries().forEach(e -> match.put(e.getKey(), e.getValue().scalar())));
        return new LookupSpec(name, node.where(), side, table.text(), key, value, Collections.unmodifiableMap(match), sum, count);
    }

    private FileMapping fileMapping(YamlNode root, Mapping.Origin origin) {
        root.onlyKeys(List.of("kind", "source", "description", "key", "after", "lookups", "only", "skip", "files"), "a files mapping");
        var source = root.require("source", "name the table whose rows the files go with, e.g. source: users");
        var side = source.isObject() ? sideOf(source, "source") : Map.entry(Side.SOURCE, source.text());
        var lookups = new LinkedHashMap<String, LookupSpec>();
        root.get("lookups").ifPresent(node -> node.entries().forEach(e -> lookups.put(e.getKey(), lookup(e.getKey(), e.getValue()))));
        var items = new ArrayList<FileMapping.FileItem>();
        for (var item : root.require("files", "list the files of a row, e.g. files: [{from: EXPR, to: EXPR, missing: NOTE}]").items()) {
            item.onlyKeys(List.of("from", "to", "convert", "missing"), "an item of 'files'");
            var to = item.require("to", "give the file's path under V3's directory as an expression");
            var from = item.get("from").map(f -> expressions.compile(f.text(), f.where())).orElse(null);
            var convert = item.get("convert").map(YamlNode::text).orElse("none");
            if (!convert.equals("png") && !convert.equals("none")) {
                throw new MappingException(item.get("convert").get().where(), "unknown conversion '" + convert + "'", "convert is png or none");
            }
            items.add(new FileMapping.FileItem(item.where(), from, expressions.compile(to.text(), to.where()), convert.equals("png"),
                    oneLine(item.require("missing", "say what a missing file means, e.g. missing: \"no thumbnail in V2\"").text())));
        }
        return new FileMapping(origin, side.getValue(), side.getKey(), root.get("key").map(YamlNode::text).orElse("id"),
                root.get("after").map(YamlNode::textList).orElse(List.of()), Map.copyOf(lookups),
                conditions(root, "only", "reason"), conditions(root, "skip", "reason"), List.copyOf(items));
    }

    private KeyValueMapping keyValueMapping(YamlNode root, Mapping.Origin origin, RuleParser rules) {
        root.onlyKeys(KEY_VALUE_KEYS, "a key-value mapping");
        var sourceColumns = root.require("source_columns", "name the source's columns, e.g. source_columns: {name: option_name, value: option_value}");
        sourceColumns.onlyKeys(List.of("name", "value"), "source_columns");
        var targetColumns = root.require("target_columns", "name the target's columns, e.g. target_columns: {name: name, value: value, type: type}");
        targetColumns.onlyKeys(List.of("name", "value", "type"), "target_columns");
        var entries = new LinkedHashMap<String, KeyValueMapping.Entry>();
        for (var entry : root.require("settings", "give one rule per target entry under 'settings:'").entries()) {
            var rule = rules.parse(entry.getValue(), entry.getKey(), Set.of("type"));
            entries.put(entry.getKey(), new KeyValueMapping.Entry(entry.getKey(), rule,
                    entry.getValue().get("type").map(YamlNode::text).orElse(null)));
        }
        var dropped = new LinkedHashMap<String, String>();
        root.get("dropped").ifPresent(node -> node.entries().forEach(e -> dropped.put(e.getKey(), oneLine(e.getValue().text()))));
        return new KeyValueMapping(origin,
                root.require("target", "name the V3 table, e.g. target: settings").text(),
                root.require("source", "name the V2 table, e.g. source: options").text(),
                root.get("key").map(YamlNode::text).orElse("id"),
                root.get("after").map(YamlNode::textList).orElse(List.of()),
                sourceColumns.require("name", "").text(), sourceColumns.require("value", "").text(),
                targetColumns.require("name", "").text(), targetColumns.require("value", "").text(),
                targetColumns.get("type").map(YamlNode::text).orElse(null),
                entries, Map.copyOf(dropped), checks(root, "refuse", "when", true),
                root.get("ignored").map(MappingLoader::reasons).orElse(Map.of()));
    }
}
