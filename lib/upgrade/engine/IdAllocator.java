package upgrade.engine;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.Side;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids for rows the run creates itself (a missing root folder, a recovery folder). They start above
 * every id already in the target table and every id a source row keeps there (the key of each
 * mapping that copies its key into the table's id), so a created row can never take an id a V2
 * row is about to be written with, whatever order the rows arrive in.
 */
public final class IdAllocator {
    private final Database source;
    private final Database target;
    private final List<KeptIds> kept;
    private final Map<String, Long> next = new HashMap<>();

    /**
     * Source keys a mapping copies into a target table: rows of {@code sourceTable} on {@code side}
     * keep their {@code key} as the value of whichever of {@code columns} is {@code table}'s id.
     */
    public record KeptIds(String table, Set<String> columns, Side side, String sourceTable, String key) {}

    /** @param kept what each mapping copies into a table's ids (see {@link KeptIds}) */
    public IdAllocator(Database source, Database target, List<KeptIds> kept) {
        this.source = source;
        this.target = target;
        this.kept = kept;
    }

    /** The next free id of {@code table}'s auto-increment column. */
    public long next(Table table) {
        var id = next.computeIfAbsent(table.name(), name -> highestKnown(table) + 1);
        next.put(table.name(), id + 1);
        return id;
    }

    private long highestKnown(Table table) {
        var idColumn = table.autoIncrement().orElseThrow(() -> new IllegalStateException(table.name() + " has no auto-increment column"));
        var highest = max(target, table, idColumn.name());
        for (var ids : kept) {
            if (table.logicalName().equals(ids.table()) && ids.columns().contains(idColumn.name())) {
                var database = ids.side() == Side.SOURCE ? source : target;
                highest = Math.max(highest, max(database, database.table(ids.sourceTable()), ids.key()));
            }
        }
        return highest;
    }

    private static long max(Database database, Table table, String column) {
        var max = database.handle().createQuery(database.sql().max(table.name(), table.column(column).orElseThrow().name()))
                .mapTo(Long.class).findOne();
        return max.orElse(0L);
    }
}
