package upgrade.run;

import upgrade.UpgradeException;
import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ChecksFailedException;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.engine.CancelledException;
import upgrade.engine.Checkpoints;
import upgrade.engine.DataException;
import upgrade.engine.Exports;
import upgrade.engine.Ledger;
import upgrade.engine.RunContext;
import upgrade.engine.RunListener;
import upgrade.engine.Stages;
import upgrade.mapping.MappingException;
import upgrade.mapping.Phase;
import upgrade.mapping.Where;
import upgrade.plan.Plan;
import upgrade.plan.Planner;
import upgrade.report.RunReport;
import upgrade.report.StepReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a {@link Plan}: its pending upgrade steps page by page, each page committed with its
 * progress in V3's ledger, then the export files and the files on disk. What it does depends on
 * the run the plan found recorded:
 * <ul>
 *   <li>none (or one stopped while preparing, before any V3 row was written): the V3 tables the run
 *       writes are copied as V3 left them at first start, then the steps run from the start;</li>
 *   <li>an interrupted run: it continues after the last committed page (unless the mapping files
 *       changed since);</li>
 *   <li>a finished run: its rows stay; the export files are written again from the ledger and the
 *       files step is redone (both can be repeated), so verifying can follow;</li>
 *   <li>an interrupted reset: it is finished first, then the run starts from the beginning.</li>
 * </ul>
 * A failing row puts V3 back as at its first start; a failure after every row is committed keeps
 * them. A dry run does all the work in one transaction, reports it, and rolls back.
 */
public final class Runner {
    private final Session session;
    private final Planner planner;
    private volatile Checkpoints stopper;
    /** A stop asked for before the run reached its first page (checks, copying V3's tables) waits for it there. */
    private volatile boolean stopRequested;

    public Runner(Session session, Planner planner) {
        this.session = session;
        this.planner = planner;
    }

    /** Runs {@code plan} after its checks ({@link Preflight}); they must pass. */
    public RunReport run(Plan plan, RunListener listener, boolean dryRun) {
        return run(plan, Optional.empty(), listener, dryRun);
    }

    /** Runs {@code plan} whose checks the caller made (and showed) already: they are not made again. */
    public RunReport run(Plan plan, CheckReport checks, RunListener listener, boolean dryRun) {
        return run(plan, Optional.of(checks), listener, dryRun);
    }

    private RunReport run(Plan plan, Optional<CheckReport> checked, RunListener listener, boolean dryRun) {
        plan.requireFull();
        stopRequested = false; // from here on, a stop is for this run, even before its first page
        var began = Instant.now();
        var target = session.target();
        var ledger = new Ledger(target);
        if (!ledger.state().equals(plan.recorded())) {
            throw new DatabaseException("V3's record of this upgrade changed since the plan was made (another run or reset of this toolkit"
                    + " on the same V3?)", "let the other command finish, then run this one again: it plans from what V3 records then");
        }
        var recorded = dryRun ? Optional.<Ledger.RunState>empty() : plan.recorded();
        var resetting = recorded.filter(state -> state.stage() == Ledger.Stage.RESETTING).isPresent();
        var earlier = dryRun ? Optional.<Ledger.RunState>empty() : plan.continued();
        var resuming = earlier.isPresent();
        if (dryRun) {
            refuseToPlanOverARecordedRun(plan);
        }
        if (resuming && earlier.get().checksum() != plan.checksum() && !session.options().resumeChangedMappings()) {
            throw changedMappings(earlier.get(), plan);
        }
        var checkpoints = new Checkpoints(dryRun ? null : ledger, target.handle());
        var exports = new Exports(session.options().exportDirectory(), dryRun ? null : ledger);
        plan.steps().forEach(step -> step.declareExports(exports));
        var stages = Stages.shared(target); // V2's tables staged once for all steps, dropped when the run ends
        var context = session.context(plan, exports, listener, checkpoints, resuming).withStages(stages);
        if (resetting) {
            ledger.reset(); // an interrupted reset is finished before V3 is checked; then this run starts from the beginning
        }
        var checks = checked.orElseGet(() -> Preflight.of(session, plan, resuming));
        if (!checks.passed()) {
            throw ChecksFailedException.preflight(checks);
        }
        if (!dryRun && !resuming) {
            try {
                ledger.begin(plan.checksum(), plan.started(), session.writtenTables(plan, Phase.UPGRADE).keySet(), listener::snapshotTaken);
            } catch (RuntimeException e) {
                throwIfInterrupted(e); // e.g. another process writing V3's SQLite file: exit 4, and the next run starts again
                throw e;
            }
        }
        this.stopper = checkpoints;
        if (stopRequested) {
            checkpoints.requestStop();
        }
        try {
            var reports = new ArrayList<StepReport>();
            upgradeRows(plan, context, ledger, dryRun, reports);
            if (dryRun) {
                return new RunReport(List.copyOf(reports), plan.checksum(), Duration.between(began, Instant.now()), false, List.of(), plan.targetRelease());
            }
            listener.committed();
            return afterCommit(plan, context, exports, reports, began);
        } catch (CancelledException e) {
            throw dryRun ? e : e.keeping(planner.reread(plan).status().orElseThrow());
        } finally {
            this.stopper = null;
            this.stopRequested = false;
            stages.close();
        }
    }

    /** Asks a running {@link #run} (in another thread) to stop after the page it is writing; for Ctrl-C. */
    public void stop() {
        stopRequested = true;
        var checkpoints = stopper;
        if (checkpoints != null) {
            checkpoints.requestStop();
        }
    }

    /** A dry run plans from V3 as at its first start; over a run recorded in V3 it would only find V3 "not fresh". */
    private static void refuseToPlanOverARecordedRun(Plan plan) {
        var recorded = plan.status().filter(status -> status.stage() != Ledger.Stage.PREPARING);
        if (recorded.isPresent()) {
            throw ChecksFailedException.preflight(new CheckReport(List.of(new CheckResult("no run of this upgrade is recorded in V3 (a dry run"
                    + " plans from V3 as at its first start)", "toolkit", List.of(recorded.get().onCheck()),
                    "run 'run' to continue or verify the recorded run, or 'reset' first to plan from V3's first start"))));
        }
    }

    private static MappingException changedMappings(Ledger.RunState earlier, Plan plan) {
        var checksums = String.format("checksum %08x then, %08x now", earlier.checksum(), plan.checksum());
        var where = new Where(plan.mappings().origin(), 0, 0);
        if (earlier.stage() == Ledger.Stage.FINISHED) {
            return new MappingException(where, "the mapping files changed since this V3 was upgraded (" + checksums + ")",
                    "to upgrade again with the new mapping files, run 'reset' first; or put the mappings back;"
                            + " --resume-changed-mappings redoes the files on disk and the verification with the new ones");
        }
        return new MappingException(where, "the mapping files changed since the interrupted run (" + checksums + ")",
                "run 'reset' and start again, or put the mappings back; --resume-changed-mappings continues anyway");
    }

    /**
     * Every upgrade step, page by page, each page committed with its progress (a step the ledger has
     * done gives its recorded counts); ends with every row committed, or everything rolled back for
     * a dry run. A failing row puts V3 back as at its first start.
     */
    private void upgradeRows(Plan plan, RunContext context, Ledger ledger, boolean dryRun, List<StepReport> reports) {
        var handle = session.target().handle();
        var inputs = session.inputs(context, dryRun);
        handle.begin();
        try {
            for (var step : plan.steps(Phase.UPGRADE)) {
                var report = step.step(inputs).run();
                if (report.isPresent() && !report.get().balanced()) {
                    throw new IllegalStateException("rows unaccounted for in " + report.get());
                }
                report.ifPresent(reports::add);
            }
            if (dryRun) {
                reports.addAll(FilesOnDisk.steps(session, plan, context, true));
                handle.rollback();
                return;
            }
            ledger.finish();
            handle.commit();
        } catch (CancelledException e) {
            handle.rollback(); // the pages committed so far stay, with their progress, for the next run
            throw e;
        } catch (RuntimeException e) {
            throwIfInterrupted(e);
            handle.rollback();
            if (!dryRun) {
                ledger.reset();
            }
            if (e instanceof UpgradeException u && !dryRun) {
                throw new DataException(u.getMessage() + "\n  V3 was put back as it was at its first start: nothing of this run was kept.",
                        u.hint(), e);
            }
            throw e;
        }
    }

    /**
     * Once every row is committed: the export files (from the ledger) and the files steps, both of
     * which can be repeated, so a run that dies here is finished by the next one. A failure here
     * keeps the committed rows.
     */
    private RunReport afterCommit(Plan plan, RunContext context, Exports exports, List<StepReport> reports, Instant began) {
        var handle = session.target().handle();
        var written = exports.writeFiles();
        context.listener().exportsWritten(written);
        try {
            handle.begin(); // inside: a connection lost before it is told as such
            reports.addAll(FilesOnDisk.steps(session, plan, context, false));
            handle.commit();
        } catch (RuntimeException e) {
            throwIfInterrupted(e);
            handle.rollback();
            if (e instanceof DataException d) {
                throw new DataException(d.getMessage() + "\n  Every row of the upgrade is committed and kept; fix the cause and run the same"
                        + " command again: it redoes the export files, the files on disk and the verification.", d.hint(), e);
            }
            throw e;
        }
        return new RunReport(List.copyOf(reports), plan.checksum(), Duration.between(began, Instant.now()), true, written, plan.targetRelease());
    }

    /**
     * A lost connection or a lock conflict is no row's fault: it is thrown as such, and nothing is
     * put back (the pages committed so far stay for the next run); a dead connection is not rolled back.
     */
    private void throwIfInterrupted(RuntimeException e) {
        var interrupted = Database.interruption(e, session.target(), session.source());
        if (interrupted.isPresent()) {
            session.target().rollbackQuietly();
            throw interrupted.get();
        }
    }
}
