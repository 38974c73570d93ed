package upgrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import upgrade.Upgrade;
import upgrade.report.ReportPrinter;

import java.io.PrintWriter;

/** {@code upgrade files}: the files on disk, on their own (run does them after the database). */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"Copies thumbnails and avatars from V2's public/ into V3's layout and checks that every local file's blob is there.",
                "Copies, never moves or deletes; files already in place are left alone, so it can be repeated. Needs V2's web root."})
public final class FilesCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Only list what would be copied.")
    boolean dryRun;

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        if (upgrade.options().v2Root() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing --v2-root: the files are in V2's web root; give --v2-root DIR or run in V2's web root");
        }
        var plan = upgrade.plan();
        var report = upgrade.files(plan, Progress.forConsole(out), dryRun);
        out.println();
        new ReportPrinter(out, plan.mappings().target().name()).print(report);
        return ExitCodes.OK;
    }
}
