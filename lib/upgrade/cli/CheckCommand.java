package upgrade.cli;

import picocli.CommandLine.Command;
import upgrade.Upgrade;
import upgrade.report.CheckPrinter;
import upgrade.report.PlanPrinter;
import upgrade.site.SiteProfiles;

import java.io.PrintWriter;

/** {@code upgrade check}: the checks {@code run} makes first, without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that V2 and V3 are ready for the upgrade, and says how to fix what is not. Writes nothing.",
                "When V3 holds an upgrade that is unfinished (or finished), it says how far it got and how to continue or undo it."})
public final class CheckCommand extends DatabaseCommand {

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var plan = upgrade.plan();
        var checks = upgrade.check(plan);
        new CheckPrinter(out).print(checks);
        out.println();
        new PlanPrinter(out).print(plan);
        plan.status().ifPresent(status -> {
            out.println(status.onCheck());
            out.println();
        });
        out.println("Back " + plan.mappings().source().name() + " up before the upgrade: " + connection.backupCommand());
        SiteProfiles.current().beforeUpgrade().forEach(out::println);
        return checks.passed() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
}
