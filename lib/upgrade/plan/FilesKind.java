package upgrade.plan;

import upgrade.check.CheckResult;
import upgrade.engine.FileStep;
import upgrade.mapping.FileMapping;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.MappingKeys;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;
import upgrade.mapping.Side;
import upgrade.report.StepReport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code kind: files}: files on disk that go with rows, copied or checked; carried out by {@link FileStep}. */
final class FilesKind implements MappingKind<FileMapping> {

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<String> keys() {
        return MappingKeys.FILES;
    }

    @Override
    public Class<FileMapping> type() {
        return FileMapping.class;
    }

    @Override
    public Phase phase(FileMapping mapping) {
        return Phase.FILES;
    }

    @Override
    public boolean reads(FileMapping mapping) {
        return true;
    }

    @Override
    public boolean writes(FileMapping mapping) {
        return false; // files on disk, no table
    }

    @Override
    public Map<String, LookupSpec> lookups(FileMapping mapping) {
        return mapping.lookups();
    }

    @Override
    public void validate(FileMapping mapping, MappingValidator validator) {
        validator.validate(mapping);
    }

    @Override
    public void columnsRead(FileMapping files, Map<String, Set<String>> read) {
        if (files.sourceSide() == Side.SOURCE) {
            var columns = read.computeIfAbsent(files.source(), t -> new LinkedHashSet<>());
            columns.add(files.key());
            files.only().forEach(c -> columns.addAll(c.rowColumns()));
            files.skip().forEach(c -> columns.addAll(c.rowColumns()));
            files.files().forEach(item -> {
                columns.addAll(item.to().rowColumns());
                if (item.from() != null) {
                    columns.addAll(item.from().rowColumns());
                }
            });
        }
        MappingKinds.lookupColumns(files.lookups().values(), read);
    }

    @Override
    public Step step(FileMapping mapping, StepInputs inputs) {
        return new Step() {
            @Override
            public List<CheckResult> checks() {
                return List.of();
            }

            @Override
            public Optional<StepReport> run() {
                if (inputs.v2Root() == null) {
                    return Optional.empty(); // without V2's web root there are no V2 files to copy
                }
                return Optional.of(new FileStep(mapping, inputs.run(), inputs.v2Root(), inputs.v3Directory(), inputs.dryRun()).run());
            }
        };
    }
}
