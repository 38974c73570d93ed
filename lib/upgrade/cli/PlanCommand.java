package upgrade.cli;

import picocli.CommandLine.Command;
import upgrade.Upgrade;
import upgrade.report.ReportPrinter;

import java.io.PrintWriter;

/** {@code upgrade plan}: a dry run: everything {@code run} does, rolled back at the end. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what 'run' would do, table by table: what would be written, renamed, re-homed and left out, with reasons.",
                "It does all the work in a transaction and rolls it back, so nothing is written (also: run --dry-run)."})
public final class PlanCommand extends DatabaseCommand {

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var report = upgrade.run(Progress.forConsole(out), true);
        out.println();
        new ReportPrinter(out).print(report);
        out.println("This was a dry run: nothing was written.");
        return ExitCodes.OK;
    }
}
