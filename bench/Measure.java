package bench;

import upgrade.cloudreve.CloudreveSite;
import upgrade.Upgrade;
import upgrade.check.CheckReport;
import upgrade.demo.MariaDbServer;
import upgrade.engine.RunListener;
import upgrade.report.RunReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmark scripts share: run the toolkit on two databases, time it, and print each step's speed and the peak heap. */
public final class Measure {
    private Measure() {}

    /** Steps that read fewer rows than this are left out of the figures. */
    private static final long SMALL = 1000;

    /**
     * One timed toolkit run.
     *
     * @param report       what the upgrade did, step by step
     * @param verification V3's own rules checked afterwards; null when not asked for
     * @param total        open, upgrade, verification and close, as an operator waits for them
     * @param steps        the upgrade alone (planning and {@code run(plan, ...)})
     * @param verify       the verification alone ({@code verify(plan)}); zero when not asked for
     * @param peakHeap     the most heap in use meanwhile, in bytes (sampled every 20 ms)
     * @param cpu          processor time of the toolkit's JVM meanwhile: its own thread and all of it (GC, JIT, the read-ahead thread)
     */
    public record ToolkitRun(RunReport report, CheckReport verification, Duration total, Duration steps, Duration verify, long peakHeap,
                             Cpu cpu) {}

    /**
     * Processor time against the time it took: what the thread running the upgrade did not spend
     * working it spent waiting, mostly for the database.
     */
    public record Cpu(Duration thread, Duration process) {
        static Cpu since(Cpu start) {
            var now = now();
            return new Cpu(now.thread.minus(start.thread), now.process.minus(start.process));
        }

        static Cpu now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()), Duration.ofNanos(os.getProcessCpuTime()));
        }
    }

    /** Upgrades V2 into V3 with the bundled mappings (and verifies, when asked), as {@code upgrade run} does. */
    public static ToolkitRun upgrade(MariaDbServer server, String v2, String v3, boolean verify) {
        return upgrade(server.url(v2), server.url(v3), verify);
    }

    /** The same for databases given by their URLs (V3's may be {@code sqlite:PATH}). */
    public static ToolkitRun upgrade(String v2Url, String v3Url, boolean verify) {
        return upgrade(v2Url, v3Url, verify, CloudreveSite.defaults().batchSize());
    }

    /** The same with pages of {@code batchSize} rows ({@code upgrade run --batch-size}). */
    public static ToolkitRun upgrade(String v2Url, String v3Url, boolean verify, int batchSize) {
        var exports = temporaryDirectory();
        try (var heap = new HeapPeak()) {
            var started = Instant.now();
            var cpuAtStart = Cpu.now();
            RunReport report;
            CheckReport verification = null;
            Duration steps;
            var verifyTime = Duration.ZERO;
            try (var upgrade = Upgrade.open(v2Url, v3Url, CloudreveSite.defaults().withExportDirectory(exports).withBatchSize(batchSize))) {
                var runStarted = Instant.now();
                var plan = upgrade.plan(); // loaded and checked once, for the run and its verification (timed with the run, as run() did)
                report = upgrade.run(plan, RunListener.NONE, false);
                steps = Duration.between(runStarted, Instant.now());
                if (verify) {
                    var verifyStarted = Instant.now();
                    verification = upgrade.verify(plan);
                    verifyTime = Duration.between(verifyStarted, Instant.now());
                }
            }
            var cpu = Cpu.since(cpuAtStart);
            return new ToolkitRun(report, verification, Duration.between(started, Instant.now()), steps, verifyTime, heap.peak(), cpu);
        }
    }

    /** Upgrades and prints each step's speed and the peak heap (no verification). */
    public static void upgradeAndPrint(MariaDbServer server, String v2, String v3) {
        var run = upgrade(server, v2, v3, false);
        printSteps(run.report(), SMALL);
        System.out.printf("whole run: %.1f s; peak heap in use %.0f MiB of max %.0f MiB%n", run.report().elapsed().toMillis() / 1000.0,
                mebibytes(run.peakHeap()), mebibytes(Runtime.getRuntime().maxMemory()));
    }

    /** One line per step that read at least {@code atLeast} rows: rows read and written, seconds, rows read per second. */
    public static void printSteps(RunReport report, long atLeast) {
        for (var step : report.steps()) {
            if (step.read() >= atLeast) {
                double seconds = Math.max(0.001, step.elapsed().toMillis() / 1000.0);
                System.out.printf("%-14s %9d read %9d written in %6.1f s = %8.0f rows/s%n", step.name(), step.read(), step.written(),
                        seconds, step.read() / seconds);
            }
        }
    }

    public static double mebibytes(long bytes) {
        return bytes / 1048576.0;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("bench-exports-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the heap in use every 20 ms from creation to close, and keeps the highest value. */
    private static final class HeapPeak implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        HeapPeak() {
            var memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(() -> {
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
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }
}
