package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import upgrade.UpgradeException;
import upgrade.site.SiteProfiles;

import java.io.PrintWriter;

/** The top command, {@code upgrade}; the entry script only calls {@link #execute(String...)}. */
@Command(name = "upgrade",
        mixinStandardHelpOptions = true,
        subcommands = {RunCommand.class, CheckCommand.class, PlanCommand.class, VerifyCommand.class, ResetCommand.class, FilesCommand.class, MappingsCommand.class,
                DemoPointerCommand.class,
                CommandLine.HelpCommand.class})
public final class UpgradeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    private UpgradeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Where the commands were started, and whom they may ask. */
    Terminal terminal() {
        return terminal;
    }

    /** The terminal of the command line that {@code spec} belongs to; the system's when it is not ours. */
    static Terminal terminalOf(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof UpgradeCommand top ? top.terminal() : Terminal.system();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code; prints messages, not stack traces (unless -v). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for tests that capture its output with setOut/setErr. */
    public static CommandLine commandLine() {
        return commandLine(Terminal.system());
    }

    /** The configured command line, asking on {@code terminal} and starting in its working directory (tests script it). */
    public static CommandLine commandLine(Terminal terminal) {
        quietLibraryLogs();
        var commandLine = new CommandLine(new UpgradeCommand(terminal));
        var profile = SiteProfiles.current(); // what is upgraded: the entry script installed it
        commandLine.getCommandSpec().version(profile.title());
        commandLine.getCommandSpec().usageMessage().description(profile.description());
        commandLine.setDefaultValueProvider(new ProfileDefaults());
        commandLine.setResourceBundle(profile.texts()); // the option descriptions in the product's words, where it has them
        commandLine.setExecutionExceptionHandler(UpgradeCommand::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        withExitCodes(commandLine);
        return commandLine;
    }

    private static void withExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help());
        commandLine.getSubcommands().values().forEach(UpgradeCommand::withExitCodes);
    }

    /** Gives a command added later (the demo script's {@code demo}) the help every command has. */
    public static void configure(CommandLine added) {
        withExitCodes(added);
        added.setDefaultValueProvider(new ProfileDefaults());
        added.setResourceBundle(SiteProfiles.current().texts());
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        var verbose = false;
        for (var result = parseResult; result != null; result = result.subcommand()) {
            verbose |= result.hasMatchedOption("-v");
        }
        if (e instanceof UpgradeException u) {
            err.println("upgrade: " + u.describe());
        } else {
            err.println("upgrade: internal error: " + e);
            if (!verbose) {
                err.println("  This is a bug in the toolkit. Run again with -v and report the output.");
            }
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(e);
    }

    /** The embedded database and the JDBC layer log through SLF4J; only their warnings matter to an operator. */
    static void quietLibraryLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // The driver logs every refused statement; a duplicate name is expected (it is renamed) and
        // every other failure reaches the operator as a message of ours.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "off");
        }
        // Two Commons Logging implementations meet on the class path (JEXL's and the embedded
        // database's); naming one stops the discovery that prints a warning about the other.
        if (System.getProperty("org.apache.commons.logging.LogFactory") == null) {
            System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
        }
    }
}
