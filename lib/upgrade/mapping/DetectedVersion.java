package upgrade.mapping;

/**
 * The release of the target a database was made by, as {@code upgrade.plan.VersionDetection}
 * found it: its marker row, confirmed by its tables and columns.
 *
 * @param version the release (or run of releases) from target.yaml's list
 * @param target  the target's name, e.g. "V3"
 * @param marker  the marker row's value as found, e.g. "db_version_3.8.1"
 */
public record DetectedVersion(TargetVersions.Version version, String target, String marker) {
    /** E.g. "V3 3.8.2 to 3.8.3 (db_version_3.8.1)". */
    public String describe() {
        return version.describe(target) + " (" + marker + ")";
    }
}
