package upgrade.engine;

import upgrade.report.StepCounter;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a run commits. With a ledger, every page is committed together with its progress, and a
 * stop request (Ctrl-C) takes effect there; a dry run commits nothing and rolls back at the end.
 */
public final class Checkpoints {
    private final Ledger ledger;
    private final org.jdbi.v3.core.Handle handle;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** @param ledger null for a dry run */
    public Checkpoints(Ledger ledger, org.jdbi.v3.core.Handle handle) {
        this.ledger = ledger;
        this.handle = handle;
    }

    /** The ledger of the run; null for a dry run. */
    public Ledger ledger() {
        return ledger;
    }

    /** A page of a step is written: record it, commit, and stop here if asked to. */
    public void pageDone(String step, Object lastKey, StepCounter counter, boolean stepDone) {
        if (ledger == null) {
            if (stop.get()) {
                throw new CancelledException("stopped on request during a dry run after step '" + step + "' key " + lastKey
                        + "; a dry run writes nothing", "run 'plan' again to see the whole plan");
            }
            return;
        }
        ledger.save(step, lastKey, counter.state(), stepDone);
        handle.commit();
        handle.begin();
        if (stop.get()) {
            throw new CancelledException("stopped on request after step '" + step + "' committed up to key " + lastKey,
                    "run the same command again to continue where it stopped, or 'reset' to return V3 to its first start");
        }
    }

    /** Asks the run to stop at its next page boundary. */
    public void requestStop() {
        stop.set(true);
    }
}
