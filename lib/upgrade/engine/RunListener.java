package upgrade.engine;

import upgrade.report.StepReport;

/** Hears how a run progresses; every method does nothing unless overridden. */
public interface RunListener {
    /** A step starts; {@code rows} is how many source rows it will read. */
    default void stepStarted(String name, String source, String target, long rows) {}

    /** After each page: rows read so far in this step. */
    default void progress(String name, long rowsRead) {}

    default void stepFinished(StepReport report) {}

    RunListener NONE = new RunListener() {};
}
