package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;

import java.nio.file.Path;
import java.time.ZoneId;

/** The options every command that opens both databases shares (a picocli mixin). */
public final class ConnectionOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "JDBC_URL",
            description = "The V2 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v2?user=root (password: $" + Upgrade.V2_PASSWORD_VARIABLE + ")")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
            description = "The V3 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v3?user=root (password: $" + Upgrade.V3_PASSWORD_VARIABLE + ")")
    String to;

    @Option(names = "--v2-prefix", defaultValue = "sd_", paramLabel = "PREFIX",
            description = "V2's table prefix ('prefix' in application/database.php). Default: ${DEFAULT-VALUE}")
    String v2Prefix;

    @Option(names = "--v3-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "V3's table prefix ([Database] TablePrefix in conf.ini). Default: none, as V3's own default")
    String v3Prefix;

    @Option(names = "--salt", defaultValue = "sdshare", paramLabel = "SALT",
            description = "V2's password salt ('salt' in application/config.php). Default: ${DEFAULT-VALUE}")
    String salt;

    @Option(names = "--v2-timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
            description = "The zone V2 wrote its times in ('default_timezone' in application/config.php; PRC). Default: ${DEFAULT-VALUE}")
    String v2TimeZone;

    @Option(names = "--v2-version", defaultValue = "", paramLabel = "VERSION",
            description = "The version in V2's application/version.json, when you know it; checked to be 2.0.0-Alpha1")
    String v2Version;

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "ROWS",
            description = "Rows per page read and per multi-row insert. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--recovery-folder", defaultValue = UpgradeOptions.RECOVERY_FOLDER, paramLabel = "NAME",
            description = "The folder, in each user's root, that receives folders and files whose V2 folder no longer exists. Default: ${DEFAULT-VALUE}")
    String recoveryFolder;

    @Option(names = "--hashid-salt", defaultValue = "", paramLabel = "SALT",
            description = "V3's [System] HashIDSalt from its conf.ini. With it, v2-share-links.csv also gives each old share link its new link.")
    String hashIdSalt;

    @Option(names = "--export-dir", defaultValue = ".", paramLabel = "DIR",
            description = "Where v2-share-links.csv (V2 share key -> V3 share) is written. Default: the current directory")
    Path exportDirectory;

    @Option(names = "--leave-out-unsupported-policies",
            description = "Leave S3 and remote storage policies and their files out (listed in the report) instead of refusing to run.")
    boolean leaveOutUnsupported;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    /** The options as the library takes them; a wrong value is a usage error naming the option. */
    UpgradeOptions options() {
        if (salt.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--salt must not contain ':' (V3 keeps passwords as md5:HASH:SALT)");
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        if (recoveryFolder.isBlank() || recoveryFolder.contains("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recovery-folder must be a folder name, without '/'");
        }
        return UpgradeOptions.defaults().withV2Prefix(v2Prefix).withV3Prefix(v3Prefix).withSalt(salt)
                .withV2TimeZone(zone()).withBatchSize(batchSize).withRecoveryFolder(recoveryFolder).withHashIdSalt(hashIdSalt)
                .withExportDirectory(exportDirectory).withV2Version(v2Version).withLeaveOutUnsupported(leaveOutUnsupported);
    }

    Upgrade open() {
        return Upgrade.open(from, to, options());
    }

    /** The command that backs V2 up, for the reminder every run prints. */
    String backupCommand() {
        var spec = upgrade.db.ConnectionSpec.of("V2 database", "--from", from, Upgrade.V2_PASSWORD_VARIABLE);
        return spec.dumpCommand("v2-backup-" + java.time.LocalDate.now() + ".sql");
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(v2TimeZone.equals("PRC") ? "Asia/Shanghai" : v2TimeZone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--v2-timezone '" + v2TimeZone + "' is not a time zone; use a name such as Asia/Shanghai or UTC");
        }
    }
}
