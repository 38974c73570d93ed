package upgrade.engine;

import upgrade.report.StepReport;

/** Hears how a run progresses; every method does nothing unless overridden. */
public interface RunListener {
    default void stepStarted(String name, String source, String target) {}

    /** After each page: rows read so far in this step. */
    default void progress(String name, long rowsRead) {}

    default void stepFinished(StepReport report) {}

    RunListener NONE = new RunListener() {};
}
