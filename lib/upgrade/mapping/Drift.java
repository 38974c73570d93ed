package upgrade.mapping;

import upgrade.db.Database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a V2 site and the mappings disagree, both ways: tables no mapping reads, and columns no
 * mapping reads or lists under {@code ignored} (a modified V2, a "fork", shows its extra tables and
 * columns here: "your site has sd_users.qq; nothing migrates it"); and tables and columns a mapping
 * reads that this V2 does not have (a fork that dropped or renamed them).
 */
public final class Drift {
    private Drift() {}

    /** Which way V2 and the mappings differ. */
    public enum Kind {
        /** V2 has it and no mapping reads or ignores it: its data is not migrated. */
        NOT_MIGRATED,
        /** A mapping reads it and V2 lacks it: a run stops at it. */
        MISSING_IN_V2
    }

    /** One finding, e.g. {@code sd_users.qq: no mapping reads it}. */
    public record Finding(String table, String column, Kind kind, String text) {
        @Override
        public String toString() {
            return (column == null ? table : table + "." + column) + ": " + text;
        }
    }

    public static List<Finding> of(MappingSet set, Database source) {
        var read = new LinkedHashMap<String, Set<String>>(); // logical table -> columns read ("*": the whole table)
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows) {
                if (rows.sourceSide() == Side.SOURCE && rows.source() != null) {
                    var columns = read.computeIfAbsent(rows.source(), t -> new LinkedHashSet<>());
                    columns.add(rows.key());
                    columns.addAll(rows.ignored().keySet());
                    if (rows.write() == WriteMode.NONE && rows.skip().stream().anyMatch(c -> c.when().text().equals("true"))) {
                        columns.add("*"); // dropped by design, whole rows
                    }
                    rows.columns().values().forEach(rule -> columns.addAll(RuleColumns.of(rule)));
                    rows.only().forEach(c -> columns.addAll(c.rowColumns()));
                    rows.skip().forEach(c -> columns.addAll(c.rowColumns()));
                    rows.notes().forEach(c -> columns.addAll(c.rowColumns()));
                    if (rows.onConflict() != null && rows.onConflict().expr() != null) {
                        columns.addAll(rows.onConflict().expr().rowColumns());
                    }
                    rows.refuse().forEach(c -> columns.addAll(c.expression().rowColumns()));
                    if (rows.export() != null) {
                        rows.export().columns().values().forEach(rule -> columns.addAll(RuleColumns.of(rule)));
                    }
                }
                lookups(rows.lookups().values(), read);
            } else if (mapping instanceof KeyValueMapping keyValue) {
                var columns = read.computeIfAbsent(keyValue.source(), t -> new LinkedHashSet<>());
                columns.addAll(List.of(keyValue.key(), keyValue.sourceName(), keyValue.sourceValue()));
                columns.addAll(keyValue.ignored().keySet());
            } else if (mapping instanceof FileMapping files) {
                if (files.sourceSide() == Side.SOURCE) {
                    var columns = read.computeIfAbsent(files.source(), t -> new LinkedHashSet<>());
                    columns.add(files.key());
                    files.only().forEach(c -> columns.addAll(c.rowColumns()));
                    files.skip().forEach(c -> columns.addAll(c.rowColumns()));
                    files.files().forEach(item -> {
                        columns.addAll(item.to().rowColumns());
                        if (item.from() != null) {
                            columns.addAll(item.from().rowColumns());
                        }
                    });
                }
                lookups(files.lookups().values(), read);
            }
        }
        var findings = new ArrayList<Finding>();
        var physicalNames = source.tableNames();
        for (var physical : physicalNames) {
            if (!physical.startsWith(source.prefix())) {
                continue;
            }
            var logical = physical.substring(source.prefix().length());
            var columns = read.get(logical);
            if (columns == null) {
                findings.add(new Finding(physical, null, Kind.NOT_MIGRATED, "no mapping reads this table; its rows would be lost"));
                continue;
            }
            if (columns.contains("*")) {
                continue;
            }
            for (var column : source.table(logical).columnNames()) {
                if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(column))) {
                    findings.add(new Finding(physical, column, Kind.NOT_MIGRATED, "no mapping reads it or lists it under 'ignored'; nothing migrates it"));
                }
            }
        }
        findings.addAll(missing(read, physicalNames, source));
        return findings;
    }

    /** What the mappings read that this V2 database does not have; a run would stop at these. */
    private static List<Finding> missing(Map<String, Set<String>> read, List<String> physicalNames, Database source) {
        var findings = new ArrayList<Finding>();
        read.forEach((logical, columns) -> {
            var physical = source.prefix() + logical;
            if (!physicalNames.contains(physical)) {
                findings.add(new Finding(physical, null, Kind.MISSING_IN_V2, "a mapping reads this table, but this V2 database has no such table"));
                return;
            }
            var present = source.table(logical).columnNames();
            columns.stream().filter(c -> !c.equals("*") && present.stream().noneMatch(p -> p.equalsIgnoreCase(c)))
                    .forEach(c -> findings.add(new Finding(physical, c, Kind.MISSING_IN_V2, "a mapping reads it, but this V2 table has no such column")));
        });
        return findings;
    }

    private static void lookups(Collection<LookupSpec> specs, Map<String, Set<String>> read) {
        for (var spec : specs) {
            if (spec.side() == Side.SOURCE) {
                var columns = read.computeIfAbsent(spec.table(), t -> new LinkedHashSet<>());
                columns.addAll(spec.key());
                columns.addAll(spec.match().keySet());
                if (spec.value() != null) {
                    columns.add(spec.value());
                }
                if (spec.sum() != null) {
                    columns.add(spec.sum());
                }
            }
        }
    }
}
