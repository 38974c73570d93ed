package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.LookupSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run keeps the stages of V2's tables ({@link StagedLookup}). Several steps may look up one
 * V2 table by the same columns (in the bundled mappings, four steps find V2's folders by owner and
 * path); each used to copy it into a stage of its own, on whichever connection its lookups read.
 * A stage holds V2's rows only, and V2 does not change, so one stage per lookup, on a V3
 * connection of its own, serves every step of the run alike, with the answers it has cached: V2
 * is copied once (at a million files, 100,000 folders once instead of four times). The connection
 * closes with the run, and its temporary tables with it.
 *
 * <p>{@link #perStep()} keeps each stage with its step, as before: for contexts that do not close
 * what they open (checks, evaluation by hand), and wherever no second V3 connection is opened
 * (SQLite, which has no second reader here; a user limited by {@code max_user_connections}).
 */
public final class Stages implements AutoCloseable {
    /** The V3 database whose second connection holds the stages; null: each step stages its own. */
    private final Database target;
    private final Map<StageKey, StagedLookup> shared = new HashMap<>();
    /** Opened at the first stage; empty once refused. */
    private Optional<Database> connection;

    private Stages(Database target) {
        this.target = target;
    }

    /** Each step stages V2's tables itself, and drops its stages when it ends. */
    public static Stages perStep() {
        return new Stages(null);
    }

    /** The steps of a run share their stages, on a second connection to {@code target}, until {@link #close()}. */
    public static Stages shared(Database target) {
        return new Stages(target);
    }

    /** The key a stage answers by: the same V2 table, key, value and match constants are the same stage. */
    private record StageKey(String table, List<String> key, String value, Map<String, Object> match) {}

    /**
     * The run's stage of {@code spec}, created at its first use; empty when stages are per step,
     * or no second V3 connection is to be had (then the step stages its own, as before).
     */
    Optional<StagedLookup> lookup(Database source, Table table, LookupSpec spec, String sourceKey, int pageSize) {
        if (target == null) {
            return Optional.empty();
        }
        if (connection == null) {
            // Any second V3 connection will do, since a stage holds V2's rows only; SQLite gives none.
            connection = target.openReaderOfUncommitted();
        }
        return connection.map(stages -> shared.computeIfAbsent(new StageKey(table.name(), spec.key(), spec.value(), spec.match()),
                key -> new StagedLookup(source, stages, table, spec, sourceKey, pageSize)));
    }

    /** Closes the stages' connection, and so drops them. */
    @Override
    public void close() {
        shared.clear();
        if (connection != null) {
            connection.ifPresent(Database::close);
        }
    }
}
