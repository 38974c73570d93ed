package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Databases;
import upgrade.cli.ConnectionOptions.Writes;
import upgrade.report.JsonReport;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that opens the databases it needs (with the shared options), works, and closes them. */
abstract class DatabaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public final Integer call() {
        var out = spec.commandLine().getOut();
        try (var upgrade = connection.open(out, databases(), writes())) {
            var code = run(upgrade, out);
            out.flush();
            return code;
        }
    }

    /** The command's work; returns its exit code. */
    protected abstract int run(Upgrade upgrade, PrintWriter out);

    /** The databases the command reads or writes; both, unless it needs only V3. */
    protected Databases databases() {
        return Databases.BOTH;
    }

    /** What the command writes outside the databases: then the export directory is printed (and the share links' salt asked for). */
    protected Writes writes() {
        return Writes.NOTHING;
    }

    /** Writes {@code report} as {@code name} into the export directory and says where. */
    protected void saveReport(JsonReport report, String name, PrintWriter out) {
        var file = connection.exportDirectory().resolve(name);
        report.write(file);
        out.println("The full report (every row left out, renamed or re-homed, with its key) is in " + file);
    }
}
