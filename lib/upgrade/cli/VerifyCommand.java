package upgrade.cli;

import picocli.CommandLine.Command;
import upgrade.Upgrade;
import upgrade.cli.ConnectionOptions.Databases;
import upgrade.report.VerificationPrinter;

import java.io.PrintWriter;
import java.util.Map;

/** {@code upgrade verify}: checks a V3 database against V3's own rules. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the V3 database against V3's own rules, and says how to repair what breaks them. Writes nothing.",
                "The rules: one root per user, reachable folders, unique names, valid JSON, existing groups and policies, "
                        + "owned shares, storage sums, ... Exits 7 on any defect.",
                "Needs only the V3 database (--to or --v3-conf): V2's may be gone after the upgrade."})
public final class VerifyCommand extends DatabaseCommand {

    @Override
    protected Databases databases() {
        return Databases.V3_ONLY;
    }

    @Override
    protected int run(Upgrade upgrade, PrintWriter out) {
        var plan = upgrade.plan(); // with V3 alone: the verify mappings, checked against V3
        var report = upgrade.verify(plan, Progress.forConsole(out));
        new VerificationPrinter(out, plan.mappings().target().name()).print(report, report.passed() ? Map.of() : upgrade.verifyWriters(plan));
        return report.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }
}
