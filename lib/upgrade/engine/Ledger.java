package upgrade.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a run has committed, kept in the V3 database beside V3's own tables (V3 ignores them):
 * <ul>
 *   <li>{@code PREFIXupgrade_first_TABLE}: each table the run writes, as V3 left it at first start,
 *       copied before the first write, so {@link #reset()} can put it back;</li>
 *   <li>{@code PREFIXupgrade_run}: the mappings' checksum and when the run started;</li>
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

    public Ledger(Database target) {
        this.target = target;
        var prefix = target.prefix();
        this.run = prefix + "upgrade_run";
        this.step = prefix + "upgrade_step";
        this.export = prefix + "upgrade_export";
    }

    /** An interrupted (or finished) run: its checksum and start. */
    public record RunState(long checksum, Instant started, boolean finished) {}

    /** A mapping's committed progress: the last source key, its counts so far, and whether it finished. */
    public record StepState(String lastKey, String counts, boolean done) {}

    public Optional<RunState> state() {
        if (!target.tableNames().contains(run)) {
            return Optional.empty();
        }
        return target.handle().createQuery("SELECT checksum, started, finished FROM " + q(run))
                .map((rs, ctx) -> new RunState(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getBoolean(3))).findFirst();
    }

    /**
     * Before the first write: copies each table the run will write into its first-start snapshot and
     * creates the ledger. This is DDL, which MySQL commits at once; it runs outside the data transactions.
     */
    public void begin(long checksum, Instant started, Collection<Table> written) {
        var handle = target.handle();
        for (var table : written) {
            var snapshot = snapshotOf(table.name());
            handle.execute("CREATE TABLE " + q(snapshot) + " LIKE " + q(table.name()));
            handle.execute("INSERT INTO " + q(snapshot) + " SELECT * FROM " + q(table.name()));
        }
        handle.execute("CREATE TABLE " + q(step) + " (name VARCHAR(191) PRIMARY KEY, last_key VARCHAR(191), counts LONGTEXT, done BOOLEAN NOT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        handle.execute("CREATE TABLE " + q(export) + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, file VARCHAR(191) NOT NULL, line LONGTEXT NOT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        handle.execute("CREATE TABLE " + q(run) + " (checksum BIGINT NOT NULL, started BIGINT NOT NULL, finished BOOLEAN NOT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        handle.createUpdate("INSERT INTO " + q(run) + " VALUES (:c, :s, FALSE)").bind("c", checksum).bind("s", started.toEpochMilli()).execute();
    }

    public Optional<StepState> step(String name) {
        return target.handle().createQuery("SELECT last_key, counts, done FROM " + q(step) + " WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> new StepState(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    /** Records a mapping's progress; call it inside the transaction that wrote the rows. */
    public void save(String name, Object lastKey, Object counts, boolean done) {
        target.handle().createUpdate("REPLACE INTO " + q(step) + " (name, last_key, counts, done) VALUES (:n, :k, :c, :d)")
                .bind("n", name).bind("k", lastKey == null ? null : lastKey.toString()).bind("c", json(counts)).bind("d", done).execute();
    }

    /** One line of an export file, committed with the row it describes. */
    public void exportLine(String file, List<Object> line) {
        target.handle().createUpdate("INSERT INTO " + q(export) + " (file, line) VALUES (:f, :l)").bind("f", file).bind("l", json(line)).execute();
    }

    /** Every line of an export file, in the order they were written. */
    public void exportedLines(String file, Consumer<List<Object>> each) {
        try (var lines = target.handle().createQuery("SELECT line FROM " + q(export) + " WHERE file = :f ORDER BY id").bind("f", file)
                .mapTo(String.class).stream()) {
            lines.forEach(line -> each.accept(read(line, new TypeReference<List<Object>>() {})));
        }
    }

    public void finish() {
        target.handle().execute("UPDATE " + q(run) + " SET finished = TRUE");
    }

    /** True when a first-start snapshot exists, so {@link #reset()} can restore V3. */
    public boolean canReset() {
        return target.tableNames().stream().anyMatch(name -> name.startsWith(target.prefix() + "upgrade_first_"));
    }

    /**
     * Puts every table the run wrote back as V3 left it at first start, in one transaction, then
     * removes the snapshot and the ledger. V3's tables are emptied and refilled, never dropped.
     */
    public List<String> reset() {
        var snapshots = target.tableNames().stream().filter(name -> name.startsWith(target.prefix() + "upgrade_first_")).toList();
        if (snapshots.isEmpty()) {
            throw new DatabaseException("the V3 database holds no snapshot of its first start, so there is nothing to reset to",
                    "reset undoes what this toolkit wrote; a V3 database it never wrote needs no reset");
        }
        var restored = new ArrayList<String>();
        var handle = target.handle();
        handle.useTransaction(h -> {
            for (var snapshot : snapshots) {
                var table = snapshot.substring((target.prefix() + "upgrade_first_").length());
                var name = target.prefix() + table;
                h.execute("DELETE FROM " + q(name));
                h.execute("INSERT INTO " + q(name) + " SELECT * FROM " + q(snapshot));
                restored.add(name);
            }
        });
        for (var snapshot : snapshots) {
            handle.execute("DROP TABLE " + q(snapshot));
        }
        for (var table : List.of(step, export, run)) {
            handle.execute("DROP TABLE IF EXISTS " + q(table));
        }
        return restored;
    }

    private String snapshotOf(String table) {
        return target.prefix() + "upgrade_first_" + table.substring(target.prefix().length());
    }

    private String q(String name) {
        return target.dialect().quote(name);
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
