package upgrade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.mapping.Drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report of a run: the checks, every step's counts with the keys of rows
 * left out, passed on and noted, what was dropped by design (the reasons and notes the mappings
 * declare {@code by_design}), the verification, the files written, and the drift between the
 * source and the mappings (source data no mapping reads), and the release of the target written
 * into ({@code target}, as found in its database). The same data as the printed summary.
 */
public record JsonReport(String tool, String target, Instant finished, boolean committed, String mappingChecksum, double seconds,
                         List<CheckResult> preflight, List<Step> steps, Map<String, Long> droppedByDesign,
                         List<CheckResult> verify, List<String> files, List<Drift.Finding> drift) {

    /** One step, with times in seconds. */
    public record Step(String name, String file, String source, String target, long read, long written, long targetRows,
                       Map<String, Long> passedOn, Map<String, Reason> leftOut, Map<String, Reason> notes, double seconds) {}

    /** How many rows, and the keys of the first of them. */
    public record Reason(long rows, List<String> keys) {}

    public static JsonReport of(String tool, RunReport run, CheckReport preflight, CheckReport verify) {
        var steps = run.steps().stream().map(step -> new Step(step.name(), step.file(), step.source(), step.target(), step.read(),
                step.written(), step.targetRows(), step.passedOver(), reasons(step.skipped(), step.skippedKeys()),
                reasons(step.notes(), step.noteKeys()), step.elapsed().toMillis() / 1000.0)).toList();
        var dropped = new LinkedHashMap<String, Long>();
        for (var step : run.steps()) {
            step.skipped().forEach((reason, rows) -> byDesign(step, reason, rows, dropped));
            step.notes().forEach((note, rows) -> byDesign(step, note, rows, dropped));
        }
        return new JsonReport(tool, run.target(), Instant.now(), run.committed(), String.format("%08x", run.mappingChecksum()),
                run.elapsed().toMillis() / 1000.0, preflight == null ? List.of() : preflight.results(), steps, dropped,
                verify == null ? List.of() : verify.results(), run.exports().stream().map(Path::toString).toList(), List.of());
    }

    /** Counts the rows under {@code text} when the mapping declares it by design. */
    private static void byDesign(StepReport step, String text, long rows, Map<String, Long> dropped) {
        if (step.byDesign().contains(text)) {
            dropped.merge(step.source() + ": " + text, rows, Long::sum);
        }
    }

    /** The same report with the drift found before the run. */
    public JsonReport withDrift(List<Drift.Finding> findings) {
        return new JsonReport(tool, target, finished, committed, mappingChecksum, seconds, preflight, steps, droppedByDesign, verify, files,
                List.copyOf(findings));
    }

    private static Map<String, Reason> reasons(Map<String, Long> counts, Map<String, List<String>> keys) {
        var reasons = new LinkedHashMap<String, Reason>();
        counts.forEach((text, rows) -> reasons.put(text, new Reason(rows, keys.getOrDefault(text, List.of()))));
        return reasons;
    }

    public void write(Path file) {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).findAndRegisterModules();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            mapper.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
