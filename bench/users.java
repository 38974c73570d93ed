///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: upgrades N generated V2 users on an embedded MariaDB and prints speed and peak heap.
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


/**
 * Prints figures, asserts nothing: rows per second of the users step and the peak heap in use
 * while it runs, for N users (default 200000; {@code ./jbang bench/users.java 1000000}). The heap is
 * capped at 256 MiB: keyset pages and batched inserts keep memory flat whatever N is. The users
 * have no root folders, so the toolkit creates one for each.
 */
class users {
    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        upgrade.installFunctionPacks(); // the bundled mappings call the cloudreve functions
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (var server = MariaDbServer.embedded()) {
            DemoSite.createV2(server, "bench_v2", false);
            DemoSite.createV3(server, "bench_v3", "");
            // users 2..N besides V2's admin, nothing else
            new SiteGenerator(server, "bench_v2", new Site(n - 1, 0, 1, 1, 0, 0, false)).users();
            Measure.upgradeAndPrint(server, "bench_v2", "bench_v3");
        }
    }
}
