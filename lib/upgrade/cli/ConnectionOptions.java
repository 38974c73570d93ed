package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.db.ConnectionSpec;
import upgrade.mapping.MappingFiles;
import upgrade.site.V2Site;
import upgrade.site.V3Conf;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options every command that opens both databases shares (a picocli mixin). */
public final class ConnectionOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "JDBC_URL",
            description = {"The V2 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v2?user=root (password: $" + Upgrade.V2_PASSWORD_VARIABLE + ").",
                    "Default: from --v2-root."})
    String from;

    @Option(names = "--to", paramLabel = "JDBC_URL",
            description = {"The V3 database, e.g. jdbc:mysql://localhost:3306/cloudreve_v3?user=root (password: $" + Upgrade.V3_PASSWORD_VARIABLE + ").",
                    "Default: from --v3-conf; on a terminal it is asked for."})
    String to;

    @Option(names = "--v2-root", paramLabel = "DIR",
            description = {"V2's web root: its application/database.php (database, prefix), config.php (salt, time zone) and version.json",
                    "are read. Default: the current directory, when it is one. Options given explicitly win."})
    Path v2Root;

    @Option(names = "--v3-dir", paramLabel = "DIR",
            description = "The directory V3 runs in, where its relative paths start (thumbnails, avatars, local files). Default: V2's web root")
    Path v3Directory;

    @Option(names = "--thumb-suffix", defaultValue = "._thumb", paramLabel = "SUFFIX",
            description = "What V3 appends to a file's path for its thumbnail (thumb_file_suffix / [Thumbnail] FileSuffix). Default: ${DEFAULT-VALUE}")
    String thumbSuffix;

    @Option(names = "--v3-conf", paramLabel = "FILE",
            description = "V3's conf.ini: its [Database] (MySQL/MariaDB) and [System] HashIDSalt are read. Options given explicitly win.")
    Path v3Conf;

    @Option(names = {"-y", "--yes"}, description = "Never ask: no confirmation, no prompts (nothing is asked without a terminal either).")
    boolean yes;

    @Option(names = "--v2-prefix", defaultValue = "sd_", paramLabel = "PREFIX",
            description = "V2's table prefix ('prefix' in application/database.php). Default: ${DEFAULT-VALUE}")
    String v2Prefix;

    @Option(names = "--v3-prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "V3's table prefix ([Database] TablePrefix in conf.ini). Default: none, as V3's own default")
    String v3Prefix;

    @Option(names = "--salt", defaultValue = "sdshare", paramLabel = "SALT",
            description = "V2's password salt ('salt' in application/config.php). Default: ${DEFAULT-VALUE}")
    String salt;

    @Option(names = "--v2-timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
            description = "The zone V2 wrote its times in ('default_timezone' in application/config.php; PRC). Default: ${DEFAULT-VALUE}")
    String v2TimeZone;

    @Option(names = "--v2-version", defaultValue = "", paramLabel = "VERSION",
            description = "The version in V2's application/version.json, when you know it; checked to be 2.0.0-Alpha1")
    String v2Version;

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "ROWS",
            description = "Rows per page read and per multi-row insert. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--recovery-folder", defaultValue = UpgradeOptions.RECOVERY_FOLDER, paramLabel = "NAME",
            description = "The folder, in each user's root, that receives folders and files whose V2 folder no longer exists. Default: ${DEFAULT-VALUE}")
    String recoveryFolder;

    @Option(names = "--hashid-salt", defaultValue = "", paramLabel = "SALT",
            description = "V3's [System] HashIDSalt from its conf.ini. With it, v2-share-links.csv also gives each old share link its new link.")
    String hashIdSalt;

    @Option(names = "--export-dir", defaultValue = ".", paramLabel = "DIR",
            description = "Where v2-share-links.csv (V2 share key -> V3 share) is written. Default: the current directory")
    Path exportDirectory;

    @Option(names = "--leave-out-unsupported-policies",
            description = {"Leave every storage policy V3 cannot take (S3, remote, or a type V2 2.0.0-Alpha1 never had, e.g. b2)",
                    "and its files out, each listed in the report with its cause, instead of refusing to run."})
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

    /** Both databases and the options, from the flags, then V2's web root and V3's conf.ini, then prompts. */
    record Resolved(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options, List<String> sources) {}

    Resolved resolve() {
        var sources = new ArrayList<String>();
        var root = v2Root != null ? Optional.of(V2Site.read(v2Root))
                : from == null ? V2Site.at(Path.of("")) : Optional.<V2Site>empty();
        root.ifPresent(site -> sources.add("V2: " + site.root().toAbsolutePath().normalize() + "/application ("
                + (site.readBy().equals("php") ? "read by php" : "read without php") + ")"
                + (site.version().isEmpty() ? "" : ", version " + site.version())));
        var conf = Optional.ofNullable(v3Conf).map(V3Conf::read);
        conf.ifPresent(c -> sources.add("V3: " + c.file().toAbsolutePath().normalize()));

        var v2Url = from != null ? from : root.map(V2Site::url).orElseThrow(() -> missing("--from",
                "give --from JDBC_URL, or --v2-root DIR (V2's web root), or run in V2's web root"));
        var v2Password = env(Upgrade.V2_PASSWORD_VARIABLE).orElse(from != null ? null : root.map(V2Site::password).orElse(null));
        String v3Url = to;
        String v3Password = env(Upgrade.V3_PASSWORD_VARIABLE).orElse(null);
        if (v3Url == null && conf.isPresent()) {
            v3Url = conf.get().url();
            v3Password = v3Password != null ? v3Password : conf.get().password();
        }
        var prompted = v3Url == null ? prompt() : null;
        if (prompted != null) {
            v3Url = prompted.url();
            v3Password = prompted.password();
        }
        if (v3Url == null) {
            throw missing("--to", "give --to JDBC_URL, or --v3-conf FILE (V3's conf.ini), or run on a terminal without --yes to be asked");
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
            options = options.withV3Prefix(prompted != null ? prompted.prefix() : conf.map(V3Conf::prefix).orElse(v3Prefix));
        }
        if (root.isPresent()) {
            options = options.withV2Root(root.get().root());
        }
        if (!given("--hashid-salt") && conf.isPresent()) {
            options = options.withHashIdSalt(conf.get().hashIdSalt());
        }
        return new Resolved(new ConnectionSpec("V2 database", "--from", v2Url, v2Password),
                new ConnectionSpec("V3 database", "--to", v3Url, v3Password), options, List.copyOf(sources));
    }

    private record Prompted(String url, String password, String prefix) {}

    /** Asks for the V3 database like the original assistant did, with defaults; null without a terminal or with --yes. */
    private Prompted prompt() {
        var console = System.console();
        if (console == null || yes) {
            return null;
        }
        console.printf("The V3 database (V3 must have started on it once):%n");
        var host = ask(console, "  host", "127.0.0.1");
        var port = ask(console, "  port", "3306");
        var user = ask(console, "  user", "root");
        var password = console.readPassword("  password: ");
        var database = ask(console, "  database", "cloudreve");
        var prefix = ask(console, "  table prefix (V3's default is none; the docs use cd_)", "");
        return new Prompted("jdbc:mysql://" + host + ":" + port + "/" + database + "?user=" + java.net.URLEncoder.encode(user,
                java.nio.charset.StandardCharsets.UTF_8), password == null ? "" : new String(password), prefix);
    }

    private static String ask(java.io.Console console, String question, String otherwise) {
        var answer = console.readLine("%s [%s]: ", question, otherwise);
        return answer == null || answer.isBlank() ? otherwise : answer.trim();
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private CommandLine.ParameterException missing(String option, String how) {
        return new CommandLine.ParameterException(spec.commandLine(), "Missing " + option + ": " + how);
    }

    private static Optional<String> env(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isEmpty());
    }

    private String checkedSalt(String value) {
        if (value.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the salt must not contain ':' (V3 keeps passwords as md5:HASH:SALT)");
        }
        return value;
    }

    /** The options as the flags give them; a wrong value is a usage error naming the option. */
    UpgradeOptions options() {
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
        return UpgradeOptions.defaults().withV2Prefix(v2Prefix).withV3Prefix(v3Prefix).withSalt(salt)
                .withV2TimeZone(zone).withBatchSize(batchSize).withRecoveryFolder(recoveryFolder).withHashIdSalt(hashIdSalt)
                .withExportDirectory(exportDirectory).withV2Version(v2Version).withLeaveOutUnsupported(leaveOutUnsupported)
                .withResumeChangedMappings(resumeChangedMappings).withV3Directory(v3Directory).withThumbSuffix(thumbSuffix)
                .withMappings(mappings == null ? null : MappingFiles.bundledWith(mappings));
    }

    /** Opens both databases; prints where discovered settings came from. */
    Upgrade open(java.io.PrintWriter out) {
        var resolved = resolve();
        resolved.sources().forEach(source -> out.println("Settings from " + source));
        resolvedV2 = resolved.v2();
        return Upgrade.open(resolved.v2(), resolved.v3(), resolved.options());
    }

    private ConnectionSpec resolvedV2;

    /** The command that backs V2 up, for the reminder every run prints. */
    String backupCommand() {
        return resolvedV2.dumpCommand("v2-backup-" + java.time.LocalDate.now() + ".sql");
    }

    private ZoneId zone(String name) {
        try {
            return ZoneId.of(name.equals("PRC") ? "Asia/Shanghai" : name);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the time zone '" + name + "' (--v2-timezone, or default_timezone in config.php) is not one; use a name such as Asia/Shanghai or UTC");
        }
    }
}
