package bench;

import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.demo.MariaDbServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmark scripts share: upgrade two databases and print each step's speed and the peak heap. */
public final class Measure {
    private Measure() {}

    /** Steps that read fewer rows than this are left out of the figures. */
    private static final long SMALL = 1000;

    public static void upgradeAndPrint(MariaDbServer server, String v2, String v3) throws IOException {
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
        var exports = Files.createTempDirectory("bench-exports-");
        try (var upgrade = Upgrade.open(server.url(v2), server.url(v3), UpgradeOptions.defaults().withExportDirectory(exports))) {
            var report = upgrade.run();
            sampler.interrupt();
            for (var step : report.steps()) {
                if (step.read() >= SMALL) {
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
