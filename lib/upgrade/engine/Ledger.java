package upgrade.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import upgrade.db.ColumnType;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a run has committed, kept in the V3 database beside V3's own tables (V3 ignores them):
 * <ul>
 *   <li>{@code PREFIXupgrade_run}: the mappings' checksum, when the run started, its {@link Stage},
 *       when it finished and when it was last verified; created first, so a run killed at any moment
 *       leaves a record of how far it got;</li>
 *   <li>{@code PREFIXupgrade_first_TABLE}: each table the run writes, as V3 left it at first start,
 *       copied before the first write, so {@link #reset()} can put it back;</li>
 *   <li>{@code PREFIXupgrade_step}: per mapping, the last source key committed, its counts, and whether it is done;</li>
 *   <li>{@code PREFIXupgrade_export}: the lines of the export files, committed with their rows.</li>
 * </ul>
 * Each page of rows is committed with its ledger row, so a run that was killed resumes after the
 * last committed page.
 */
public final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Database target;
    private final String run;
    private final String step;
    private final String export;
    /** Export lines not written yet: file name, then the line as JSON, line after line. */
    private final List<String> exportLines = new ArrayList<>();

    public Ledger(Database target) {
        this.target = target;
        var prefix = target.prefix();
        this.run = prefix + "upgrade_run";
        this.step = prefix + "upgrade_step";
        this.export = prefix + "upgrade_export";
    }

    /** How far a run got; each stage is committed before the work it names starts. */
    public enum Stage {
        /** Copying V3's tables before the first write: no V3 row has been written yet. */
        PREPARING,
        /** Writing: pages are committed one by one with their progress. */
        RUNNING,
        /** Every row is committed; the export files, the files on disk and the verification may still be missing. */
        FINISHED,
        /** Putting V3 back as at its first start (a 'reset', or a run that failed on a row). */
        RESETTING
    }

    /**
     * The run recorded in V3.
     *
     * @param finished     when every row was committed; null before
     * @param verified     when the verification after the run last ended; null when it never did
     * @param failedChecks how many checks that verification failed
     */
    public record RunState(long checksum, Instant started, Stage stage, Instant finished, Instant verified, int failedChecks) {}

    /** A mapping's committed progress: the last source key, its counts so far, and whether it finished. */
    public record StepState(String lastKey, String counts, boolean done) {}

    /** The run recorded in V3, if any. */
    public Optional<RunState> state() {
        if (!target.tableNames().contains(run)) {
            return Optional.empty();
        }
        return target.handle().createQuery("SELECT checksum, started, stage, finished, verified, failed_checks FROM " + q(run))
                .map((rs, ctx) -> new RunState(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), Stage.valueOf(rs.getString(3)),
                        instant(rs, 4), instant(rs, 5), rs.getInt(6)))
                .findFirst();
    }

    /** A time kept as epoch milliseconds, or null (asked with wasNull: sqlite-jdbc refuses getObject(i, Long.class) on NULL). */
    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        var millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Before the first write: records the run (stage {@link Stage#PREPARING}), copies each table the
     * run will write into its first-start snapshot, creates the ledger, then moves to
     * {@link Stage#RUNNING}. This is DDL, which MySQL commits at once; it runs outside the data
     * transactions. Leftovers of a run killed while preparing are removed first: it wrote no V3 row.
     */
    public void begin(long checksum, Instant started, Collection<Table> written, Consumer<String> snapshotTaken) {
        var earlier = state();
        if (earlier.isPresent() && earlier.get().stage() != Stage.PREPARING) {
            throw new IllegalStateException("a run is recorded in " + run + " (" + earlier.get().stage() + "); it must be continued or reset, not begun again");
        }
        discard();
        var handle = target.handle();
        var dialect = target.dialect();
        handle.execute(dialect.createTable(run, List.of("checksum " + type(ColumnType.BIGINT) + " NOT NULL",
                "started " + type(ColumnType.BIGINT) + " NOT NULL", "stage " + type(ColumnType.KEY_TEXT) + " NOT NULL",
                "finished " + type(ColumnType.BIGINT) + " NULL", "verified " + type(ColumnType.BIGINT) + " NULL",
                "failed_checks " + type(ColumnType.INT) + " NOT NULL DEFAULT 0")));
        handle.createUpdate(target.sql().insert(run, List.of("checksum", "started", "stage"), 1))
                .bind(0, checksum).bind(1, started.toEpochMilli()).bind(2, Stage.PREPARING.name()).execute();
        for (var table : written) {
            dialect.copyTable(table.name(), snapshotOf(table.name())).forEach(handle::execute);
            snapshotTaken.accept(table.name());
        }
        handle.execute(dialect.createTable(step, List.of("name " + type(ColumnType.KEY_TEXT) + " PRIMARY KEY", "last_key " + type(ColumnType.KEY_TEXT),
                "counts " + type(ColumnType.LONG_TEXT), "done " + type(ColumnType.BOOLEAN) + " NOT NULL")));
        handle.execute(dialect.createTable(export, List.of("id " + type(ColumnType.AUTO_ID), "file " + type(ColumnType.KEY_TEXT) + " NOT NULL",
                "line " + type(ColumnType.LONG_TEXT) + " NOT NULL")));
        stage(Stage.RUNNING);
    }

    private void stage(Stage stage) {
        target.handle().createUpdate("UPDATE " + q(run) + " SET stage = :stage").bind("stage", stage.name()).execute();
    }

    public Optional<StepState> step(String name) {
        return target.handle().createQuery("SELECT last_key, counts, done FROM " + q(step) + " WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> new StepState(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    /** Records a mapping's progress; call it inside the transaction that wrote the rows. */
    public void save(String name, Object lastKey, Object counts, boolean done) {
        writeExportLines();
        target.update(target.dialect().insertOrReplace(step, List.of("name", "last_key", "counts", "done")),
                Arrays.asList(name, lastKey == null ? null : lastKey.toString(), json(counts), done));
    }

    /**
     * One line of an export file, committed with the row it describes: kept until the page's
     * progress is saved ({@link #save}), then written with the page's other lines in one INSERT
     * (one per share cost a round trip each).
     */
    public void exportLine(String file, List<Object> line) {
        exportLines.add(file);
        exportLines.add(json(line));
    }

    private void writeExportLines() {
        var columns = List.of("file", "line");
        var perStatement = target.sql().rowsPerStatement(columns.size(), exportLines.size() / 2) * 2;
        for (int from = 0; from < exportLines.size(); from += perStatement) {
            var part = exportLines.subList(from, Math.min(exportLines.size(), from + perStatement));
            target.update(target.sql().insert(export, columns, part.size() / 2), part);
        }
        exportLines.clear();
    }

    /** Every line of an export file, in the order they were written. */
    public void exportedLines(String file, Consumer<List<Object>> each) {
        writeExportLines();
        try (var lines = target.handle().createQuery("SELECT line FROM " + q(export) + " WHERE file = :f ORDER BY id").bind("f", file)
                .mapTo(String.class).stream()) {
            lines.forEach(line -> each.accept(read(line, new TypeReference<List<Object>>() {})));
        }
    }

    /** Every row is committed; call it inside the transaction of the last page. The first finish's time is kept. */
    public void finish() {
        writeExportLines();
        target.handle().createUpdate("UPDATE " + q(run) + " SET stage = :stage, finished = COALESCE(finished, :now)")
                .bind("stage", Stage.FINISHED.name()).bind("now", Instant.now().toEpochMilli()).execute();
    }

    /** The verification after the run ended, with this many failed checks. */
    public void verified(int failedChecks) {
        target.handle().createUpdate("UPDATE " + q(run) + " SET verified = :now, failed_checks = :failed")
                .bind("now", Instant.now().toEpochMilli()).bind("failed", failedChecks).execute();
    }

    /** Every mapping's committed progress, by name. */
    public Map<String, StepState> steps() {
        if (!target.tableNames().contains(step)) {
            return Map.of();
        }
        var steps = new LinkedHashMap<String, StepState>();
        target.handle().createQuery("SELECT name, last_key, counts, done FROM " + q(step))
                .map((rs, ctx) -> Map.entry(rs.getString(1), new StepState(rs.getString(2), rs.getString(3), rs.getBoolean(4))))
                .forEach(entry -> steps.put(entry.getKey(), entry.getValue()));
        return steps;
    }

    /**
     * Puts every table the run wrote back as V3 left it at first start, in one transaction, then
     * removes the snapshot and the ledger (the run record last). V3's tables are emptied and
     * refilled, never dropped. The run is marked {@link Stage#RESETTING} first, so a reset killed
     * half-way is finished by the next one: a snapshot still there is restored again (nothing wrote
     * V3 in between), one already dropped was restored. A run killed while preparing wrote no V3
     * row: its leftovers are only removed. Returns the tables restored.
     */
    public List<String> reset() {
        exportLines.clear(); // lines of rows that were rolled back
        var state = state();
        var snapshots = snapshots();
        if (state.isEmpty() || state.get().stage() == Stage.PREPARING) {
            if (snapshots.isEmpty() && !target.tableNames().contains(run)) {
                throw new DatabaseException("the V3 database holds no snapshot of its first start, so there is nothing to reset to",
                        "reset undoes what this toolkit wrote; a V3 database it never wrote needs no reset");
            }
            discard(); // the run record comes first and goes last: without it (or while preparing) no V3 row was written
            return List.of();
        }
        stage(Stage.RESETTING);
        var restored = new ArrayList<String>();
        var handle = target.handle();
        var sql = target.sql();
        var dialect = target.dialect();
        handle.useTransaction(h -> {
            for (var snapshot : snapshots) {
                var table = snapshot.substring((target.prefix() + "upgrade_first_").length());
                var name = target.prefix() + table;
                h.execute(sql.deleteAll(name));
                h.execute(sql.copyRows(snapshot, name));
                if (dialect.transactionalDdl()) {
                    dialect.restartIds(name).forEach(h::execute); // with the rows, where the database can
                }
                restored.add(name);
            }
        });
        if (!dialect.transactionalDdl()) {
            // rows V3 inserts later get the ids they would have had after its first start (MySQL's ALTER TABLE commits by itself)
            restored.forEach(name -> dialect.restartIds(name).forEach(handle::execute));
        }
        discard();
        return restored;
    }

    /** Drops the snapshots and the ledger, the run record last. */
    private void discard() {
        var handle = target.handle();
        for (var snapshot : snapshots()) {
            handle.execute(target.sql().dropTable(snapshot));
        }
        for (var table : List.of(step, export, run)) {
            handle.execute(target.sql().dropTable(table));
        }
    }

    private List<String> snapshots() {
        return target.tableNames().stream().filter(name -> name.startsWith(target.prefix() + "upgrade_first_")).toList();
    }

    private String snapshotOf(String table) {
        return target.prefix() + "upgrade_first_" + table.substring(target.prefix().length());
    }

    private String q(String name) {
        return target.dialect().quote(name);
    }

    private String type(ColumnType type) {
        return target.dialect().columnType(type);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record " + value + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger holds unreadable progress: " + e.getMessage(), e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger holds unreadable progress: " + e.getMessage(), e);
        }
    }
}
