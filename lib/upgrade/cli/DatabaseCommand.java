package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import upgrade.Upgrade;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that opens both databases (with the shared options), works, and closes them. */
abstract class DatabaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public final Integer call() {
        var out = spec.commandLine().getOut();
        try (var upgrade = connection.open(out)) {
            var code = run(upgrade, out);
            out.flush();
            return code;
        }
    }

    /** The command's work; returns its exit code. */
    protected abstract int run(Upgrade upgrade, PrintWriter out);
}
