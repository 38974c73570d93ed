package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.Where;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** {@code {copy: COLUMN}}: a source column's value, unchanged. */
public record CopyRule(Where where, String column) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("copy",
            List.of(RuleKind.kindKey("copy", "The source column to copy")),
            syntax -> new CopyRule(syntax.value().where(), syntax.value().text()));

    @Override
    public void check(RuleCheck check) {
        check.sourceColumn(column, where);
    }

    @Override
    public void columnsRead(Set<String> names) {
        names.add(column);
    }

    @Override
    public OptionalInt longest(Table from) {
        return TextLength.ofColumn(from, column);
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        return new Evaluated.Value(row.get(column));
    }
}
