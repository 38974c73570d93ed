///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: one generated dirty V2 site upgraded into V3 on MySQL/MariaDB and into V3's SQLite file; prints both.
//JAVA 17+
//SOURCES ../demo.java
//SOURCES Measure.java
//SOURCES Site.java
//SOURCES SiteGenerator.java
//FILES mappings/=../mappings/*.yaml
//FILES demo/=../demo/*.sql
//RUNTIME_OPTIONS -Xmx256m

import bench.Measure;
import bench.Site;
import bench.SiteGenerator;
import upgrade.cli.UpgradeCommand;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;

import java.nio.file.Files;

/**
 * Prints figures, asserts nothing. {@code ./jbang bench/sqlite.java FILES [SERVER_URL]} (default 20,000
 * files, issue 12's proportions, with dirt): the V2 site is generated on the server (or an embedded
 * MariaDB), then upgraded once into a fresh V3 3.0.0 database on that server and once into a fresh V3
 * 3.0.0 SQLite file, each verified, so the two targets can be compared.
 */
class sqlite {
    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        upgrade.installFunctionPacks(); // the bundled mappings call the cloudreve functions
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (var server = args.length > 1 ? MariaDbServer.existing(args[1]) : MariaDbServer.embedded()) {
            var v2 = "bench_sqlite_v2";
            new SiteGenerator(server, v2, Site.withFiles(files)).generate();
            try {
                DemoSite.createV3(server, "bench_sqlite_v3", "");
                print("V3 on MySQL/MariaDB", Measure.upgrade(server.url(v2), server.url("bench_sqlite_v3"), true));
                var file = Files.createTempDirectory("bench-sqlite-").resolve("cloudreve.db");
                DemoSite.createV3Sqlite(file, DemoSite.V3_DEFAULT_VERSION);
                print("V3 in a SQLite file", Measure.upgrade(server.url(v2), "sqlite:" + file, true));
                Files.delete(file);
            } finally {
                server.dropDatabase(v2);
                server.dropDatabase("bench_sqlite_v3");
            }
        }
    }

    private static void print(String target, Measure.ToolkitRun run) {
        System.out.printf("%n%s: upgrade %.1f s, verification %.1f s (%s), peak heap %.0f MiB%n", target, run.steps().toMillis() / 1000.0,
                run.verify().toMillis() / 1000.0, run.verification().passed() ? "passed" : "FAILED", Measure.mebibytes(run.peakHeap()));
        Measure.printSteps(run.report(), 1000);
    }
}
