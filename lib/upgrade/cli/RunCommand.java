package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.db.ConnectionSpec;
import upgrade.engine.RunListener;
import upgrade.report.ReportPrinter;
import upgrade.report.StepReport;

import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code upgrade run}: upgrades a V2 database into a V3 database. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Upgrades the V2 site database (--from) into a V3 database (--to) that Cloudreve V3 has started on once.",
                "The V2 database is only read. Everything is written in one transaction: on any failure the V3 database stays as it was.",
                "Passwords may come from the environment variables " + Upgrade.V2_PASSWORD_VARIABLE + " and "
                        + Upgrade.V3_PASSWORD_VARIABLE + " instead of the URLs."})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "JDBC_URL",
            description = "The V2 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v2?user=root")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
            description = "The V3 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v3?user=root")
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

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "ROWS",
            description = "Rows per page read and per multi-row insert. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--recovery-folder", defaultValue = UpgradeOptions.RECOVERY_FOLDER, paramLabel = "NAME",
            description = "The folder, in each user's root, that receives folders and files whose V2 folder no longer exists. Default: ${DEFAULT-VALUE}")
    String recoveryFolder;

    @Option(names = "--hashid-salt", defaultValue = "", paramLabel = "SALT",
            description = {"V3's [System] HashIDSalt from its conf.ini. With it, v2-share-links.csv also gives each old share link its new link."})
    String hashIdSalt;

    @Option(names = "--export-dir", defaultValue = ".", paramLabel = "DIR",
            description = "Where v2-share-links.csv (V2 share key -> V3 share) is written. Default: the current directory")
    java.nio.file.Path exportDirectory;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (salt.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--salt must not contain ':' (V3 keeps passwords as md5:HASH:SALT)");
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        if (recoveryFolder.isBlank() || recoveryFolder.contains("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recovery-folder must be a folder name, without '/'");
        }
        var options = UpgradeOptions.defaults().withV2Prefix(v2Prefix).withV3Prefix(v3Prefix).withSalt(salt)
                .withV2TimeZone(zone()).withBatchSize(batchSize).withRecoveryFolder(recoveryFolder).withHashIdSalt(hashIdSalt)
                .withExportDirectory(exportDirectory);
        try (var upgrade = Upgrade.open(from, to, options)) {
            if (!yes && !confirmed()) {
                out.println("Nothing was written.");
                return ExitCodes.CANCELLED;
            }
            var report = upgrade.run(new RunListener() {
                @Override
                public void stepFinished(StepReport step) {
                    out.printf("  %-14s %d read, %d written, %d passed on, %d left out%n", step.name(), step.read(), step.written(),
                            step.passedOverTotal(), step.skippedTotal());
                    out.flush();
                }
            });
            out.println();
            new ReportPrinter(out).print(report);
            return ExitCodes.OK;
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(v2TimeZone.equals("PRC") ? "Asia/Shanghai" : v2TimeZone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--v2-timezone '" + v2TimeZone + "' is not a time zone; use a name such as Asia/Shanghai or UTC");
        }
    }

    private boolean confirmed() {
        var console = System.console();
        if (console == null) {
            return true; // no terminal to ask on: scripts and CI run without a prompt
        }
        var answer = console.readLine("Upgrade %s into %s? The V2 database is only read. [y/N] ",
                ConnectionSpec.redact(from), ConnectionSpec.redact(to));
        return answer != null && answer.trim().toLowerCase().startsWith("y");
    }
}
