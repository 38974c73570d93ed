package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import upgrade.report.CheckPrinter;

import java.util.concurrent.Callable;

/** {@code upgrade verify}: checks a V3 database against V3's own rules. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the V3 database against V3's own rules (one root per user, reachable folders, unique names,",
                "valid JSON, existing groups and policies, owned shares, storage sums, ...). Exits 7 on any defect. Writes nothing."})
public final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (var upgrade = connection.open(out)) {
            var report = upgrade.verify();
            new CheckPrinter(out).print(report);
            out.println(report.passed() ? "The V3 database follows V3's rules." : report.failed().size() + " check(s) failed.");
            out.flush();
            return report.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
        }
    }
}
