///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: the toolkit against the limit (the server's own INSERT ... SELECT) and a per-row loop, on one generated dirty V2 site.
//JAVA 17+
//SOURCES ../demo.java
//SOURCES Measure.java
//SOURCES Site.java
//SOURCES SiteGenerator.java
//SOURCES RowLoop.java
//SOURCES LoopJdbc.java
//SOURCES ServerCpu.java
//SOURCES QuietServer.java
//FILES mappings/=../mappings/*.yaml
//FILES demo/=../demo/*.sql
//FILES bench/limit.sql=limit.sql
//RUNTIME_OPTIONS -Xmx256m

import bench.Measure;
import bench.Measure.ToolkitRun;
import bench.RowLoop;
import bench.QuietServer;
import bench.ServerCpu;
import bench.Site;
import bench.SiteGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import upgrade.UpgradeOptions;
import upgrade.cloudreve.CloudreveSite;
import upgrade.check.CheckResult;
import upgrade.cli.UpgradeCommand;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;
import upgrade.demo.SqlScript;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints figures, asserts nothing. Builds one dirty V2 site of the given size, then runs, round
 * after round and interleaved, the limit (bench/limit.sql: the same work as INSERT ... SELECT on the
 * server), the per-row loop (bench/RowLoop.java) and the toolkit (upgrade and verification), each
 * into its own fresh V3 3.0.0 database; prints each time, the medians, the ratios, the toolkit's
 * rows/s per step and its peak heap. {@code ./jbang -R-Xmx256m bench/compare.java 200000}
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = {
        "Times the toolkit against the limit (the server's own INSERT ... SELECT) and a per-row loop on one generated dirty V2 site.",
        "Users, folders and shares scale with the files as in issue 12: 10k users, 100k folders, 20k shares per 1M files."})
class compare implements Callable<Integer> {
    private static final String V2 = "bench_compare_v2";
    private static final String LIMIT_LEAVES_OUT = """
            The limit writes the same users, folders, files, shares and storage (see the row counts below), but leaves out:
              settings, groups and policies (a few dozen rows), the report of each row renamed, re-homed or left out,
              the checks before writing, the resume ledger, the share-link export and the verification.""";

    @Parameters(index = "0", arity = "0..1", defaultValue = "1000000", paramLabel = "FILES",
            description = "rows in sd_files (default: ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--rounds", defaultValue = "3",
            description = "interleaved rounds (limit, loop, toolkit, limit, ...); default ${DEFAULT-VALUE}; 0 generates the site only")
    int rounds;

    @Option(names = "--server", paramLabel = "URL",
            description = "an existing MySQL/MariaDB server, jdbc:mariadb://HOST:PORT/?user=U&password=P (default: an embedded MariaDB)")
    String server;

    @Option(names = "--keep", description = "leave the generated databases on the --server")
    boolean keep;

    @Option(names = "--batch-size", defaultValue = "" + UpgradeOptions.DEFAULT_BATCH_SIZE, paramLabel = "ROWS",
            description = "the toolkit's rows per page and per insert, as upgrade run --batch-size (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--toolkit-only", description = "run the toolkit alone (to profile it, e.g. with -R-XX:StartFlightRecording); prints no ratios")
    boolean toolkitOnly;

    /** One way of doing the upgrade, and its time in each round. */
    private record Contender(String name, String database, Job job, List<Duration> times, List<Duration> serverTimes) {
        Contender(String name, String database, Job job) {
            this(name, database, job, new ArrayList<>(), new ArrayList<>());
        }
    }

    private interface Job {
        void run(MariaDbServer server, String v2, String v3) throws Exception;
    }

    private final List<ToolkitRun> toolkitRuns = new ArrayList<>();
    /** Untimed waits for the server to finish the work a contender left behind (flushing, purge). */
    private Duration quietFor = Duration.ZERO;
    private final Map<String, Map<String, Long>> rowsWritten = new LinkedHashMap<>();
    private java.util.Optional<ServerCpu> serverCpu = java.util.Optional.empty();

    public static void main(String... args) {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        upgrade.installFunctionPacks(); // the bundled mappings call the cloudreve functions
        System.exit(new CommandLine(new compare()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        var site = Site.withFiles(files);
        var contenders = List.of(
                new Contender("limit (INSERT ... SELECT)", "bench_compare_limit", (s, v2, v3) ->
                        s.run(v3, SqlScript.resource("bench/limit.sql", Map.of("v2", v2, "recovery", CloudreveSite.RECOVERY_FOLDER)))),
                new Contender("per-row loop", "bench_compare_loop", RowLoop::run),
                new Contender("toolkit", "bench_compare_toolkit", (s, v2, v3) -> {
                    System.gc(); // the peak heap is the toolkit's, not what the others left behind
                    toolkitRuns.add(Measure.upgrade(s.url(v2), s.url(v3), true, batchSize));
                }));
        try (var db = server == null ? MariaDbServer.embedded() : MariaDbServer.existing(server)) {
            System.out.printf("Generating the V2 site on %s ...%n", server == null ? "an embedded MariaDB" : db.hostAndPort());
            try {
                var generated = new SiteGenerator(db, V2, site).generate();
                System.out.printf("V2 site: %s%n  generated in %.1f s%n%n", site.describe(), seconds(generated));
                if (rounds < 1) {
                    return 0; // the site only
                }
                runRounds(db, toolkitOnly ? contenders.subList(2, 3) : contenders);
            } finally {
                if (server != null && !keep) {
                    db.dropDatabase(V2);
                    contenders.forEach(c -> db.dropDatabase(c.database()));
                }
            }
        }
        print(toolkitOnly ? contenders.subList(2, 3) : contenders);
        return 0;
    }

    /** Round after round, each contender in turn into its own fresh V3 database; one line per round. */
    private void runRounds(MariaDbServer db, List<Contender> contenders) throws Exception {
        serverCpu = ServerCpu.of(db);
        for (int round = 1; round <= rounds; round++) {
            var line = new StringBuilder("round " + round + ":");
            for (var contender : contenders) {
                DemoSite.createV3(db, contender.database(), "");
                quietFor = quietFor.plus(QuietServer.await(db)); // what the contender before left running is not timed here
                var serverBefore = serverCpu.map(ServerCpu::used);
                var started = Instant.now();
                contender.job().run(db, V2, contender.database());
                var took = Duration.between(started, Instant.now());
                contender.times().add(took);
                serverBefore.ifPresent(before -> contender.serverTimes().add(serverCpu.get().used().minus(before)));
                line.append(String.format("  %s %.1f s", contender.name(), seconds(took)));
                if (round == 1) {
                    rowsWritten.put(contender.name(), rowsIn(db, contender.database()));
                }
            }
            System.out.println(line);
        }
    }

    private void print(List<Contender> contenders) {
        System.out.printf("%nBefore each contender the server was let finish what the one before left running (QuietServer): %.1f s in all, not timed%n",
                seconds(quietFor));
        var header = new StringBuilder(String.format("%-30s", "seconds"));
        for (int round = 1; round <= rounds; round++) {
            header.append(String.format("%10s", "round " + round));
        }
        System.out.println(header.append(String.format("%10s", "median")));
        for (var contender : contenders) {
            printTimes(contender.name(), contender.times());
        }
        printTimes("  toolkit: steps", toolkitRuns.stream().map(ToolkitRun::steps).toList());
        printTimes("  toolkit: verification", toolkitRuns.stream().map(ToolkitRun::verify).toList());
        if (serverCpu.isPresent()) {
            System.out.println("processor time of the server, seconds (the work each gives it, which waiting cannot hide):");
            for (var contender : contenders) {
                printTimes("  " + contender.name(), contender.serverTimes());
            }
        }

        if (contenders.size() == 3) {
            double limit = seconds(median(contenders.get(0).times()));
            double loop = seconds(median(contenders.get(1).times()));
            double toolkit = seconds(median(contenders.get(2).times()));
            System.out.printf("%ntoolkit / limit = %.2f (issue 12 asks at most 2)%n", toolkit / limit);
            System.out.printf("loop / toolkit  = %.2f (issue 12 asks at least 5)%n", loop / toolkit);
            System.out.println(LIMIT_LEAVES_OUT);
        }

        var last = toolkitRuns.get(toolkitRuns.size() - 1);
        System.out.printf("%nToolkit steps (round %d):%n", rounds);
        Measure.printSteps(last.report(), mainStep());
        System.out.printf("Processor time of the toolkit (round %d, %.1f s): its thread %.1f s, its JVM %.1f s (GC, JIT and the read-ahead thread too);%n"
                        + "  the thread waited the rest, mostly for the database%n", rounds, seconds(last.total()),
                seconds(last.cpu().thread()), seconds(last.cpu().process()));
        System.out.printf("Peak heap in use by the toolkit: %.0f MiB (max heap %.0f MiB)%n",
                Measure.mebibytes(toolkitRuns.stream().mapToLong(ToolkitRun::peakHeap).max().orElse(0)),
                Measure.mebibytes(Runtime.getRuntime().maxMemory()));
        var verification = last.verification();
        System.out.println("Toolkit verification: " + (verification.passed() ? "passed"
                : verification.failed().size() + " checks failed: " + verification.failed().stream().map(CheckResult::title).toList()));

        System.out.printf("%nRows in V3 after round 1:%n%-30s", "");
        var tables = rowsWritten.values().iterator().next().keySet();
        tables.forEach(t -> System.out.printf("%10s", t));
        System.out.println();
        rowsWritten.forEach((name, counts) -> {
            System.out.printf("%-30s", name);
            counts.values().forEach(n -> System.out.printf("%,10d", n));
            System.out.println();
        });
        System.out.println("\nWhat the toolkit left out and noted (round 1; the site's dirt):");
        for (var step : toolkitRuns.get(0).report().steps().stream().filter(step -> step.read() >= mainStep()).toList()) {
            step.skipped().forEach((reason, n) -> System.out.printf("  %-12s %,8d left out: %s%n", step.name(), n, reason));
            step.notes().forEach((note, n) -> System.out.printf("  %-12s %,8d %s%n", step.name(), n, note));
        }
    }

    /** Steps reading fewer rows than this (settings, groups, policies...) are left out of the step figures. */
    private long mainStep() {
        return Math.min(1000, Site.withFiles(files).users() / 2);
    }

    private void printTimes(String name, List<Duration> times) {
        var line = new StringBuilder(String.format("%-30s", name));
        times.forEach(t -> line.append(String.format("%10.1f", seconds(t))));
        System.out.println(line.append(String.format("%10.1f", seconds(median(times)))));
    }

    /** Rows in the V3 tables the contenders write. */
    private static Map<String, Long> rowsIn(MariaDbServer server, String database) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var connection = server.connect(database); var statement = connection.createStatement()) {
            for (var table : List.of("users", "folders", "files", "shares")) {
                try (var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Duration median(List<Duration> times) {
        var sorted = times.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
