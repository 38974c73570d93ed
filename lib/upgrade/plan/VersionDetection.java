package upgrade.plan;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ChecksFailedException;
import upgrade.db.Database;
import upgrade.mapping.DetectedVersion;
import upgrade.mapping.TargetDatabase;
import upgrade.mapping.TargetVersions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the releases target.yaml lists made the target database: the marker row its first
 * start wrote (e.g. the setting {@code db_version_3.8.1}), confirmed by its schema (every table
 * and column the releases up to it added is there, none a later one added). A marker no release
 * has, or a schema that does not match its marker, is refused as a failed check (exit 5): the
 * mappings would write rows that release cannot read. Without a marker row nothing is found, and
 * the mappings' own checks say that the target was never started. Reads only.
 */
public final class VersionDetection {
    private static final String ORIGIN = "target.yaml";

    private final Database target;
    private final TargetVersions versions;
    private final TargetDatabase declared;

    public VersionDetection(Database target, TargetVersions versions, TargetDatabase declared) {
        this.target = target;
        this.versions = versions;
        this.declared = declared;
    }

    /** The release that made the target; empty when nothing is declared or the database records no marker. */
    public Optional<DetectedVersion> detect() {
        if (!versions.declared()) {
            return Optional.empty();
        }
        var tables = Set.copyOf(target.tableNames());
        var marker = versions.recordedIn();
        if (!tables.contains(target.prefix() + marker.table())) {
            return Optional.empty();
        }
        var recorded = recordedMarkers(marker);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        var unknown = recorded.stream().filter(m -> !versions.markers().contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw refused(unknown.stream().map(m -> "its " + marker.table() + " record '" + marker.prefix() + m + "': no release of "
                    + declared.name() + " the mappings support (" + versions.range() + ") writes it").toList());
        }
        var latest = versions.markers().stream().filter(recorded::contains).reduce((a, b) -> b).orElseThrow();
        var failures = new ArrayList<String>();
        for (int i = versions.known().size() - 1; i >= 0; i--) {
            var release = versions.known().get(i);
            if (release.marker().equals(latest)) {
                var mismatch = mismatch(i, tables);
                if (mismatch.isEmpty()) {
                    return Optional.of(new DetectedVersion(release, declared.name(), marker.prefix() + latest));
                }
                failures.add("its " + marker.table() + " record '" + marker.prefix() + latest + "' (" + release.describe(declared.name())
                        + "), but its schema is not that release's: " + String.join("; ", mismatch));
            }
        }
        throw refused(failures);
    }

    /** The markers the database records, without the prefix, in no particular order. */
    private Set<String> recordedMarkers(TargetVersions.Marker marker) {
        var dialect = target.dialect();
        var where = marker.nullColumns().stream().map(c -> dialect.quote(c) + " IS NULL").toList();
        var sql = "SELECT " + dialect.quote(marker.column()) + " FROM " + dialect.quote(target.prefix() + marker.table())
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        var found = new HashSet<String>();
        for (var value : target.handle().createQuery(sql).mapTo(String.class).list()) {
            if (value != null && value.startsWith(marker.prefix())) {
                found.add(value.substring(marker.prefix().length()));
            }
        }
        return found;
    }

    /** What of the schema does not fit release {@code index}: tables or columns it lacks, or has from a later release. */
    private List<String> mismatch(int index, Set<String> tables) {
        var problems = new ArrayList<String>();
        for (int i = 0; i < versions.known().size(); i++) {
            var release = versions.known().get(i);
            for (var added : release.adds()) {
                var present = has(added, tables);
                if (i <= index && !present) {
                    problems.add("it has no " + what(added) + " (" + release.name() + " added it)");
                } else if (i > index && present) {
                    problems.add("it has the " + what(added) + ", which " + release.name() + " added");
                }
            }
        }
        return problems;
    }

    private boolean has(String added, Set<String> tables) {
        var dot = added.indexOf('.');
        var table = target.prefix() + (dot < 0 ? added : added.substring(0, dot));
        if (!tables.contains(table)) {
            return false;
        }
        return dot < 0 || target.table(added.substring(0, dot)).column(added.substring(dot + 1)).isPresent();
    }

    private String what(String added) {
        var dot = added.indexOf('.');
        return dot < 0 ? "table '" + target.prefix() + added + "'"
                : "column '" + target.prefix() + added.substring(0, dot) + "." + added.substring(dot + 1) + "'";
    }

    private ChecksFailedException refused(List<String> failures) {
        return ChecksFailedException.preflight(new CheckReport(List.of(new CheckResult(
                "the " + declared.name() + " database is of a release the mappings support (" + declared.name() + " " + versions.range() + ")",
                ORIGIN, List.copyOf(failures), versions.fix()))));
    }

    /** The names of the releases up to {@code version}, oldest first: the layers ({@code since:}) a run of that release uses. */
    public static List<String> upTo(TargetVersions versions, Optional<DetectedVersion> version) {
        if (version.isEmpty()) {
            return List.of();
        }
        var names = versions.known().stream().map(TargetVersions.Version::name).toList();
        return names.subList(0, versions.indexOf(version.get().version().name()) + 1);
    }
}
