package upgrade.engine;

import upgrade.db.Database;
import upgrade.expr.LookupTable;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Side;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The lookups of one step, answered as cheaply as their tables allow: V2 tables by anything but
 * their primary key are staged into an indexed temporary table; all others are indexed queries.
 * Keys can be fetched many at once ({@link #prefetchers()}); caches never grow past a bound.
 */
final class LookupSet {
    private final Map<String, LookupTable> tables = new LinkedHashMap<>();
    private final Map<LookupTable, Consumer<Collection<List<Object>>>> prefetchers = new LinkedHashMap<>();
    private final List<Runnable> pageWritten = new ArrayList<>();
    private final List<StagedLookup> staged = new ArrayList<>();
    private final boolean apart;

    /**
     * @param writtenTable the table the step writes (its misses are remembered only until a page
     *                     is written); null when the step writes no table
     */
    LookupSet(Map<String, LookupSpec> specs, RunContext run, String writtenTable) {
        this(specs, run, writtenTable, run.target());
    }

    /**
     * @param targetReads the connection V3's lookups and the stages of V2's are read on: the
     *                    target's own, or one that sees what it has not committed yet
     *                    ({@link upgrade.db.Database#openReaderOfUncommitted()})
     */
    LookupSet(Map<String, LookupSpec> specs, RunContext run, String writtenTable, Database targetReads) {
        this.apart = targetReads != run.target();
        specs.forEach((name, spec) -> tables.put(name, lookup(spec, run, writtenTable, targetReads)));
    }

    /** Whether V3's lookups read on a connection of their own, not the one the step writes on. */
    boolean apart() {
        return apart;
    }

    private LookupTable lookup(LookupSpec spec, RunContext run, String writtenTable, Database targetReads) {
        var database = spec.side() == Side.SOURCE ? run.source() : targetReads;
        var table = database.table(spec.table());
        // V2 has no index but its primary keys: any other lookup there is staged into an indexed table.
        // (Sums and counts scan V2 once per key; they serve checks, which look at few rows.)
        if (spec.side() == Side.SOURCE && !spec.aggregate() && !spec.key().equals(table.primaryKey())) {
            var sourceKey = table.primaryKey().get(0);
            var lookup = run.stages().lookup(database, table, spec, sourceKey, run.batchSize()).orElseGet(() -> {
                var own = new StagedLookup(database, targetReads, table, spec, sourceKey, run.batchSize());
                staged.add(own); // dropped with the step; the run's stages are dropped with the run
                return own;
            });
            var lookupTable = new LookupTable(lookup::find, lookup::known);
            prefetchers.put(lookupTable, lookup::prefetch);
            return lookupTable;
        }
        // A miss in a table this step does not write stays a miss (until an ensure rule creates rows).
        var cacheMisses = spec.side() == Side.SOURCE || !Objects.equals(spec.table(), writtenTable);
        var lookup = new SqlLookup(database, table, spec, cacheMisses, run.created());
        pageWritten.add(lookup::pageWritten);
        var lookupTable = new LookupTable(lookup::find, lookup::known);
        if (!(spec.side() == Side.SOURCE && spec.aggregate())) { // a V2 sum or count would scan V2 for every key at once
            prefetchers.put(lookupTable, lookup::prefetch);
        }
        return lookupTable;
    }

    /** By name, as expressions see them ({@code lookup.NAME}). */
    Map<String, LookupTable> tables() {
        return tables;
    }

    /** Each lookup that can fetch many keys at once, with what does it. */
    Map<LookupTable, Consumer<Collection<List<Object>>>> prefetchers() {
        return prefetchers;
    }

    /** A page of the step was written: misses in the written table may be hits now. */
    void pageWritten() {
        pageWritten.forEach(Runnable::run);
    }

    /** Drops the temporary tables of staged lookups. */
    void close() {
        staged.forEach(StagedLookup::close);
    }
}
