package upgrade.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A row-by-row mapping: each source row becomes at most one target row.
 *
 * @param key       the source column rows are paged by (keyset pagination)
 * @param write     how rows reach the target
 * @param targetKey the target columns that identify a row for {@code replace} and {@code update}
 * @param refuse    rows that stop the whole run before anything is written
 * @param skip      rows left out, each with its reason
 * @param notes     rows that are written but counted under a note (e.g. data dropped by design)
 * @param lookups   tables the rules may look values up in
 * @param columns   one rule per target column, in file order
 * @param nullable  text columns that may receive NULL (everything else text must get a value)
 * @param columnsAt where the {@code columns} key stands, for complaints about the rule set as a whole
 */
public record RowMapping(Origin origin, String target, String source, String key, List<String> after,
                         WriteMode write, List<String> targetKey, List<Condition> refuse, List<Condition> skip,
                         List<Condition> notes, Map<String, LookupSpec> lookups,
                         LinkedHashMap<String, ColumnRule> columns, Set<String> nullable, Where columnsAt) implements Mapping {
}
