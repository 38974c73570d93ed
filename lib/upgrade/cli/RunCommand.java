package upgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Writes;
import upgrade.check.CheckReport;
import upgrade.db.ConnectionSpec;
import upgrade.engine.CancelledException;
import upgrade.engine.Ledger;
import upgrade.engine.RunStatus;
import upgrade.plan.Plan;
import upgrade.report.CheckPrinter;
import upgrade.report.JsonReport;
import upgrade.report.PlanPrinter;
import upgrade.report.ReportPrinter;
import upgrade.report.RunReport;
import upgrade.report.VerificationPrinter;
import upgrade.site.SiteProfiles;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code upgrade run}: checks, upgrades a V2 database into a V3 database, and verifies the result. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Upgrades the V2 site database (--from) into the V3 database (--to): checks first, then upgrades, then verifies.",
                "The V2 database is only read. V3 is written page by page, each page committed with its progress: "
                        + "a run that was killed or stopped with Ctrl-C keeps what it committed, and running the same command again "
                        + "continues it (or, once it finished, verifies again).",
                "A row that cannot be written puts V3 back as at its first start; 'reset' does the same on request."})
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
        var plan = drift.plan(upgrade, out, "run");
        if (dryRun) {
            new PlanPrinter(out).print(plan);
        } else if (plan.targetRelease() != null) {
            out.println("Target: " + plan.targetRelease() + ", found in its database.");
        }
        var recorded = dryRun ? Optional.<RunStatus>empty() : plan.status();
        var source = plan.mappings().source().name();
        var target = plan.mappings().target().name();
        out.println("Checking " + source + " and " + target + ":");
        var checks = upgrade.check(plan);
        new CheckPrinter(out).print(checks);
        if (!checks.passed()) {
            out.println("Nothing was written. Fix each failure as it says, then run again.");
            return ExitCodes.CHECKS_FAILED;
        }
        recorded.ifPresent(status -> {
            out.println();
            out.println(status.onRun());
        });
        var upgraded = recorded.filter(status -> status.stage() == Ledger.Stage.FINISHED).isPresent();
        if (!dryRun && !upgraded) {
            out.println();
            out.println("Back " + source + " up first, if you have not yet: " + connection.backupCommand());
            if (!connection.yes && !confirmed(recorded.filter(status -> status.stage() == Ledger.Stage.RUNNING).isPresent(), source, target)) {
                out.println("Nothing was written.");
                return ExitCodes.CANCELLED;
            }
        }
        out.println();
        var report = stoppableByCtrlC(upgrade, () -> upgrade.run(plan, checks, Progress.forConsole(out), dryRun), out);
        if (report.isEmpty()) {
            return ExitCodes.CANCELLED;
        }
        if (upgrade.options().v2Root() == null) {
            out.println("The files on disk (thumbnails, avatars) were not copied: V2's web root is not known."
                    + " Run 'files --v2-root DIR' with the same options to copy them.");
        }
        out.println();
        new ReportPrinter(out, target).print(report.get());
        if (dryRun) {
            writeReport(report.get(), checks, null, "upgrade-plan.json", out);
            return ExitCodes.OK;
        }
        return verifyAndAdvise(upgrade, plan, report.get(), checks, out);
    }

    private int verifyAndAdvise(Upgrade upgrade, Plan plan, RunReport report, CheckReport checks, PrintWriter out) {
        out.println();
        var target = plan.mappings().target().name();
        out.println("Verifying " + target + " against its own rules:");
        var verification = upgrade.verify(plan, Progress.forConsole(out));
        new VerificationPrinter(out, target).print(verification, verification.passed() ? Map.of() : upgrade.verifyWriters(plan));
        upgrade.recordVerification(verification);
        writeReport(report, checks, verification, "upgrade-report.json", out);
        if (!verification.passed()) {
            out.flush();
            return ExitCodes.VERIFY_FAILED;
        }
        out.println();
        var steps = SiteProfiles.current().nextSteps(report.exports());
        if (!steps.isEmpty()) {
            out.println("Next steps:");
        }
        for (int i = 0; i < steps.size(); i++) {
            out.println("  " + (i + 1) + ". " + steps.get(i));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void writeReport(RunReport report, CheckReport checks, CheckReport verification, String name, PrintWriter out) {
        saveReport(JsonReport.of(spec.root().version()[0], report, checks, verification).withDrift(drift.findings()), name, out);
    }

    /**
     * Runs {@code work} so that Ctrl-C stops it after the page being written (the run commits page by
     * page), instead of killing it mid-page; the next run continues from there. A stop is reported
     * here, before the shutdown hook lets the JVM exit; then the result is empty.
     */
    private <T> Optional<T> stoppableByCtrlC(Upgrade upgrade, Supplier<T> work, PrintWriter out) {
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
            return Optional.of(work.get());
        } catch (CancelledException e) {
            var args = spec.commandLine().getParseResult().originalArgs(); // as typed: an @file stays an @file
            stopped(e, args.isEmpty() || !args.get(0).equals("run") ? args : args.subList(1, args.size()), out);
            return Optional.empty();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is exiting; the hook has done its job
            }
        }
    }

    /** What a stopped run kept, and the commands that continue or undo it ({@code args}: this command's, as given). */
    static void stopped(CancelledException e, List<String> args, PrintWriter out) {
        out.println();
        if (e.kept().isEmpty()) {
            out.println("Stopped: " + e.getMessage());
            out.flush();
            return;
        }
        var kept = e.kept().get();
        out.println("Stopped on request. Kept in V3, each page committed with its progress: " + kept.kept() + ".");
        out.println("To continue from " + kept.position() + ", run the same command again:");
        out.println("  " + commandLine("run", args, true));
        out.println("To undo what was written instead (V3 back as at its first start):");
        out.println("  " + commandLine("reset", args, false));
        out.flush();
    }

    /**
     * The command line of {@code command} with the options of this one (passwords in URLs shown as
     * ***, --yes only where asked for, --dry-run never), quoted for a POSIX shell where needed.
     */
    static String commandLine(String command, List<String> args, boolean keepYes) {
        var line = new StringBuilder("upgrade ").append(command);
        for (var arg : args) {
            if (arg.equals("--dry-run") || !keepYes && (arg.equals("-y") || arg.equals("--yes"))) {
                continue;
            }
            var shown = ConnectionSpec.redact(arg);
            line.append(' ').append(shown.matches("[\\w@%+=:,./-]+") ? shown : "'" + shown.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    private boolean confirmed(boolean continuing, String source, String target) {
        var terminal = UpgradeCommand.terminalOf(spec);
        if (!terminal.canAsk()) {
            return true; // no terminal to ask on: scripts and CI run without a prompt
        }
        var answer = terminal.readLine((continuing ? "Continue the upgrade of " + source + " into " + target + " now?"
                : "Upgrade " + source + " into " + target + " now?") + " The " + source + " database is only read. [y/N] ");
        return answer != null && answer.trim().toLowerCase().startsWith("y");
    }
}
