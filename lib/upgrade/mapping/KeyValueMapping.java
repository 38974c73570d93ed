package upgrade.mapping;

import upgrade.expr.Expression;
import upgrade.rules.ColumnRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * A mapping between two name/value tables (V2 options to V3 settings). The source rows are read
 * as one row keyed by name, so the same rules work: {@code siteName: {copy: siteName}}. Each
 * target entry updates the target row with that name, or inserts it with its {@code type}.
 * Source names no rule reads are reported, with the reason from {@code dropped} when one is given.
 *
 * @param sourceName  source column holding the name
 * @param sourceValue source column holding the value
 * @param targetName  target column holding the name
 * @param targetValue target column holding the value
 * @param targetType  target column holding the entry's type (used when inserting), or null
 * @param entries     target name to its rule and type
 * @param dropped     source names deliberately not carried over, with the reason
 * @param refuse      checks on the whole name/value row (e.g. V2's version); a failure stops the run
 * @param ignored     source columns deliberately not read, with the reason (for drift reports)
 * @param lets        the file's {@code let:} values, read as {@code val.NAME}
 */
public record KeyValueMapping(Origin origin, String target, String source, String key, List<String> after,
                              String sourceName, String sourceValue, String targetName, String targetValue,
                              String targetType, LinkedHashMap<String, Entry> entries,
                              Map<String, String> dropped, List<Check> refuse, Map<String, String> ignored,
                              Map<String, Expression> lets) implements Mapping {

    /** One target entry: its rule and the type to insert it with when the target lacks it. */
    public record Entry(String name, ColumnRule rule, String type) {}
}
