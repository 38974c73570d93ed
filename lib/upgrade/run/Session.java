package upgrade.run;

import upgrade.UpgradeOptions;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.DatabaseInterruptedException;
import upgrade.db.Table;
import upgrade.engine.Checkpoints;
import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.engine.RunContext;
import upgrade.engine.RunListener;
import upgrade.engine.Stages;
import upgrade.engine.WriteCount;
import upgrade.mapping.Phase;
import upgrade.plan.Plan;
import upgrade.plan.PlannedStep;
import upgrade.plan.StepInputs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every part of carrying out a plan shares: the open databases (V2 may be null: only V3 was
 * opened) and the options; and the contexts the steps are built with.
 */
public record Session(Database source, Database target, UpgradeOptions options) {

    /** Connects to both databases (V2 read-only), refusing one database with the same prefix for both. */
    public static Session open(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options) {
        var source = Database.open(v2, Database.Role.SOURCE, options.v2Prefix());
        try {
            var target = Database.open(v3, Database.Role.TARGET, options.v3Prefix());
            if (sameTables(v2, v3, options)) {
                target.close();
                throw new DatabaseException("--from and --to name the same database with the same prefix",
                        "V3 must have its own database (or at least its own table prefix); start V3 once on it, then run again");
            }
            return new Session(source, target, options);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Connects to V3 alone: for what needs nothing of V2 (verify, reset), whose database may be gone after the upgrade. */
    public static Session openV3(ConnectionSpec v3, UpgradeOptions options) {
        return new Session(null, Database.open(v3, Database.Role.TARGET, options.v3Prefix()), options);
    }

    private static boolean sameTables(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options) {
        return hostAndDatabase(v2.url()).equalsIgnoreCase(hostAndDatabase(v3.url())) && options.v2Prefix().equals(options.v3Prefix());
    }

    /** {@code host:port/database} of a JDBC URL, whichever scheme and parameters it has. */
    private static String hostAndDatabase(String url) {
        return url.replaceFirst("^jdbc:\\w+://", "").replaceFirst("\\?.*$", "");
    }

    /** The V2 database; a clear failure when only V3 was opened. */
    public Database v2() {
        if (source == null) {
            throw Plan.needsV2();
        }
        return source;
    }

    /**
     * {@code work}, which only reads the databases (plan, check, verify, drift, a preview), with a
     * lost connection or a lock conflict thrown as what it is ({@link DatabaseInterruptedException},
     * exit 4), never as a fault of a row or a mapping. Every command goes through here (via {@code
     * Upgrade}), as {@code run} does through its own rollbacks.
     */
    public <T> T reading(Supplier<T> work) {
        return guarded(work, false);
    }

    /** {@code work}, which writes V3 (run, reset, files, one mapping by hand), guarded as {@link #reading}. */
    public <T> T writing(Supplier<T> work) {
        return guarded(work, true);
    }

    private <T> T guarded(Supplier<T> work, boolean writes) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            var interrupted = Database.interruption(e, writes, target, source);
            if (interrupted.isPresent()) {
                target.rollbackQuietly(); // a lock conflict leaves the connection open, with what the work did uncommitted
                throw interrupted.get();
            }
            throw e;
        }
    }

    /** Closes both databases. */
    public void close() {
        try {
            target.close();
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    /** The context the steps of {@code plan} share; {@code checkpoints} null: commits nothing by itself (no ledger). */
    RunContext context(Plan plan, Exports exports, RunListener listener, Checkpoints checkpoints, boolean resuming) {
        var params = new HashMap<>(options.params());
        params.put("resuming", resuming);
        var kept = plan.steps().stream().map(PlannedStep::keptIds).flatMap(Optional::stream).toList();
        return new RunContext(source, target, plan.mappings().target(), Map.copyOf(params), options.batchSize(), new IdAllocator(source, target, kept),
                exports, listener, new WriteCount(), checkpoints == null ? new Checkpoints(null, target.handle()) : checkpoints, Stages.perStep());
    }

    /** The context of steps outside a run's ledger: nothing recorded, export files declared but never written. */
    RunContext context(Plan plan, RunListener listener, boolean resuming) {
        return context(plan, new Exports(options.exportDirectory(), null), listener, null, resuming);
    }

    /** What a step is built with in {@code context}. */
    StepInputs inputs(RunContext context, boolean dryRun) {
        return new StepInputs(context, options.v2Root(), options.v3DirectoryOrV2Root(), dryRun);
    }

    /** The V3 tables the steps of a phase write, with the text columns each may leave NULL. */
    Map<Table, Set<String>> writtenTables(Plan plan, Phase phase) {
        var tables = new LinkedHashMap<String, Table>();
        var byTable = new LinkedHashMap<Table, Set<String>>();
        for (var step : plan.steps(phase)) {
            if (step.writes()) {
                var table = tables.computeIfAbsent(step.mapping().target(), target::table);
                byTable.computeIfAbsent(table, t -> new HashSet<>()).addAll(step.nullable());
            }
        }
        return byTable;
    }
}
