///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: upgrades a generated V2 site with many users, folders and files; prints each step's speed and the peak heap.
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
 * Prints figures, asserts nothing. {@code ./jbang bench/tree.java USERS FOLDERS_PER_USER}
 * (default 1000 users x 200 folders = 200,000 folders, and as many files as folders below the top level).
 * Every user has 10 top-level folders and the rest one level below them, so parents are found by
 * path; the files are spread over each user's root and folders. A clean site: bench/compare.java has the dirty one.
 */
class tree {
    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        upgrade.installFunctionPacks(); // the bundled mappings call the cloudreve functions
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perUser = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int topLevel = Math.min(10, perUser);
        int branching = Math.max(1, (perUser - topLevel + topLevel - 1) / topLevel);
        try (var server = MariaDbServer.embedded()) {
            new SiteGenerator(server, "bench_v2", new Site(users, perUser, topLevel, branching, users * (perUser - topLevel), 0, false)).generate();
            DemoSite.createV3(server, "bench_v3", "");
            Measure.upgradeAndPrint(server, "bench_v2", "bench_v3");
        }
    }
}
