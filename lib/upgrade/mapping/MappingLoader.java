package upgrade.mapping;

import upgrade.expr.Expressions;
import upgrade.rules.ColumnRule;

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
    public static final String VALUE_MAPS_FILE = Shared.VALUE_MAPS_FILE;
    /** The file that describes the target database as a whole ({@link TargetDatabase}). */
    public static final String TARGET_FILE = Shared.TARGET_FILE;

    private final Expressions expressions;

    public MappingLoader(Expressions expressions) {
        this.expressions = expressions;
    }

    /** What target.yaml among {@code files} declares about the target database; nothing is loaded but the shared files. */
    public static TargetDatabase target(MappingFiles files) {
        return Shared.of(files).target();
    }

    /** The releases of the target that target.yaml among {@code files} lists. */
    public static TargetVersions versions(MappingFiles files) {
        return Shared.of(files).versions();
    }

    public MappingSet load(MappingFiles files) {
        var shared = Shared.of(files);
        var mappings = new ArrayList<Mapping>();
        for (var file : files.files()) {
            if (!Shared.FILES.contains(file.name())) {
                var root = file.root();
                var keys = new HashMap<String, Where>();
                root.entries().forEach(e -> keys.put(e.getKey(), e.getValue().keyWhere()));
                var origin = new Mapping.Origin(file.name(), file.checksum(), root.where(), Map.copyOf(keys));
                mappings.add(mapping(root, origin, shared));
            }
        }
        if (mappings.isEmpty()) {
            throw new MappingException(new Where(files.origin(), 0, 0), "holds no mapping files", "");
        }
        return MappingSet.ordered(files.origin(), mappings, shared.valueMaps(), shared.checksum(), shared.target(), shared.source());
    }

    /** A yes/no key: true or false, nothing else. */
    static boolean flag(YamlNode node, String key) {
        if (!node.json().isBoolean()) {
            throw new MappingException(node.where(), "'" + key + "' is true or false, not '" + node.text() + "'", "write " + key + ": true");
        }
        return node.json().asBoolean();
    }

    private Mapping mapping(YamlNode root, Mapping.Origin origin, Shared shared) {
        var kind = root.get("kind").map(YamlNode::text).orElse("rows");
        var scope = new Scope(expressions, origin.file(), root.get("let"));
        var rules = new RuleParser(scope, shared.valueMaps(), shared.rules());
        return switch (kind) {
            case "rows" -> rowMapping(root, origin, scope, rules, shared);
            case "key-value" -> keyValueMapping(root, origin, scope, rules);
            case "files" -> fileMapping(root, origin, scope, shared);
            default -> throw new MappingException(root.get("kind").get().where(), "unknown kind '" + kind + "'",
                    "kind is 'rows' (the default), 'key-value' or 'files'");
        };
    }

    private RowMapping rowMapping(YamlNode root, Mapping.Origin origin, Scope scope, RuleParser rules, Shared shared) {
        root.onlyKeys(MappingKeys.ROWS, "a mapping");
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
        var items = new ItemParser(scope);
        var only = items.conditions(root, "only", "reason");
        var refuse = items.checks(root, "refuse", "when", true);
        var require = items.checks(root, "require", "that", false);
        var skip = items.conditions(root, "skip", "reason");
        var notes = items.conditions(root, "notes", "note");
        var onConflict = root.get("on_conflict").map(node -> rename(node, scope)).orElse(null);
        var export = root.get("export").map(node -> export(node, rules)).orElse(null);
        return new RowMapping(origin, phase, target, sourceTable, sourceSide,
                root.get("key").map(YamlNode::text).orElse("id"),
                root.get("after").map(YamlNode::textList).orElse(List.of()),
                write,
                root.get("target_key").map(YamlNode::textList).orElse(List.of("id")),
                only, refuse, require, skip, notes,
                lookups(root, scope, shared), columns,
                new LinkedHashSet<>(root.get("nullable").map(YamlNode::textList).orElse(List.of())),
                Map.copyOf(fits), columnsNode.where(), onConflict, export,
                root.get("ignored").map(MappingLoader::reasons).orElse(Map.of()), scope.lets(), Set.copyOf(scope.lookupCalls()));
    }

    /**
     * The lookups the file declares, and those of lookups.yaml it reads without declaring them
     * (only those, so a step prepares no lookup it does not use). A lookup declared in neither
     * is an error here, where it is read.
     */
    private static Map<String, LookupSpec> lookups(YamlNode root, Scope scope, Shared shared) {
        var lookups = LookupSpec.declared(root);
        scope.lookupsRead().forEach((name, where) -> {
            if (!lookups.containsKey(name)) {
                var common = shared.lookups().get(name);
                if (common == null) {
                    var known = new ArrayList<>(lookups.keySet());
                    known.addAll(shared.lookups().keySet().stream().sorted().toList());
                    throw new MappingException(where, "no lookup named '" + name + "' is declared in this file or in " + Shared.LOOKUPS_FILE,
                            YamlNode.didYouMean(name, known).map(s -> "did you mean '" + s + "'? ").orElse("")
                                    + "declare it under 'lookups:', e.g. " + name + ": {target: TABLE, key: id}; declared: " + String.join(", ", known));
                }
                lookups.put(name, common);
            }
        });
        return Map.copyOf(lookups);
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

    private RowMapping.Rename rename(YamlNode node, Scope scope) {
        node.onlyKeys(List.of("rename", "as", "expr", "note", "taken_by", "also_unique_in"), "on_conflict");
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
        var expression = expr.map(e -> scope.compile(e.text(), e.where())).orElse(null);
        if (expression != null && expression.variables().stream().noneMatch(path -> path.equals(List.of("conflict", "n")))) {
            throw new MappingException(expression.where(), "the expression does not read conflict.n, so every try would give the same value",
                    "make each try differ, e.g. ... + (conflict.n > 2 ? '-' + conflict.n : '')");
        }
        return new RowMapping.Rename(node.where(), node.require("rename", "name the column to rename, e.g. rename: name").text(),
                as.map(YamlNode::text).orElse(null), expression, node.get("note").map(YamlNode::text).map(MappingLoader::oneLine).orElse(null),
                node.get("taken_by").map(YamlNode::textList).orElse(List.of()),
                node.get("also_unique_in").map(n -> n.isArray() ? n.items() : List.of(n)).orElse(List.of()).stream()
                        .map(MappingLoader::uniqueIn).toList());
    }

    /** One item of {@code on_conflict.also_unique_in} (a single map may stand for a list of one). */
    private static RowMapping.UniqueIn uniqueIn(YamlNode node) {
        node.onlyKeys(List.of("table", "match", "column", "as", "note"), "on_conflict also_unique_in");
        var match = new LinkedHashMap<String, String>();
        node.get("match").ifPresent(m -> m.entries().forEach(e -> match.put(e.getKey(), e.getValue().text())));
        var as = node.get("as");
        if (as.isPresent() && as.get().text().contains("{n}")) {
            throw new MappingException(as.get().where(), "the pattern '" + as.get().text() + "' is the one other value for a value taken in "
                    + node.require("table", "").text() + "; it takes no {n}", "write it with {name}, {base} and {ext}, e.g. \"{name} (file)\"; "
                    + "the numbered tries come from on_conflict's own 'as' or 'expr'");
        }
        return new RowMapping.UniqueIn(node.where(),
                node.require("table", "name the V3 table whose values the column must not take, e.g. table: folders").text(),
                Collections.unmodifiableMap(match),
                node.require("column", "name that table's column compared with the renamed value, e.g. column: name").text(),
                as.map(YamlNode::text).orElse(null), node.get("note").map(YamlNode::text).map(MappingLoader::oneLine).orElse(null));
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

    private static WriteMode writeMode(YamlNode node) {
        for (var mode : WriteMode.values()) {
            if (mode.yamlName().equals(node.text())) {
                return mode;
            }
        }
        throw new MappingException(node.where(), "unknown write mode '" + node.text() + "'", "write is insert, replace, update or none");
    }

    /** Folded YAML text ({@code >}) ends with a newline and may wrap; reports want one line. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\n\\s*", " ");
    }

    private FileMapping fileMapping(YamlNode root, Mapping.Origin origin, Scope scope, Shared shared) {
        root.onlyKeys(MappingKeys.FILES, "a files mapping");
        var source = root.require("source", "name the table whose rows the files go with, e.g. source: users");
        var side = source.isObject() ? sideOf(source, "source") : Map.entry(Side.SOURCE, source.text());
        var files = new ArrayList<FileMapping.FileItem>();
        for (var item : root.require("files", "list the files of a row, e.g. files: [{from: EXPR, to: EXPR, missing: NOTE}]").items()) {
            item.onlyKeys(List.of("from", "to", "convert", "missing"), "an item of 'files'");
            var to = item.require("to", "give the file's path under V3's directory as an expression");
            var from = item.get("from").map(f -> scope.compile(f.text(), f.where())).orElse(null);
            var convert = item.get("convert").map(YamlNode::text).orElse("none");
            if (!convert.equals("png") && !convert.equals("none")) {
                throw new MappingException(item.get("convert").get().where(), "unknown conversion '" + convert + "'", "convert is png or none");
            }
            files.add(new FileMapping.FileItem(item.where(), from, scope.compile(to.text(), to.where()), convert.equals("png"),
                    oneLine(item.require("missing", "say what a missing file means, e.g. missing: \"no thumbnail in V2\"").text())));
        }
        var items = new ItemParser(scope);
        var only = items.conditions(root, "only", "reason");
        var skip = items.conditions(root, "skip", "reason");
        return new FileMapping(origin, side.getValue(), side.getKey(), root.get("key").map(YamlNode::text).orElse("id"),
                root.get("after").map(YamlNode::textList).orElse(List.of()), lookups(root, scope, shared),
                only, skip, List.copyOf(files), scope.lets());
    }

    private KeyValueMapping keyValueMapping(YamlNode root, Mapping.Origin origin, Scope scope, RuleParser rules) {
        root.onlyKeys(MappingKeys.KEY_VALUE, "a key-value mapping");
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
                entries, Map.copyOf(dropped), new ItemParser(scope).checks(root, "refuse", "when", true),
                root.get("ignored").map(MappingLoader::reasons).orElse(Map.of()), scope.lets());
    }
}
