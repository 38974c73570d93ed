package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code upgrade demo} in the operator's script only says where the demo is: it needs an embedded
 * MariaDB (about 150 MB), which the upgrade itself never downloads, so it has a script of its own.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows where the demo is: it has its own script, jbang demo.java, which brings an embedded MariaDB.",
                "This script does not download that server: an upgrade never uses it."})
final class DemoPointerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("upgrade: the demo has its own script, so that an upgrade does not download an embedded MariaDB (about 150 MB).");
        err.println("  Run it from the toolkit's directory: jbang demo.java   (or ./jbang demo.java without an installed JBang)");
        err.flush();
        return ExitCodes.USAGE;
    }
}
