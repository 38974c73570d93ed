package upgrade.report;

import upgrade.mapping.Phase;
import upgrade.plan.Plan;
import upgrade.plan.PlannedStep;

import java.io.PrintWriter;

/**
 * Prints a plan: its steps in the order they run, what each reads and writes, and how far V3's
 * ledger says each upgrade step got (pending, interrupted after a key, done).
 */
public final class PlanPrinter {
    private final PrintWriter out;

    public PlanPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(Plan plan) {
        if (plan.targetRelease() != null) {
            out.println("Target: " + plan.targetRelease() + ", found in its database; the mappings are that release's.");
        }
        out.printf("The plan: %d mappings (checksum %08x), in the order they run:%n", plan.steps().size(), plan.checksum());
        for (var step : plan.steps()) {
            out.printf("  %-8s %-26s %-34s %s%n", step.phase().name().toLowerCase(), step.name(), tables(step), state(step));
        }
        out.println();
        out.flush();
    }

    private static String tables(PlannedStep<?> step) {
        var mapping = step.mapping();
        var from = mapping.source() == null ? "(no table)" : mapping.source();
        return step.writes() ? from + " -> " + mapping.target() : from;
    }

    /** The ledger's state for the upgrade steps that read rows; what the others are for. */
    private static String state(PlannedStep<?> step) {
        if (step.phase() == Phase.UPGRADE) {
            return step.reads() ? step.state().toString() : "checks only";
        }
        return step.phase() == Phase.FILES ? "after the commit" : "verification";
    }
}
