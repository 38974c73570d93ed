package upgrade.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import upgrade.engine.RunListener;
import upgrade.report.StepReport;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows how far a run is: on a terminal a progress bar per step and per verify mapping (rows, rows
 * per second, time left); otherwise, for logs, a line per finished step and one every {@link #EVERY}
 * during long steps and checks.
 */
final class Progress implements RunListener {
    static final Duration EVERY = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final boolean terminal;
    private ProgressBar bar;
    private String step;
    private long total;
    private Instant started;
    private Instant lastLine;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar when standard output is a terminal, plain lines otherwise. */
    static Progress forConsole(PrintWriter out) {
        return new Progress(out, System.console() != null);
    }

    @Override
    public void stepStarted(String name, String source, String target, long rows) {
        started(name, rows);
    }

    /** Verification reads whole tables too: the same bar (or lines), closed without a line of its own (the verdict follows). */
    @Override
    public void checkStarted(String name, String table, long rows) {
        started(name, rows);
    }

    @Override
    public void checkFinished(String name, long rowsRead) {
        if (bar != null) {
            bar.stepTo(rowsRead);
            bar.close();
            bar = null;
        }
    }

    private void started(String name, long rows) {
        step = name;
        total = rows;
        started = Instant.now();
        lastLine = started;
        if (terminal && rows > 0) {
            bar = new ProgressBarBuilder().setTaskName(String.format("%-22s", name)).setInitialMax(rows)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).showSpeed().setUpdateIntervalMillis(250).build();
        }
    }

    @Override
    public void progress(String name, long rowsRead) {
        if (bar != null) {
            bar.stepTo(rowsRead);
            return;
        }
        var now = Instant.now();
        if (Duration.between(lastLine, now).compareTo(EVERY) >= 0 && rowsRead < total) {
            lastLine = now;
            var seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
            var speed = rowsRead / seconds;
            out.printf("  %-22s %d of %d rows (%d%%), %.0f rows/s, about %.0f s left%n", name, rowsRead, total,
                    total == 0 ? 100 : rowsRead * 100 / total, speed, speed == 0 ? 0 : (total - rowsRead) / speed);
            out.flush();
        }
    }

    @Override
    public void stepFinished(StepReport report) {
        if (bar != null) {
            bar.stepTo(report.read());
            bar.close();
            bar = null;
        }
        out.printf("  %-22s %d read, %d written, %d passed on, %d left out%n", report.name(), report.read(), report.written(),
                report.passedOverTotal(), report.skippedTotal());
        out.flush();
    }
}
