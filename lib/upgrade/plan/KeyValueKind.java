package upgrade.plan;

import upgrade.check.CheckResult;
import upgrade.engine.KeyValueStep;
import upgrade.mapping.KeyValueMapping;
import upgrade.mapping.MappingKeys;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;
import upgrade.report.StepReport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code kind: key-value}: a name/value table into another (options into settings); carried out by {@link KeyValueStep}. */
final class KeyValueKind implements MappingKind<KeyValueMapping> {

    @Override
    public String name() {
        return "key-value";
    }

    @Override
    public List<String> keys() {
        return MappingKeys.KEY_VALUE;
    }

    @Override
    public Class<KeyValueMapping> type() {
        return KeyValueMapping.class;
    }

    @Override
    public Phase phase(KeyValueMapping mapping) {
        return Phase.UPGRADE;
    }

    @Override
    public boolean reads(KeyValueMapping mapping) {
        return true;
    }

    @Override
    public boolean writes(KeyValueMapping mapping) {
        return true;
    }

    @Override
    public void validate(KeyValueMapping mapping, MappingValidator validator) {
        validator.validate(mapping);
    }

    @Override
    public void columnsRead(KeyValueMapping mapping, Map<String, Set<String>> read) {
        var columns = read.computeIfAbsent(mapping.source(), t -> new LinkedHashSet<>());
        columns.addAll(List.of(mapping.key(), mapping.sourceName(), mapping.sourceValue()));
        columns.addAll(mapping.ignored().keySet());
    }

    @Override
    public Step step(KeyValueMapping mapping, StepInputs inputs) {
        return new Step() {
            @Override
            public List<CheckResult> checks() {
                return new KeyValueStep(mapping, inputs.run()).checks();
            }

            @Override
            public Optional<StepReport> run() {
                return Optional.of(new KeyValueStep(mapping, inputs.run()).run());
            }
        };
    }
}
