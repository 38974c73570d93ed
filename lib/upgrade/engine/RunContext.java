package upgrade.engine;

import upgrade.db.Database;
import upgrade.mapping.Side;
import upgrade.mapping.TargetDatabase;

import java.util.Map;

/**
 * What every step of a run shares: both databases, what the mappings declare about the target
 * as a whole, the run parameters expressions see as {@code param.*}, the page/batch size, the id
 * allocator for rows the run creates, the export files, the listener that hears about progress,
 * where the run commits, and where V2's tables are staged for lookups.
 */
public record RunContext(Database source, Database target, TargetDatabase targetDatabase, Map<String, Object> params, int batchSize,
                         IdAllocator ids, Exports exports, RunListener listener, WriteCount created, Checkpoints checkpoints,
                         Stages stages) {

    /** The same context, its steps staging V2's tables in {@code shared} (which the caller closes). */
    public RunContext withStages(Stages shared) {
        return new RunContext(source, target, targetDatabase, params, batchSize, ids, exports, listener, created, checkpoints, shared);
    }

    /** The database on {@code side}. */
    public Database database(Side side) {
        return side == Side.SOURCE ? source : target;
    }
}
