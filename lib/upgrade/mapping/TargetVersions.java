package upgrade.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The releases of the target application the mappings can write, as the {@code versions:} part
 * of {@value Shared#TARGET_FILE} declares them, oldest first, and how a database tells which one
 * made it: a row in one table whose {@code column} holds {@code prefix + marker} (e.g. the
 * setting {@code db_version_3.8.1}), confirmed by the tables and columns each release adds.
 * The engine only evaluates this (see {@code upgrade.plan.VersionDetection}); which releases
 * exist, and what they add, is in the YAML.
 *
 * @param recordedIn where the marker is: the table, its column, the text before the marker,
 *                   and columns that must be NULL for the row to count (e.g. a soft delete's)
 * @param known      every release the mappings support, oldest first
 * @param fix        what the operator does when the database is of no known release
 */
public record TargetVersions(Where where, Marker recordedIn, List<Version> known, String fix) {
    /** Nothing declared: every database is written with the mappings as they are. */
    public static final TargetVersions UNDECLARED = new TargetVersions(new Where(Shared.TARGET_FILE, 0, 0), null, List.of(), "");

    static final List<String> KEYS = List.of("recorded_in", "known", "fix");

    /** Where the marker row is. */
    public record Marker(String table, String column, String prefix, List<String> nullColumns) {}

    /**
     * One release (or run of releases that write the same database).
     *
     * @param name     how messages and {@code since:} name it, e.g. "3.4.0"
     * @param releases the releases it stands for, e.g. "3.4.0 to 3.4.3"
     * @param marker   the marker its first start writes (after the prefix), e.g. "3.4.0"
     * @param adds     the tables ("nodes") and columns ("files.metadata") it is the first to have
     */
    public record Version(String name, String releases, String marker, List<String> adds, Where where) {
        /** E.g. "V3 3.4.0 to 3.4.3". */
        public String describe(String target) {
            return target + " " + releases;
        }
    }

    public boolean declared() {
        return !known.isEmpty();
    }

    public Optional<Version> find(String name) {
        return known.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The position of {@code name} in the list (oldest 0); -1 when no release has that name. */
    public int indexOf(String name) {
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The markers of the known releases, each once, oldest first. */
    public List<String> markers() {
        return List.copyOf(new LinkedHashSet<>(known.stream().map(Version::marker).toList()));
    }

    /** The releases covered, e.g. "3.0.0 to 3.8.3". */
    public String range() {
        if (known.isEmpty()) {
            return "";
        }
        var first = known.get(0).releases().split(" to ")[0];
        var last = known.get(known.size() - 1).releases();
        return first + " to " + last.substring(last.lastIndexOf(' ') + 1);
    }

    /** The {@code versions:} node of target.yaml. */
    static TargetVersions parse(YamlNode node) {
        node.onlyKeys(KEYS, "versions");
        var at = node.require("recorded_in", "say where a database records its version, e.g. recorded_in: {table: settings, column: name, prefix: db_version_}");
        at.onlyKeys(List.of("table", "column", "prefix", "where_null"), "versions.recorded_in");
        var marker = new Marker(at.require("table", "name the table, e.g. table: settings").text(),
                at.require("column", "name the column that holds the marker, e.g. column: name").text(),
                at.get("prefix").map(YamlNode::text).orElse(""),
                at.get("where_null").map(YamlNode::textList).orElse(List.of()));
        var known = new ArrayList<Version>();
        for (var item : node.require("known", "list the supported releases, oldest first, e.g. - {version: 3.0.0, marker: 3.0.0}").items()) {
            item.onlyKeys(List.of("version", "releases", "marker", "adds"), "an item of versions.known");
            var name = item.require("version", "name the release, e.g. version: 3.4.0").text();
            if (known.stream().anyMatch(v -> v.name().equals(name))) {
                throw new MappingException(item.where(), "the release '" + name + "' is listed twice", "list each release once");
            }
            known.add(new Version(name, item.get("releases").map(YamlNode::text).orElse(name),
                    item.require("marker", "give the marker its first start writes, e.g. marker: 3.4.0").text(),
                    item.get("adds").map(YamlNode::textList).orElse(List.of()), item.where()));
        }
        return new TargetVersions(node.where(), marker, List.copyOf(known), node.get("fix").map(YamlNode::text).map(MappingLoader::oneLine).orElse(""));
    }
}
