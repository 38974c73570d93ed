package upgrade.run;

import upgrade.engine.RunContext;
import upgrade.engine.RunListener;
import upgrade.mapping.Phase;
import upgrade.plan.Plan;
import upgrade.report.RunReport;
import upgrade.report.StepReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code phase: files} steps: thumbnails and avatars copied into V3's layout, stored blobs
 * checked. They can be repeated any time (files already in place are left alone), so a run does
 * them after its commit, and the {@code files} command on their own.
 */
public final class FilesOnDisk {
    private FilesOnDisk() {}

    /** The {@code files} command: the files steps in a transaction of their own; a dry run only says what it would copy. */
    public static RunReport run(Session session, Plan plan, RunListener listener, boolean dryRun) {
        plan.requireFull();
        var started = Instant.now();
        var handle = session.target().handle();
        var context = session.context(plan, listener, false);
        handle.begin();
        try {
            var reports = steps(session, plan, context, dryRun);
            if (dryRun) {
                handle.rollback();
            } else {
                handle.commit();
            }
            return new RunReport(reports, plan.checksum(), Duration.between(started, Instant.now()), !dryRun, List.of(), plan.targetRelease());
        } catch (RuntimeException e) {
            session.target().rollbackQuietly(); // a lost connection has nothing to roll back: the failure that lost it is told
            throw e;
        }
    }

    /** Each files step's report, in the transaction the caller holds. */
    static List<StepReport> steps(Session session, Plan plan, RunContext context, boolean dryRun) {
        var reports = new ArrayList<StepReport>();
        if (session.options().v2Root() == null) {
            return reports; // without V2's web root there are no V2 files to copy; the CLI says so
        }
        var inputs = session.inputs(context, dryRun);
        for (var step : plan.steps(Phase.FILES)) {
            step.step(inputs).run().ifPresent(reports::add);
        }
        return reports;
    }
}
