package upgrade.plan;

/** How far V3's ledger says a step got: not started, interrupted after a committed key, or done. */
public sealed interface StepState {

    /** Nothing of it is committed. */
    record Pending() implements StepState {
        @Override
        public String toString() {
            return "pending";
        }
    }

    /** Its pages are committed up to the source key {@code afterKey} (null: none yet); a run continues after it. */
    record Interrupted(String afterKey) implements StepState {
        @Override
        public String toString() {
            return afterKey == null ? "started, nothing committed" : "interrupted after key " + afterKey;
        }
    }

    /** Every page is committed; a run gives its recorded counts. */
    record Done() implements StepState {
        @Override
        public String toString() {
            return "done";
        }
    }

    StepState PENDING = new Pending();
    StepState DONE = new Done();
}
