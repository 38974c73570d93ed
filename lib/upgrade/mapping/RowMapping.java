package upgrade.mapping;

import upgrade.expr.Expression;
import upgrade.expr.LookupCall;
import upgrade.rules.ColumnRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A row-by-row mapping: each source row becomes at most one target row.
 *
 * @param sourceSide which database the source table is read from (normally V2; V3 for steps that
 *                  work on what earlier mappings wrote)
 * @param key       the source column rows are paged by (keyset pagination)
 * @param write     how rows reach the target
 * @param targetKey the target columns that identify a row for {@code replace} and {@code update}
 * @param phase     whether the mapping is part of the upgrade or of its verification
 * @param only      rows this mapping is for; the others are passed over (counted, not an error)
 * @param refuse    checks per row: a row that fails one stops the run before anything is written
 *                  (in a verify mapping: is a defect of the result)
 * @param require   checks evaluated once, before anything is written
 * @param skip      rows left out, each with its reason
 * @param notes     rows that are written but counted under a note (e.g. data dropped by design)
 * @param lookups   tables the rules may look values up in
 * @param columns   one rule per target column, in file order
 * @param nullable  text columns that may receive NULL (everything else text must get a value)
 * @param fits      the {@code fit} each rule under {@code columns} gives explicitly (see {@link #fit(String)})
 * @param columnsAt where the {@code columns} key stands, for complaints about the rule set as a whole
 * @param onConflict how a row that collides with a unique key is renamed; null: it is left out
 * @param export    a file listing every written row; null: none
 * @param ignored   source columns deliberately not carried over, with the reason (for drift reports)
 * @param lets      the file's {@code let:} values, read as {@code val.NAME}; each worked out once per row, at its first use
 * @param lookupCalls the lookups its expressions and rules ask with keys of row columns and constants only, whose keys
 *                  for a page are known before its rows are evaluated
 */
public record RowMapping(Origin origin, Phase phase, String target, String source, Side sourceSide, String key, List<String> after,
                         WriteMode write, List<String> targetKey, List<Condition> only, List<Check> refuse, List<Check> require,
                         List<Condition> skip, List<Condition> notes, Map<String, LookupSpec> lookups,
                         LinkedHashMap<String, ColumnRule> columns, Set<String> nullable, Map<String, Fit> fits, Where columnsAt,
                         Rename onConflict, Export export, Map<String, String> ignored, Map<String, Expression> lets,
                         Set<LookupCall> lookupCalls) implements Mapping {

    /** What becomes of a text longer than the column: the rule's {@code fit}, else STOP for json rules (a cut breaks JSON), else CUT. */
    public Fit fit(String column) {
        var explicit = fits.get(column);
        if (explicit != null) {
            return explicit;
        }
        return columns.containsKey(column) && columns.get(column).breaksWhenCut() ? Fit.STOP : Fit.CUT;
    }

    /**
     * Gives {@code column} another value when a row collides with a unique key, try after try
     * ({@code n} = 2, 3, ...): either {@code as}, a pattern with {@code {name}} (the whole value),
     * {@code {base}} and {@code {ext}} (before and from the last dot) and {@code {n}}, e.g.
     * {@code "{base} ({n}){ext}"}; or {@code expr}, an expression that also reads {@code conflict.n}.
     *
     * @param note        the note each such row is listed under; null: the default one about names
     * @param takenBy     columns of the row already holding the key, named in each row's listing
     *                    (empty: not named)
     * @param alsoUniqueIn other tables whose values the column must not take either, though no
     *                    unique key says so (e.g. a file may not have the name of a folder beside it)
     */
    public record Rename(Where where, String column, String as, Expression expr, String note, List<String> takenBy,
                         List<UniqueIn> alsoUniqueIn) {}

    /**
     * Another table sharing the renamed column's namespace: a value is taken when a row of
     * {@code table} has it in {@code column} (as the database compares them) and, for each entry
     * of {@code match}, that table's column holds the value this row writes into the named column.
     *
     * @param as   the first other value for a row whose own value is taken there (a pattern with
     *             {@code {name}}, {@code {base}}, {@code {ext}}, e.g. {@code "{name} (file)"});
     *             null: the tries of {@code on_conflict} itself
     * @param note the note rows given {@code as} are listed under (by key); null: a default one
     */
    public record UniqueIn(Where where, String table, Map<String, String> match, String column, String as, String note) {}

    /** A CSV file with one line per written row, with these columns (evaluated on the source row). */
    public record Export(Where where, String file, LinkedHashMap<String, ColumnRule> columns) {}
}
