package upgrade.demo;

import picocli.CommandLine;
import upgrade.cli.UpgradeCommand;

/**
 * The upgrade's command line with the real {@code demo} command in place of the pointer that
 * {@code upgrade.java} carries. The demo lives apart because it brings an embedded MariaDB (about
 * 150 MB) that an operator's upgrade never uses; the demo script and the tests add it.
 */
public final class DemoCli {
    private DemoCli() {}

    /** The whole command line: every upgrade command, and {@code demo} on an embedded MariaDB. */
    public static CommandLine commandLine() {
        var commandLine = UpgradeCommand.commandLine();
        commandLine.getCommandSpec().removeSubcommand("demo");
        var demo = new CommandLine(new DemoCommand());
        commandLine.addSubcommand("demo", demo);
        UpgradeCommand.configure(demo);
        return commandLine;
    }

    /** {@code jbang demo.java [ARGS]}: without arguments it runs the demo; otherwise the command named. */
    public static int execute(String... args) {
        return commandLine().execute(args.length == 0 ? new String[] {"demo"} : args);
    }
}
