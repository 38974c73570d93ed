package upgrade.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What the mapping files share, each kind in a file of its own that is no step of the upgrade:
 * named value maps ({@code value-maps.yaml}), lookups ({@code lookups.yaml}), column rules
 * ({@code rules.yaml}) and what is declared about the source and target databases as wholes ({@code target.yaml}).
 *
 * @param lookups  lookups any mapping may read without declaring them; one it declares itself wins
 * @param rules    rules a column rule may use by name ({@code {rule: NAME}}), parsed where used
 * @param target   the target database as target.yaml declares it; {@link TargetDatabase#UNDECLARED} without the file
 * @param source   the source database as target.yaml declares it (its name); {@link SourceDatabase#UNDECLARED} without it
 * @param versions the target's releases the mappings support, as target.yaml declares them under {@code versions:}
 * @param checksum over the shared files' lines, so that a run resumes only with the same ones
 */
record Shared(Map<String, ValueMap> valueMaps, Map<String, LookupSpec> lookups, Map<String, YamlNode> rules, TargetDatabase target, SourceDatabase source,
              TargetVersions versions, long checksum) {
    static final String VALUE_MAPS_FILE = "value-maps.yaml";
    static final String LOOKUPS_FILE = "lookups.yaml";
    static final String RULES_FILE = "rules.yaml";
    static final String TARGET_FILE = "target.yaml";
    static final List<String> FILES = List.of(VALUE_MAPS_FILE, LOOKUPS_FILE, RULES_FILE, TARGET_FILE);

    static Shared of(MappingFiles files) {
        var valueMaps = new LinkedHashMap<String, ValueMap>();
        var lookups = new LinkedHashMap<String, LookupSpec>();
        var rules = new LinkedHashMap<String, YamlNode>();
        var target = TargetDatabase.UNDECLARED;
        var source = SourceDatabase.UNDECLARED;
        var versions = TargetVersions.UNDECLARED;
        var crc = new CRC32();
        for (var file : files.files()) {
            if (!FILES.contains(file.name())) {
                continue;
            }
            crc.update(Long.toString(file.checksum()).getBytes());
            var root = file.root();
            switch (file.name()) {
                case VALUE_MAPS_FILE -> valueMaps.putAll(valueMaps(root));
                case LOOKUPS_FILE -> {
                    root.onlyKeys(List.of("lookups"), LOOKUPS_FILE);
                    lookups.putAll(LookupSpec.declared(root));
                }
                case TARGET_FILE -> {
                    target = targetDatabase(root);
                    source = sourceDatabase(root);
                    versions = root.get("versions").map(TargetVersions::parse).orElse(TargetVersions.UNDECLARED);
                }
                default -> {
                    root.onlyKeys(List.of("rules"), RULES_FILE);
                    root.require("rules", "name each rule under 'rules:'").entries().forEach(e -> rules.put(e.getKey(), e.getValue()));
                }
            }
        }
        return new Shared(Map.copyOf(valueMaps), Map.copyOf(lookups), Map.copyOf(rules), target, source, versions, crc.getValue());
    }

    private static TargetDatabase targetDatabase(YamlNode root) {
        root.onlyKeys(List.of("source", "target", "versions"), TARGET_FILE);
        var node = root.require("target", "describe the target database under 'target:', e.g. target: {name: V3, text_not_null: true}");
        node.onlyKeys(TargetDatabase.KEYS, "target");
        var name = node.get("name").map(YamlNode::text).orElse(TargetDatabase.UNDECLARED.name());
        var textNotNull = node.get("text_not_null").map(n -> MappingLoader.flag(n, "text_not_null")).orElse(false);
        return new TargetDatabase(name, textNotNull);
    }

    private static SourceDatabase sourceDatabase(YamlNode root) {
        var node = root.get("source");
        if (node.isEmpty()) {
            return SourceDatabase.UNDECLARED;
        }
        node.get().onlyKeys(SourceDatabase.KEYS, "source");
        return new SourceDatabase(node.get().get("name").map(YamlNode::text).orElse(SourceDatabase.UNDECLARED.name()));
    }

    private static Map<String, ValueMap> valueMaps(YamlNode root) {
        root.onlyKeys(List.of("value_maps"), VALUE_MAPS_FILE);
        var maps = new LinkedHashMap<String, ValueMap>();
        for (var entry : root.require("value_maps", "").entries()) {
            var node = entry.getValue();
            node.onlyKeys(List.of("description", "values", "otherwise"), "value map '" + entry.getKey() + "'");
            maps.put(entry.getKey(), ValueMap.parse(entry.getKey(), node.where(),
                    node.require("values", "list the translations as 'from: to' lines"), node.get("otherwise").orElse(null)));
        }
        return maps;
    }
}
