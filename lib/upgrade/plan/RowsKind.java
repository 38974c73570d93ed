package upgrade.plan;

import upgrade.check.CheckResult;
import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.engine.RowStep;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.MappingKeys;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Side;
import upgrade.mapping.WriteMode;
import upgrade.report.StepReport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code kind: rows} (the default): each source row becomes at most one target row; carried out by {@link RowStep}. */
final class RowsKind implements MappingKind<RowMapping> {

    @Override
    public String name() {
        return "rows";
    }

    @Override
    public List<String> keys() {
        return MappingKeys.ROWS;
    }

    @Override
    public Class<RowMapping> type() {
        return RowMapping.class;
    }

    @Override
    public Phase phase(RowMapping mapping) {
        return mapping.phase();
    }

    @Override
    public String label(RowMapping mapping) {
        return mapping.phase().name().toLowerCase(); // the phase says more than "rows", which most files are
    }

    @Override
    public boolean reads(RowMapping mapping) {
        return mapping.source() != null;
    }

    @Override
    public boolean writes(RowMapping mapping) {
        return mapping.write() != WriteMode.NONE;
    }

    @Override
    public Set<String> nullable(RowMapping mapping) {
        return mapping.nullable();
    }

    @Override
    public Map<String, LookupSpec> lookups(RowMapping mapping) {
        return mapping.lookups();
    }

    @Override
    public void validate(RowMapping mapping, MappingValidator validator) {
        validator.validate(mapping);
    }

    @Override
    public void columnsRead(RowMapping rows, Map<String, Set<String>> read) {
        if (rows.sourceSide() == Side.SOURCE && rows.source() != null) {
            var columns = read.computeIfAbsent(rows.source(), t -> new LinkedHashSet<>());
            columns.add(rows.key());
            columns.addAll(rows.ignored().keySet());
            if (rows.write() == WriteMode.NONE && rows.skip().stream().anyMatch(c -> c.when().text().equals("true"))) {
                columns.add("*"); // dropped by design, whole rows
            }
            rows.columns().values().forEach(rule -> columns.addAll(rule.sourceColumns()));
            rows.only().forEach(c -> columns.addAll(c.rowColumns()));
            rows.skip().forEach(c -> columns.addAll(c.rowColumns()));
            rows.notes().forEach(c -> columns.addAll(c.rowColumns()));
            if (rows.onConflict() != null && rows.onConflict().expr() != null) {
                columns.addAll(rows.onConflict().expr().rowColumns());
            }
            rows.refuse().forEach(c -> columns.addAll(c.expression().rowColumns()));
            if (rows.export() != null) {
                rows.export().columns().values().forEach(rule -> columns.addAll(rule.sourceColumns()));
            }
        }
        MappingKinds.lookupColumns(rows.lookups().values(), read);
    }

    @Override
    public Optional<IdAllocator.KeptIds> keptIds(RowMapping mapping) {
        if (mapping.target() == null || mapping.source() == null || mapping.columns().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdAllocator.KeptIds(mapping.target(), Set.copyOf(mapping.columns().keySet()), mapping.sourceSide(),
                mapping.source(), mapping.key()));
    }

    @Override
    public void declareExports(RowMapping mapping, Exports exports) {
        if (mapping.export() != null) {
            exports.file(mapping.export().file(), List.copyOf(mapping.export().columns().keySet()));
        }
    }

    @Override
    public Step step(RowMapping mapping, StepInputs inputs) {
        return new Step() {
            @Override
            public List<CheckResult> checks() {
                return new RowStep(mapping, inputs.run()).checks();
            }

            @Override
            public Optional<StepReport> run() {
                return new RowStep(mapping, inputs.run()).runIfItReads();
            }
        };
    }
}
