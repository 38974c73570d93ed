package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.mapping.MappingFiles;
import upgrade.site.SiteProfiles;
import upgrade.site.SourceSite;
import upgrade.site.TargetConf;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options every command that opens the databases shares (a picocli mixin). */
public final class ConnectionOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "JDBC_URL",
            description = {"The source database, e.g. jdbc:mysql://localhost:3306/DATABASE?user=root (password: $" + Upgrade.V2_PASSWORD_VARIABLE + ").",
                    "Default: from --v2-root. Not needed (nor opened) by verify and reset."})
    String from;

    @Option(names = "--to", paramLabel = "JDBC_URL",
            description = {"The target database, e.g. jdbc:mysql://localhost:3306/DATABASE?user=root (password: $" + Upgrade.V3_PASSWORD_VARIABLE + "),",
                    "or a SQLite file: sqlite:/PATH/FILE.db.",
                    "Default: from --v3-conf; on a terminal it is asked for (a configuration file's path, or setting by setting)."})
    String to;

    @Option(names = "--v2-root", paramLabel = "DIR",
            description = {"The source site's root directory, whose files name its database and settings.",
                    "Default: the current directory, when it is one. Options given explicitly win."})
    Path v2Root;

    @Option(names = "--v3-dir", paramLabel = "DIR",
            description = "The directory the target application runs in, where its relative paths start. Default: the source site's root")
    Path v3Directory;

    @Option(names = "--thumb-suffix", paramLabel = "SUFFIX",
            description = "What the target application appends to a file's path for its thumbnail. Default: ${DEFAULT-VALUE}")
    String thumbSuffix;

    @Option(names = "--v3-conf", paramLabel = "FILE",
            description = {"The target application's configuration file, which names its database (and the salt of its share links).",
                    "Options given explicitly win."})
    Path v3Conf;

    @Option(names = {"-y", "--yes"}, description = "Never ask: no confirmation, no prompts (nothing is asked without a terminal either).")
    boolean yes;

    @Option(names = "--v2-prefix", paramLabel = "PREFIX",
            description = "The source's table prefix. Default: ${DEFAULT-VALUE}")
    String v2Prefix;

    @Option(names = "--v3-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "The target's table prefix. Default: none")
    String v3Prefix;

    @Option(names = "--salt", paramLabel = "SALT",
            description = "The source's password salt. Default: ${DEFAULT-VALUE}")
    String salt;

    @Option(names = "--v2-timezone", paramLabel = "ZONE",
            description = "The zone the source wrote its times in. Default: ${DEFAULT-VALUE}")
    String v2TimeZone;

    @Option(names = "--v2-version", defaultValue = "", paramLabel = "VERSION",
            description = "The source site's version, when you know it; checked against what the mappings require")
    String v2Version;

    @Option(names = "--batch-size", defaultValue = "" + UpgradeOptions.DEFAULT_BATCH_SIZE, paramLabel = "ROWS",
            description = "Rows per page read and per multi-row insert. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--recovery-folder", paramLabel = "NAME",
            description = "The folder, in each user's root, that receives folders and files whose source folder no longer exists. Default: ${DEFAULT-VALUE}")
    String recoveryFolder;

    @Option(names = "--hashid-salt", defaultValue = "", paramLabel = "SALT",
            description = {"The salt of the target's share links. With it, the share-link export also gives each old share link its new link.",
                    "Default: from --v3-conf; on a terminal, run asks for it (or for a configuration file to read it from)."})
    String hashIdSalt;

    @Option(names = "--export-dir", paramLabel = "DIR",
            description = {"Where the report and the export files the mappings declare are written.",
                    "Default: beside the source site's root (<parent>/" + ExportDirectory.BESIDE_PREFIX + "<root's name>) when run inside it,",
                    "since the source's web server may serve the root; else the current directory. The path is printed."})
    Path exportDirectory;

    @Option(names = "--leave-out-unsupported-policies",
            description = {"Leave the rows the mappings' checks name as unsupported (and what depends on them) out, each listed in the report",
                    "with its cause, instead of refusing to run."})
    boolean leaveOutUnsupported;

    @Option(names = "--mappings", paramLabel = "DIR",
            description = {"Your mapping files, laid over the bundled ones file by file: a file of the same name replaces the bundled one,",
                    "a new name adds a mapping, a file holding only 'disabled: true' removes one."})
    Path mappings;

    @Option(names = "--resume-changed-mappings",
            description = "Continue an interrupted run even though the mapping files changed since it started.")
    boolean resumeChangedMappings;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    /** Which databases a command opens: {@code verify} and {@code reset} need only V3 (V2 may be gone by then). */
    enum Databases { BOTH, V3_ONLY }

    /** What a command writes besides the target database; it decides whether the export directory and the share links' salt matter. */
    enum Writes { NOTHING, REPORT, REPORT_AND_SHARE_LINKS }

    /**
     * The databases and the options, from the flags, then the source site's files and the target's configuration file, then prompts.
     *
     * @param v2 null when the command opens only V3
     */
    record Resolved(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options, List<String> sources, ExportDirectory exports) {}

    Resolved resolve(Databases databases, Writes writes) {
        var terminal = UpgradeCommand.terminalOf(spec);
        var prompts = terminal.canAsk() && !yes ? Optional.of(new Prompts(terminal)) : Optional.<Prompts>empty();
        var sources = new ArrayList<String>();
        var profile = SiteProfiles.current();
        var root = databases == Databases.V3_ONLY ? Optional.<SourceSite>empty()
                : v2Root != null ? Optional.of(profile.readSource(here(v2Root)))
                : from == null ? profile.sourceAt(terminal.workingDirectory()) : Optional.<SourceSite>empty();
        root.ifPresent(site -> sources.add("V2: " + site.settings() + (site.version().isEmpty() ? "" : ", version " + site.version())));
        var conf = Optional.ofNullable(v3Conf).map(this::here).map(profile::readTarget);
        conf.ifPresent(c -> sources.add("V3: " + c.file().toAbsolutePath().normalize()));

        ConnectionSpec v2 = null;
        if (databases == Databases.BOTH) {
            v2 = DatabaseSpecs.v2(from, root).orElseThrow(() -> missing("--from", "give --from JDBC_URL, or --v2-root DIR (V2's web root), or run in V2's web root"));
        }
        var wantSalt = writes == Writes.REPORT_AND_SHARE_LINKS && !given("--hashid-salt");
        Prompts.V3Answers answers = null;
        ConnectionSpec v3;
        if (to != null) {
            v3 = DatabaseSpecs.v3(to, UpgradeCommand.terminalOf(spec).workingDirectory());
        } else if (conf.isPresent()) {
            v3 = DatabaseSpecs.v3(conf.get());
        } else if (prompts.isPresent()) {
            answers = prompts.get().v3Database(wantSalt);
            v3 = DatabaseSpecs.withV3Password(answers.spec());
            answers.conf().ifPresent(file -> sources.add("V3: " + file));
        } else {
            throw missing("--to", Texts.MISSING_TARGET.text());
        }

        var options = options();
        if (!given("--v2-prefix") && root.isPresent()) {
            options = options.withV2Prefix(root.get().prefix());
        }
        if (!given("--salt") && root.isPresent()) {
            options = options.withSalt(checkedSalt(root.get().salt()));
        }
        if (!given("--v2-timezone") && root.isPresent()) {
            options = options.withV2TimeZone(zone(root.get().timeZone()));
        }
        if (!given("--v2-version") && root.isPresent()) {
            options = options.withV2Version(root.get().version());
        }
        if (!given("--v3-prefix")) {
            options = options.withV3Prefix(answers != null ? answers.prefix() : conf.map(TargetConf::prefix).orElse(v3Prefix));
        }
        if (root.isPresent()) {
            options = options.withV2Root(root.get().root());
        }
        if (!given("--hashid-salt")) {
            options = options.withHashIdSalt(answers != null ? answers.hashIdSalt() : conf.map(TargetConf::shareSalt).orElse(""));
            // Still unknown: ask, so that the share-link map gives the new links (typing V3's database asked for it already).
            var asked = answers != null && answers.conf().isEmpty();
            if (wantSalt && options.hashIdSalt().isEmpty() && !asked && prompts.isPresent()) {
                options = options.withHashIdSalt(prompts.get().hashIdSalt());
            }
        }
        var exports = ExportDirectory.choose(exportDirectory, terminal.workingDirectory(), root.map(SourceSite::root).orElse(null));
        options = options.withExportDirectory(exports.path());
        return new Resolved(v2, v3, options, List.copyOf(sources), exports);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private CommandLine.ParameterException missing(String option, String how) {
        return new CommandLine.ParameterException(spec.commandLine(), "Missing " + option + ": " + how);
    }

    private String checkedSalt(String value) {
        if (value.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the salt must not contain ':' (V3 keeps passwords as md5:HASH:SALT)");
        }
        return value;
    }

    /** The options as the flags give them (paths from the working directory); a wrong value is a usage error naming the option. */
    private UpgradeOptions options() {
        if (salt.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--salt must not contain ':' (V3 keeps passwords as md5:HASH:SALT)");
        }
        var zone = zone(v2TimeZone);
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        if (recoveryFolder.isBlank() || recoveryFolder.contains("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recovery-folder must be a folder name, without '/'");
        }
        return SiteProfiles.current().defaultOptions().withV2Prefix(v2Prefix).withV3Prefix(v3Prefix).withSalt(salt)
                .withV2TimeZone(zone).withBatchSize(batchSize).withRecoveryFolder(recoveryFolder).withHashIdSalt(hashIdSalt)
                .withV2Version(v2Version).withLeaveOutUnsupported(leaveOutUnsupported)
                .withResumeChangedMappings(resumeChangedMappings).withV3Directory(here(v3Directory)).withThumbSuffix(thumbSuffix)
                .withMappings(mappings == null ? null : MappingFiles.bundledWith(here(mappings)));
    }

    /**
     * Opens the databases the command needs; prints where discovered settings came from and, when
     * the command writes files, where they go. On a terminal, a refused password is asked for again.
     */
    Upgrade open(PrintWriter out, Databases databases, Writes writes) {
        var resolved = resolve(databases, writes);
        resolved.sources().forEach(source -> out.println("Settings from " + source));
        if (writes != Writes.NOTHING) {
            announce(resolved.exports(), writes, out);
        }
        out.flush();
        resolvedV2 = resolved.v2();
        resolvedExports = resolved.exports().path();
        var options = resolved.options();
        var v3 = loggedIn(resolved.v3(), Database.Role.TARGET, options.v3Prefix());
        if (databases == Databases.V3_ONLY) {
            return Upgrade.openV3(v3, options);
        }
        return Upgrade.open(loggedIn(resolved.v2(), Database.Role.SOURCE, options.v2Prefix()), v3, options);
    }

    /** Says where the report (and share-link map) go, and makes sure the directory can be written before anything else is. */
    private void announce(ExportDirectory exports, Writes writes, PrintWriter out) {
        out.println((writes == Writes.REPORT_AND_SHARE_LINKS ? "The report and v2-share-links.csv go to " : "The report goes to ")
                + exports.path() + " (" + exports.why() + ")");
        exports.warning().ifPresent(warning -> out.println("WARNING: " + warning));
        try {
            Files.createDirectories(exports.path());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot create " + exports.path() + " for the report ("
                    + (e instanceof AccessDeniedException ? "permission denied" : e.toString())
                    + "); give --export-dir DIR, a directory you may write to outside V2's web root");
        }
    }

    /** The connection; on a terminal (without --yes) as the server accepts it, the password asked for again when refused. */
    private ConnectionSpec loggedIn(ConnectionSpec connection, Database.Role role, String prefix) {
        var terminal = UpgradeCommand.terminalOf(spec);
        return terminal.canAsk() && !yes ? new Prompts(terminal).loggedIn(connection, role, prefix) : connection;
    }

    /** A path option as seen from the working directory. */
    private Path here(Path path) {
        return path == null ? null : UpgradeCommand.terminalOf(spec).workingDirectory().resolve(path).normalize();
    }

    private ConnectionSpec resolvedV2;
    private Path resolvedExports;

    /** Where the report and the export files go (see {@link ExportDirectory}); known once the databases are open. */
    Path exportDirectory() {
        return resolvedExports;
    }

    /** The command that backs V2 up, for the reminder every run prints. */
    String backupCommand() {
        return resolvedV2.dumpCommand("v2-backup-" + java.time.LocalDate.now() + ".sql");
    }

    private ZoneId zone(String name) {
        try {
            return ZoneId.of(name); // PHP's names are the tz database's, PRC among them
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the time zone '" + name + "' (--v2-timezone, or default_timezone in config.php) is not one; use a tz database name such as Europe/Paris or UTC");
        }
    }
}
