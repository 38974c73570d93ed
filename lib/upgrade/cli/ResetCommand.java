package upgrade.cli;

import picocli.CommandLine.Command;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Databases;

import java.io.PrintWriter;

/** {@code upgrade reset}: puts the V3 database back as V3 left it at its first start. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Puts the V3 database back as V3 left it at its first start, so the upgrade can start again.",
                "It undoes what this toolkit wrote (an interrupted or a finished run). Tables are emptied and refilled, "
                        + "never dropped; V3 need not be restarted.",
                "A reset that was interrupted is finished by running it again.",
                "Needs only the V3 database (--to or --v3-conf); V2's is not touched."})
public final class ResetCommand extends DatabaseCommand {

    @Override
    protected Databases databases() {
        return Databases.V3_ONLY;
    }

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var terminal = UpgradeCommand.terminalOf(spec);
        if (!connection.yes && terminal.canAsk()) {
            var answer = terminal.readLine("Put the V3 database back as it was at V3's first start? [y/N] ");
            if (answer == null || !answer.trim().toLowerCase().startsWith("y")) {
                out.println("Nothing was changed.");
                return ExitCodes.CANCELLED;
            }
        }
        var restored = upgrade.reset();
        out.println(restored.isEmpty() ? "V3 was already as at its first start; the leftovers of an interrupted run or reset were removed."
                : "Restored as at V3's first start: " + String.join(", ", restored));
        return ExitCodes.OK;
    }
}
