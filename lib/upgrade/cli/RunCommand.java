package upgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Writes;
import upgrade.check.CheckReport;
import upgrade.report.CheckPrinter;
import upgrade.report.JsonReport;
import upgrade.report.ReportPrinter;
import upgrade.report.RunReport;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code upgrade run}: checks, upgrades a V2 database into a V3 database, and verifies the result. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Checks that V2 and V3 are ready, upgrades the V2 site database (--from) into the V3 database (--to),",
                "and verifies the result against V3's rules.",
                "The V2 database is only read. Everything is written in one transaction: on any failure the V3 database stays as it was."})
public final class RunCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Do everything but commit: show what would be written, then roll back (same as 'plan').")
    boolean dryRun;

    @Mixin
    DriftCheck drift;

    @Override
    protected Writes writes() {
        return dryRun ? Writes.REPORT : Writes.REPORT_AND_SHARE_LINKS;
    }

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        drift.check(upgrade, out, "run");
        out.println("Checking V2 and V3:");
        var checks = upgrade.check();
        new CheckPrinter(out).print(checks);
        if (!checks.passed()) {
            out.println("Nothing was written. Fix each failure as it says, then run again.");
            return ExitCodes.CHECKS_FAILED;
        }
        if (!dryRun) {
            out.println();
            out.println("Back V2 up first, if you have not yet: " + connection.backupCommand());
            if (!connection.yes && !confirmed()) {
                out.println("Nothing was written.");
                return ExitCodes.CANCELLED;
            }
        }
        out.println();
        var report = stoppableByCtrlC(upgrade, () -> upgrade.run(Progress.forConsole(out), dryRun));
        if (upgrade.options().v2Root() == null) {
            out.println("The files on disk (thumbnails, avatars) were not copied: V2's web root is not known."
                    + " Run 'files --v2-root DIR' with the same options to copy them.");
        }
        out.println();
        new ReportPrinter(out).print(report);
        if (dryRun) {
            writeReport(report, checks, null, "upgrade-plan.json", out);
            return ExitCodes.OK;
        }
        return verifyAndAdvise(upgrade, report, checks, out);
    }

    private int verifyAndAdvise(Upgrade upgrade, RunReport report, CheckReport checks, PrintWriter out) {
        out.println();
        out.println("Verifying V3 against its own rules:");
        var verification = upgrade.verify();
        new CheckPrinter(out).print(verification);
        writeReport(report, checks, verification, "upgrade-report.json", out);
        out.println();
        out.println("Next steps:");
        out.println("  1. Run Cloudreve V3 in V2's web root and keep V2's public/ directory: V3 reads the local files from public/uploads/.");
        out.println("  2. Before starting V3 3.8 or later that ran before, remove its temp/cache_persist.bin (it caches old settings).");
        report.exports().forEach(file -> out.println("  3. Redirect old share links with " + file + " (V2 key -> V3 share and link)."));
        out.flush();
        return verification.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    private void writeReport(RunReport report, CheckReport checks, CheckReport verification, String name, PrintWriter out) {
        saveReport(JsonReport.of(spec.root().version()[0], report, checks, verification).withDrift(drift.findings()), name, out);
    }

    /**
     * Runs {@code work} so that Ctrl-C stops it after the page being written (the run commits page by
     * page), instead of killing it mid-page; the next run continues from there.
     */
    private <T> T stoppableByCtrlC(Upgrade upgrade, Supplier<T> work) {
        var finished = new CountDownLatch(1);
        var hook = new Thread(() -> {
            upgrade.stop();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is exiting; the hook has done its job
            }
        }
    }

    private boolean confirmed() {
        var terminal = UpgradeCommand.terminalOf(spec);
        if (!terminal.canAsk()) {
            return true; // no terminal to ask on: scripts and CI run without a prompt
        }
        var answer = terminal.readLine("Upgrade V2 into V3 now? The V2 database is only read. [y/N] ");
        return answer != null && answer.trim().toLowerCase().startsWith("y");
    }
}
