package upgrade.report;

import java.io.PrintWriter;
import java.util.Map;

/** Renders a {@link RunReport} as the plain-text summary the command line prints. */
public final class ReportPrinter {
    /** How many keys of left-out rows are printed per reason; the report keeps more. */
    private static final int KEYS_SHOWN = 20;

    private final PrintWriter out;

    public ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(RunReport report) {
        out.printf("%-10s %-22s %-22s %8s %8s %8s%n", "mapping", "from (V2)", "into (V3)", "read", "written", "left out");
        for (var step : report.steps()) {
            out.printf("%-10s %-22s %-22s %8d %8d %8d%n", step.name(), step.source(), step.target(),
                    step.read(), step.written(), step.skippedTotal());
        }
        for (var step : report.steps()) {
            if (step.skipped().isEmpty() && step.notes().isEmpty()) {
                continue;
            }
            out.println();
            out.println(step.name() + " (" + step.file() + "):");
            for (var reason : step.skippedKeys().keySet()) {
                var keys = step.skippedKeys().get(reason);
                out.printf("  left out %d: %s%n", step.skipped().get(reason), reason);
                out.println("      " + String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size())))
                        + (step.skipped().get(reason) > KEYS_SHOWN ? ", ..." : ""));
            }
            for (Map.Entry<String, Long> note : step.notes().entrySet()) {
                out.printf("  note %d: %s%n", note.getValue(), note.getKey());
            }
        }
        out.println();
        out.printf("%s in %.1f s; mapping checksum %08x.%n", report.committed() ? "Committed" : "Not committed",
                report.elapsed().toMillis() / 1000.0, report.mappingChecksum());
        out.flush();
    }
}
