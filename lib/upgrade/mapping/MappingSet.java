package upgrade.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * All mappings of a run, in the order they must run (each after the ones it names in
 * {@code after}; otherwise in file-name order), with the named value maps they share, what is
 * declared about the databases they read and write (target.yaml), and one checksum over all files (the
 * mappings, each merged onto the one it extends, and the shared files); and the release of the
 * target they were chosen for ({@link #withVersion}), when target.yaml lists releases.
 */
public record MappingSet(String origin, List<Mapping> mappings, Map<String, ValueMap> valueMaps, long checksum, TargetDatabase target,
                         SourceDatabase source, Optional<DetectedVersion> version) {

    /**
     * @param shared the checksum of the files the mappings share (value maps, lookups, rules, target)
     * @param target what target.yaml declares about the database the mappings write
     * @param source what target.yaml declares about the database the mappings read
     */
    static MappingSet ordered(String origin, List<Mapping> mappings, Map<String, ValueMap> valueMaps, long shared, TargetDatabase target,
                              SourceDatabase source) {
        var byName = new LinkedHashMap<String, Mapping>();
        for (var mapping : mappings) {
            var earlier = byName.put(mapping.name(), mapping);
            if (earlier != null) {
                throw new MappingException(mapping.origin().where(), "a second mapping named '" + mapping.name()
                        + "' (the first is " + earlier.origin().file() + ")", "give each mapping file its own name");
            }
        }
        for (var mapping : mappings) {
            for (var dependency : mapping.after()) {
                if (!byName.containsKey(dependency)) {
                    throw new MappingException(mapping.origin().at("after"), "'after' names '" + dependency + "', which is not a mapping",
                            YamlNode.didYouMean(dependency, byName.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                                    + "mappings: " + String.join(", ", byName.keySet()));
                }
            }
        }
        var ordered = new LinkedHashSet<Mapping>();
        var sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparing(m -> m.origin().file()));
        for (var mapping : sorted) {
            visit(mapping, byName, ordered, new ArrayList<>());
        }
        var crc = new CRC32();
        ordered.forEach(m -> crc.update(Long.toString(m.origin().checksum()).getBytes()));
        crc.update(Long.toString(shared).getBytes());
        return new MappingSet(origin, List.copyOf(ordered), Map.copyOf(valueMaps), crc.getValue(), target, source, Optional.empty());
    }

    private static void visit(Mapping mapping, Map<String, Mapping> byName, LinkedHashSet<Mapping> done, List<String> path) {
        if (done.contains(mapping)) {
            return;
        }
        if (path.contains(mapping.name())) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(mapping.name()), path.size()));
            cycle.add(mapping.name());
            throw new MappingException(mapping.origin().at("after"), "the 'after' lists form a cycle: " + String.join(" -> ", cycle),
                    "remove one of these dependencies");
        }
        path.add(mapping.name());
        for (var dependency : mapping.after()) {
            visit(byName.get(dependency), byName, done, path);
        }
        path.remove(path.size() - 1);
        done.add(mapping);
    }

    /** The same mappings, chosen for this release of the target. */
    public MappingSet withVersion(Optional<DetectedVersion> detected) {
        return new MappingSet(origin, mappings, valueMaps, checksum, target, source, detected);
    }

    public Optional<Mapping> find(String name) {
        return mappings.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
