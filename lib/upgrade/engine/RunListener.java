package upgrade.engine;

import upgrade.report.StepReport;

import java.nio.file.Path;
import java.util.List;

/** Hears how a run progresses; every method does nothing unless overridden. */
public interface RunListener {
    /** A step starts; {@code rows} is how many source rows it will read. */
    default void stepStarted(String name, String source, String target, long rows) {}

    /** After each page: rows read so far in this step (or these checks). */
    default void progress(String name, long rowsRead) {}

    default void stepFinished(StepReport report) {}

    /** A mapping's checks start reading {@code table} ({@code rows} rows); {@link #progress} follows after each page. */
    default void checkStarted(String name, String table, long rows) {}

    /** A mapping's checks read all {@code rowsRead} rows of their table. */
    default void checkFinished(String name, long rowsRead) {}

    /** Before the first write: V3's table {@code table} is copied as V3 left it at first start. */
    default void snapshotTaken(String table) {}

    /** Every row of the upgrade is committed; the export files and the files on disk follow. */
    default void committed() {}

    /** The export files are written (from the ledger). */
    default void exportsWritten(List<Path> files) {}

    RunListener NONE = new RunListener() {};
}
