package upgrade.mapping;

import upgrade.db.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a V2 site and the mappings disagree, both ways: tables no mapping reads, and columns no
 * mapping reads or lists under {@code ignored} (a modified V2, a "fork", shows its extra tables and
 * columns here: "your site has users.qq; nothing migrates it"); and tables and columns a mapping
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

    /** One finding, e.g. {@code users.qq: no mapping reads it}. */
    public record Finding(String table, String column, Kind kind, String text) {
        @Override
        public String toString() {
            return (column == null ? table : table + "." + column) + ": " + text;
        }
    }

    /**
     * Compares V2 with what the mappings read.
     *
     * @param read per V2 table (without prefix), the columns the mappings read or ignore ({@code "*"}:
     *             the whole table); each mapping kind lists its own (see {@code upgrade.plan.MappingKinds#columnsRead})
     */
    public static List<Finding> of(Map<String, Set<String>> read, Database source) {
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
}
