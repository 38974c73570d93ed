///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: upgrades a generated V2 site with many users, folders and files; prints each step's speed and the peak heap.
//JAVA 17+
//SOURCES ../upgrade.java
//SOURCES Measure.java
//FILES mappings/=../mappings/*.yaml
//FILES demo/=../demo/*.sql
//RUNTIME_OPTIONS -Xmx256m

import bench.Measure;
import upgrade.cli.UpgradeCommand;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;


/**
 * Prints figures, asserts nothing. {@code ./jbang bench/tree.java USERS FOLDERS_PER_USER}
 * (default 1000 users x 200 folders = 200,000 folders, one file in each folder below the top level).
 * Every user has 10 top-level folders and the rest one level below them, so parents are found by path.
 */
class tree {
    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perUser = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (var server = MariaDbServer.embedded()) {
            DemoSite.createV2(server, "bench_v2", false);
            DemoSite.createV3(server, "bench_v3", "");
            // seq_A_to_B is MariaDB's SEQUENCE engine: rows without a client loop.
            server.execute("bench_v2", "INSERT INTO sd_users SELECT seq, CONCAT('user', seq, '@example.com'), CONCAT('user', seq),"
                    + " MD5(CONCAT('sdshare', seq)), '2019-03-17 10:00:00', 0, 3, 0, 'n', 0, '0', 0, 'default', 1, '', '{}'"
                    + " FROM seq_2_to_" + (users + 1));
            server.execute("bench_v2", "INSERT INTO sd_folders SELECT seq + 1, '根目录', 0, '.', CAST(seq AS CHAR), '2019-03-17 10:00:00', '/'"
                    + " FROM seq_2_to_" + (users + 1));
            int base = users + 10;
            server.execute("bench_v2", "INSERT INTO sd_folders SELECT " + base + " + seq, CONCAT('a', seq DIV " + users + "), 1, '/',"
                    + " CAST(2 + seq MOD " + users + " AS CHAR), '2019-03-17 10:00:00', CONCAT('/a', seq DIV " + users + ")"
                    + " FROM seq_0_to_" + (users * 10 - 1));
            int second = base + users * 10;
            int deeper = users * (perUser - 10);
            server.execute("bench_v2", "INSERT INTO sd_folders SELECT " + second + " + seq, CONCAT('b', seq DIV " + users + "), 1,"
                    + " CONCAT('/a', (seq DIV " + users + ") MOD 10), CAST(2 + seq MOD " + users + " AS CHAR), '2019-03-17 10:00:00',"
                    + " CONCAT('/a', (seq DIV " + users + ") MOD 10, '/b', seq DIV " + users + ") FROM seq_0_to_" + (deeper - 1));
            server.execute("bench_v2", "INSERT INTO sd_files SELECT seq + 1, CONCAT('file', seq, '.txt'), CONCAT('x/', seq, '.txt'), 2 + seq MOD " + users
                    + ", 1024, '2019-03-17 10:00:00', ' ', " + second + " + seq, 1,"
                    + " CONCAT('/a', (seq DIV " + users + ") MOD 10, '/b', seq DIV " + users + ") FROM seq_0_to_" + (deeper - 1));

            Measure.upgradeAndPrint(server, "bench_v2", "bench_v3");
        }
    }
}
