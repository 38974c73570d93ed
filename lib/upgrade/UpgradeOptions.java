package upgrade;

import upgrade.mapping.MappingFiles;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * The settings of a run. Start from the installed site profile's defaults (for Cloudreve:
 * {@code CloudreveSite.defaults().withV3Prefix("cd_")}) and change what differs; {@link #defaults()}
 * holds no product's values.
 *
 * @param v2Prefix   the source's table prefix
 * @param v3Prefix   the target's table prefix
 * @param salt       the source's password salt (expressions read it as {@code param.salt})
 * @param v2TimeZone the zone the source wrote its times in
 * @param batchSize  rows per page read and per multi-row insert
 * @param mappings   the mapping files to use; null means the bundled ones
 * @param exportDirectory where export files (e.g. the share-link map) are written
 * @param recoveryFolder  the name of the folder that receives orphaned rows, for mappings that need one ({@code param.recovery_folder})
 * @param hashIdSalt the target's salt of share links, to compute them; empty when unknown
 * @param v2Version  the version the source site's files give; empty when its root is not known
 * @param leaveOutUnsupported leave rows the checks refuse (e.g. storage policies the target cannot take) out instead of refusing them
 * @param resumeChangedMappings continue an interrupted run even though the mapping files changed since
 * @param v2Root     the source site's root, where its files are; null when unknown (no files are copied then)
 * @param v3Directory the directory the target application runs in, which its relative paths start from; null: the source's root
 * @param thumbSuffix what the target appends to a file's path for its thumbnail
 */
public record UpgradeOptions(String v2Prefix, String v3Prefix, String salt, ZoneId v2TimeZone, int batchSize,
                             MappingFiles mappings, Path exportDirectory, String recoveryFolder, String hashIdSalt,
                             String v2Version, boolean leaveOutUnsupported, boolean resumeChangedMappings,
                             Path v2Root, Path v3Directory, String thumbSuffix) {

    /**
     * Rows per page unless told otherwise. Pages of 1,000 rows took 10 % less time than pages of
     * 500 on a 200,000-file site (fewer statements, commits and lookups for the server to start),
     * as fast as 2,000, while a page in flight (read ahead, worked out, written behind) stays a few
     * MiB; pages of 20,000 rows filled a 256 MiB heap (README "Benchmarks").
     */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** Generic settings, of no product: no prefixes, no salt, times in UTC, pages of {@value #DEFAULT_BATCH_SIZE} rows. */
    public static UpgradeOptions defaults() {
        return new UpgradeOptions("", "", "", ZoneId.of("UTC"), DEFAULT_BATCH_SIZE, null, Path.of("."), "Recovered", "", "", false, false, null, null, "");
    }

    public UpgradeOptions withV2Prefix(String prefix) {
        return new UpgradeOptions(prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withV3Prefix(String prefix) {
        return new UpgradeOptions(v2Prefix, prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withSalt(String newSalt) {
        return new UpgradeOptions(v2Prefix, v3Prefix, newSalt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withV2TimeZone(ZoneId zone) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, zone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withBatchSize(int rows) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, rows, mappings, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withMappings(MappingFiles files) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, files, exportDirectory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withExportDirectory(Path directory) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, directory, recoveryFolder, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withRecoveryFolder(String name) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, name, hashIdSalt, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withHashIdSalt(String hashIdSaltOfV3) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSaltOfV3, v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withV2Version(String version) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withLeaveOutUnsupported(boolean leaveOut) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                v2Version, leaveOut, resumeChangedMappings, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withResumeChangedMappings(boolean resume) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                v2Version, leaveOutUnsupported, resume, v2Root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withV2Root(Path root) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                v2Version, leaveOutUnsupported, resumeChangedMappings, root, v3Directory, thumbSuffix);
    }

    public UpgradeOptions withV3Directory(Path directory) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, directory, thumbSuffix);
    }

    public UpgradeOptions withThumbSuffix(String suffix) {
        return new UpgradeOptions(v2Prefix, v3Prefix, salt, v2TimeZone, batchSize, mappings, exportDirectory, recoveryFolder, hashIdSalt,
                v2Version, leaveOutUnsupported, resumeChangedMappings, v2Root, v3Directory, suffix);
    }

    /** Where the target application runs: {@link #v3Directory()}, or else the source's root. */
    public Path v3DirectoryOrV2Root() {
        return v3Directory != null ? v3Directory : v2Root;
    }

    /** What expressions read as {@code param.NAME}. */
    public Map<String, Object> params() {
        return Map.ofEntries(Map.entry("salt", salt), Map.entry("v2_prefix", v2Prefix), Map.entry("v3_prefix", v3Prefix),
                Map.entry("v2_timezone", v2TimeZone.getId()), Map.entry("recovery_folder", recoveryFolder),
                Map.entry("hashid_salt", hashIdSalt), Map.entry("v2_version", v2Version),
                Map.entry("leave_out_unsupported", leaveOutUnsupported), Map.entry("resuming", false),
                Map.entry("v3_dir", v3DirectoryOrV2Root() == null ? "" : v3DirectoryOrV2Root().toAbsolutePath().normalize().toString()),
                Map.entry("thumb_suffix", thumbSuffix));
    }
}
