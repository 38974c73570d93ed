package upgrade.cli;

import picocli.CommandLine.Command;
import upgrade.Upgrade;

import java.io.PrintWriter;

/** {@code upgrade reset}: puts the V3 database back as V3 left it at its first start. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Puts the V3 database back as V3 left it at its first start, undoing what this toolkit wrote",
                "(an interrupted or a finished run), so the upgrade can start again. Tables are emptied and refilled,",
                "never dropped; V3 need not be restarted. The V2 database is not touched."})
public final class ResetCommand extends DatabaseCommand {

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var console = System.console();
        if (!connection.yes && console != null) {
            var answer = console.readLine("Put the V3 database back as it was at V3's first start? [y/N] ");
            if (answer == null || !answer.trim().toLowerCase().startsWith("y")) {
                out.println("Nothing was changed.");
                return ExitCodes.CANCELLED;
            }
        }
        var restored = upgrade.reset();
        out.println("Restored as at V3's first start: " + String.join(", ", restored));
        return ExitCodes.OK;
    }
}
