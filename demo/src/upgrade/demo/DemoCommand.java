package upgrade.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import upgrade.cli.ExitCodes;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jbang demo.java}: the whole job on an embedded MariaDB, for a first look. It creates a sample
 * V2 2.0.0-Alpha1 site and a V3 database as Cloudreve 3.0.0 leaves it at first start, runs
 * {@code upgrade run} on them exactly as an operator would, and prints some upgraded rows. With
 * {@code --sqlite}, V3 is a SQLite file instead (V3's default install).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Upgrades a sample V2 site into a fresh V3 database (3.0.0 unless --v3 says another release) and shows the result.",
                "Both databases live on an embedded MariaDB in a temporary directory (or on --server)."})
public final class DemoCommand implements Callable<Integer> {
    private static final String V3_PREFIX = "cd_";
    static final String V2_DATABASE = "upgrade_demo_v2";
    static final String V3_DATABASE = "upgrade_demo_v3";
    /**
     * The V3 releases the demo can upgrade into: those with a first-start fixture (DemoSite.V3_VERSIONS),
     * and 3.8.2, whose first start writes exactly what 3.8.3's does (the same RequiredDBVersion 3.8.1,
     * and no change to the schema or the default settings between them: v3-database.md §3.1, §5.2, §6).
     * Every other release writes other settings or another schema than both fixtures.
     */
    static final List<String> V3_RELEASES = List.of("3.0.0", "3.8.2", "3.8.3");
    /** Stands for the HashIDSalt a real V3 writes into its conf.ini at first start. */
    private static final String DEMO_HASHID_SALT = "demo-salt-of-this-v3";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--keep-running", description = "Keep the embedded MariaDB running after the demo, until Enter is pressed.")
    boolean keepRunning;

    @Option(names = "--server", paramLabel = "URL",
            description = {"Use this MySQL/MariaDB server instead of an embedded one, e.g. jdbc:mariadb://localhost:3306/?user=root&password=pw.",
                    "The demo (re)creates the databases " + V2_DATABASE + " and " + V3_DATABASE + " on it."})
    String server;

    @Option(names = "--sqlite", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = {"Put V3 into a new SQLite file, V3's default install (no table prefix), instead of on the MariaDB:",
                    "FILE (it must not exist yet), or cloudreve.db in a temporary directory. V2 stays on the MariaDB."})
    String sqlite;

    @Option(names = "--v3", paramLabel = "RELEASE", defaultValue = DemoSite.V3_DEFAULT_VERSION,
            description = {"The V3 release whose first-start database is upgraded into: 3.0.0 (default), 3.8.2 or 3.8.3.",
                    "These have a first-start fixture in demo/ (3.8.2 writes the same database as 3.8.3); the upgrade itself"
                            + " takes every release from 3.0.0 to 3.8.3 (README, \"Supported targets\")."})
    String v3Release;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    /** How the demo reads V3 after the upgrade: a connection to its database or file. */
    private interface V3Connection {
        java.sql.Connection open() throws SQLException;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (!V3_RELEASES.contains(v3Release)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--v3 " + v3Release + ": the demo has a first-start database of V3 "
                    + String.join(", ", V3_RELEASES) + " only; choose one of them");
        }
        if (this.server == null) {
            out.println("Starting an embedded MariaDB (the first start unpacks it; this takes a few seconds)...");
            out.flush();
        }
        try (var server = this.server == null ? MariaDbServer.embedded() : MariaDbServer.existing(this.server)) {
            DemoSite.createV2(server, V2_DATABASE, true);
            var sqliteFile = sqlite == null ? null : sqlite.isEmpty()
                    ? java.nio.file.Files.createTempDirectory("upgrade-demo-v3-").resolve("cloudreve.db") : java.nio.file.Path.of(sqlite).toAbsolutePath();
            var prefix = sqliteFile == null ? V3_PREFIX : "";
            var fixture = v3Release.equals("3.8.2") ? "3.8.3" : v3Release; // 3.8.2 writes the same database as 3.8.3
            if (sqliteFile == null) {
                DemoSite.createV3(server, V3_DATABASE, prefix, fixture);
            } else {
                DemoSite.createV3Sqlite(sqliteFile, fixture, prefix);
            }
            var from = server.url(V2_DATABASE);
            var to = sqliteFile == null ? server.url(V3_DATABASE) : "sqlite:" + sqliteFile;
            V3Connection v3 = sqliteFile == null ? () -> server.connect(V3_DATABASE) : new SqliteFile(sqliteFile)::connect;
            var label = sqliteFile == null ? V3_DATABASE : sqliteFile.getFileName().toString();
            out.println("V2 sample site: " + from);
            out.println("V3 " + v3Release + " at first start (prefix " + (prefix.isEmpty() ? "none" : prefix) + "): " + to);
            out.println();
            out.println("$ upgrade run --from " + from + " --to " + to + (prefix.isEmpty() ? "" : " --v3-prefix " + prefix) + " --hashid-salt ... --export-dir ... --yes");
            out.flush();
            var run = spec.parent().commandLine().getSubcommands().get("run");
            var exports = java.nio.file.Files.createTempDirectory("upgrade-demo-");
            var args = new ArrayList<>(List.of("--from", from, "--to", to, "--v3-prefix", prefix,
                    "--hashid-salt", DEMO_HASHID_SALT, "--export-dir", exports.toString(), "--yes"));
            if (verbose) {
                args.add("--verbose");
            }
            int status = run.execute(args.toArray(String[]::new));
            if (status != ExitCodes.OK) {
                return status;
            }
            show(out, v3, label, prefix, "SELECT id, email, nick, status, group_id, avatar, options, password FROM {p}users ORDER BY id");
            show(out, v3, label, prefix, "SELECT id, name, policies, max_storage, speed_limit, options FROM {p}groups ORDER BY id");
            show(out, v3, label, prefix, "SELECT id, name, type, server, dir_name_rule, options FROM {p}policies ORDER BY id");
            show(out, v3, label, prefix, "SELECT id, name, parent_id, owner_id FROM {p}folders ORDER BY owner_id, id");
            show(out, v3, label, prefix, "SELECT id, name, source_name, user_id, folder_id, size, pic_info FROM {p}files ORDER BY id");
            show(out, v3, label, prefix, "SELECT id, is_dir, user_id, source_id, password, views, downloads, source_name FROM {p}shares ORDER BY id");
            show(out, v3, label, prefix, "SELECT id, email, storage FROM {p}users ORDER BY id");
            if (!v3Release.equals("3.0.0")) {
                show(out, v3, label, prefix, "SELECT id, name, type, aria2_enabled, aria2_options FROM {p}nodes ORDER BY id");
            }
            out.println();
            out.println(exports.resolve("v2-share-links.csv") + ":");
            out.println(java.nio.file.Files.readString(exports.resolve("v2-share-links.csv")));
            show(out, v3, label, prefix, "SELECT name, value FROM {p}settings WHERE name IN "
                    + "('siteURL','siteName','register_enabled','default_group','email_active','smtpHost','smtpPort','smtpEncryption') ORDER BY name");
            if (keepRunning && this.server == null) {
                out.println("The embedded MariaDB keeps running at " + server.hostAndPort() + " (user root, no password).");
                out.println("Press Enter to stop it.");
                out.flush();
                System.in.read();
            }
            return ExitCodes.OK;
        }
    }

    private static void show(PrintWriter out, V3Connection v3, String label, String prefix, String query) throws SQLException {
        var sql = query.replace("{p}", prefix);
        out.println();
        out.println(label + "> " + sql);
        try (var connection = v3.open(); var rs = connection.createStatement().executeQuery(sql)) {
            var meta = rs.getMetaData();
            var header = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.append(i > 1 ? " | " : "").append(meta.getColumnLabel(i));
            }
            out.println(header);
            while (rs.next()) {
                var line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    var value = String.valueOf(rs.getString(i));
                    line.append(i > 1 ? " | " : "").append(value.length() > 60 ? value.substring(0, 57) + "..." : value);
                }
                out.println(line);
            }
        }
        out.flush();
    }
}
