package upgrade.report;

import java.io.PrintWriter;
import java.util.List;

/** Renders a {@link RunReport} as the plain-text summary the command line prints. */
public final class ReportPrinter {
    /** How many keys of left-out rows are printed per reason; the report keeps more. */
    private static final int KEYS_SHOWN = 20;

    private final PrintWriter out;
    private final String target;

    /** @param target the target database's name, as the mappings declare it (target.yaml) */
    public ReportPrinter(PrintWriter out, String target) {
        this.out = out;
        this.target = target;
    }

    public void print(RunReport report) {
        out.printf("%-22s %-18s %-18s %8s %8s %9s %8s%n", "mapping", "from", "into (" + target + ")", "read", "written", "passed on", "left out");
        for (var step : report.steps()) {
            out.printf("%-22s %-18s %-18s %8d %8d %9d %8d%n", step.name(), step.source(), step.target(),
                    step.read(), step.written(), step.passedOverTotal(), step.skippedTotal());
        }
        for (var step : report.steps()) {
            if (step.skipped().isEmpty() && step.notes().isEmpty()) {
                continue;
            }
            out.println();
            out.println(step.name() + " (" + step.file() + "):");
            step.skipped().forEach((reason, count) -> printKeys("left out", count, reason, step.skippedKeys().get(reason)));
            step.notes().forEach((note, count) -> printKeys("note", count, note, step.noteKeys().get(note)));
        }
        out.println();
        for (var file : report.exports()) {
            out.println("Wrote " + file);
        }
        out.printf("%s in %.1f s; mapping checksum %08x.%n", report.committed() ? "Committed" : "Not committed (dry run)",
                report.elapsed().toMillis() / 1000.0, report.mappingChecksum());
        out.flush();
    }

    private void printKeys(String what, long count, String text, List<String> keys) {
        out.printf("  %s %d: %s%n", what, count, text);
        out.println("      " + String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size())))
                + (count > KEYS_SHOWN ? ", ..." : ""));
    }
}
