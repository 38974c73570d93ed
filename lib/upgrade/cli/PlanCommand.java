package upgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Writes;
import upgrade.report.JsonReport;
import upgrade.report.PlanPrinter;
import upgrade.report.ReportPrinter;

import java.io.PrintWriter;

/** {@code upgrade plan}: a dry run: everything {@code run} does, rolled back at the end. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what 'run' would do: its steps in order, then table by table, with reasons. Writes nothing into V3.",
                "Per table: what would be written, renamed, re-homed and left out, and what V2 has that no mapping migrates. "
                        + "It does all the work in a transaction and rolls it back (also: run --dry-run); the plan is saved as upgrade-plan.json."})
public final class PlanCommand extends DatabaseCommand {

    @Mixin
    DriftCheck drift;

    @Override
    protected Writes writes() {
        return Writes.REPORT;
    }

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var plan = drift.plan(upgrade, out, "plan");
        new PlanPrinter(out).print(plan);
        var report = upgrade.run(plan, Progress.forConsole(out), true);
        out.println();
        new ReportPrinter(out, plan.mappings().target().name()).print(report);
        saveReport(JsonReport.of(spec.root().version()[0], report, null, null).withDrift(drift.findings()), "upgrade-plan.json", out);
        out.println("This was a dry run: nothing was written.");
        return ExitCodes.OK;
    }
}
