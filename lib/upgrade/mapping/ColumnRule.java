package upgrade.mapping;

import upgrade.expr.Expression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one target column gets its value. In YAML each rule is a small map with one kind key:
 * {@code {copy: user_email}}, {@code {value: ''}}, {@code {map: user_group, using: group_id}},
 * {@code {expr: "..."}}, {@code {lookup: policy, key: ...}}, {@code {json: {field: rule, ...}}}.
 */
public sealed interface ColumnRule {
    Where where();

    /** Copies a source column unchanged. */
    record Copy(Where where, String column) implements ColumnRule {}

    /** A constant. */
    record Constant(Where where, Object value) implements ColumnRule {}

    /** Translates a source column through a value map; unlisted values follow the map's {@code otherwise}. */
    record MapValues(Where where, String column, ValueMap map) implements ColumnRule {}

    /** An expression over the source row, the run parameters and the declared lookups. */
    record Expr(Where where, Expression expression) implements ColumnRule {}

    /**
     * Looks a value up by key in a declared lookup table. When nothing is found the row is left out
     * with {@code missingReason}; or, when that is null, the value is {@code missingValue} (null by default).
     */
    record Lookup(Where where, String lookup, ColumnRule key, String missingReason, Object missingValue) implements ColumnRule {}

    /** The first of several rules that gives a value (not null); null when none does. */
    record First(Where where, List<ColumnRule> alternatives) implements ColumnRule {}

    /**
     * Finds the target row whose {@code match} columns hold the given values, creating it (with the
     * {@code set} columns too) when there is none, and gives its {@code value} column. Every row
     * that gets its value this way is counted under {@code note}. New rows get ids above every
     * id a source row keeps in that table. With {@code avoid} (null: none), a name other tables
     * take where the row would be is not used: the row is looked for, or made, under the next
     * numbered name.
     */
    record Ensure(Where where, String table, LinkedHashMap<String, ColumnRule> match, LinkedHashMap<String, ColumnRule> set,
                  String value, String note, Avoid avoid) implements ColumnRule {
        public Ensure(Where where, String table, LinkedHashMap<String, ColumnRule> match, LinkedHashMap<String, ColumnRule> set,
                      String value, String note) {
            this(where, table, match, set, value, note, null);
        }
    }

    /**
     * An {@code ensure} rule's {@code avoid}: the {@code match} column {@code rename} must not hold a
     * value one of the {@code alsoUniqueIn} tables holds where the row would be (as on_conflict's
     * also_unique_in says it of a written row; no unique key says so, e.g. a folder of a file's name
     * beside it). Then the value given, {@code as} try 2, 3, ... ({@code {name} ({n})}) are tried in
     * turn: the first that no such table holds is the row's, found or created.
     */
    record Avoid(Where where, String rename, String as, List<RowMapping.UniqueIn> alsoUniqueIn) {}

    /** A JSON object built field by field; fields whose value is null are left out (V3's omitempty). */
    record Json(Where where, LinkedHashMap<String, ColumnRule> fields) implements ColumnRule {
        public Json {
            fields = new LinkedHashMap<>(fields);
        }

        public Map<String, ColumnRule> fieldRules() {
            return Collections.unmodifiableMap(fields);
        }
    }
}
