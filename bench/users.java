///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: upgrades N generated V2 users on an embedded MariaDB and prints speed and peak heap.
//JAVA 17+
//SOURCES ../upgrade.java
//FILES mappings/=../mappings/*.yaml
//FILES demo/=../demo/*.sql
//RUNTIME_OPTIONS -Xmx256m

import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.cli.UpgradeCommand;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints figures, asserts nothing: rows per second of the users step and the peak heap in use
 * while it runs, for N users (default 200000; {@code ./jbang bench/users.java 1000000}). The heap is
 * capped at 256 MiB: keyset pages and batched inserts keep memory flat whatever N is.
 */
class users {
    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging, as the CLI has it
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (var server = MariaDbServer.embedded()) {
            DemoSite.createV2(server, "bench_v2", false);
            DemoSite.createV3(server, "bench_v3", "");
            // seq_2_to_N is MariaDB's SEQUENCE engine: N rows without a client loop.
            server.execute("bench_v2", "INSERT INTO sd_users SELECT seq, CONCAT('user', seq, '@example.com'), CONCAT('user', seq),"
                    + " MD5(CONCAT('sdshare', seq)), '2019-03-17 10:00:00', seq % 3 = 0, 3, 0, 'n', 0, '0', 0, 'default', 1, '', '{}'"
                    + " FROM seq_2_to_" + n);
            var peak = new AtomicLong();
            var memory = ManagementFactory.getMemoryMXBean();
            var sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            try (var upgrade = Upgrade.open(server.url("bench_v2"), server.url("bench_v3"), UpgradeOptions.defaults())) {
                var report = upgrade.run();
                sampler.interrupt();
                for (var step : report.steps()) {
                    if (step.read() > 1000) {
                        double seconds = Math.max(0.001, step.elapsed().toMillis() / 1000.0);
                        System.out.printf("%-14s %9d read %9d written in %6.1f s = %8.0f rows/s%n", step.name(), step.read(), step.written(),
                                seconds, step.read() / seconds);
                    }
                }
                System.out.printf("whole run: %.1f s; peak heap in use %.0f MiB of max %.0f MiB%n", report.elapsed().toMillis() / 1000.0,
                        peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            }
        }
    }
}
