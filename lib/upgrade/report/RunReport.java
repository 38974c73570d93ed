package upgrade.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a whole run did, step by step, with the checksum of the mappings it used.
 *
 * @param committed true when the target transaction was committed (false for a dry run)
 * @param exports   the files the run wrote (e.g. the share-link map)
 * @param target    the release of the target the mappings were chosen for ("V3 3.8.2 to 3.8.3 (db_version_3.8.1)"); null when none is declared
 */
public record RunReport(List<StepReport> steps, long mappingChecksum, Duration elapsed, boolean committed,
                        List<java.nio.file.Path> exports, String target) {

    public Optional<StepReport> step(String target) {
        return steps.stream().filter(s -> s.name().equals(target)).findFirst();
    }
}
