package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.MappingException;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Where;
import upgrade.mapping.YamlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code {ensure: TABLE, match: {...}, set: {...}, value: COLUMN, note: ..., avoid: ...}}: finds the
 * target row whose {@code match} columns hold the given values, creating it (with the {@code set}
 * columns too) when there is none, and gives its {@code value} column. Every row that gets its
 * value this way is counted under {@code note}. New rows get ids above every id a source row keeps
 * in that table. With {@code avoid} (null: none), a name other tables take where the row would be
 * is not used: the row is looked for, or made, under the next numbered name.
 */
public record EnsureRule(Where where, String table, LinkedHashMap<String, ColumnRule> match, LinkedHashMap<String, ColumnRule> set,
                         String value, String note, Avoid avoid) implements ColumnRule {
    public static final RuleKind KIND = new RuleKind("ensure",
            List.of(RuleKind.kindKey("ensure", "A V3 table: find the row with `match`, or create it with `set`"),
                    RuleKind.Key.required("match", "The columns that identify the row (compared NULL-safely), each a rule",
                            "give the columns that identify the row, e.g. match: {owner_id: {copy: owner}}"),
                    RuleKind.Key.optional("set", "Further columns of a created row, each a rule"),
                    RuleKind.Key.optional("value", "The column of the row given (default id)"),
                    RuleKind.Key.required("note", "What using this row means; the rows that do are counted and listed under it",
                            "say what using this row means, e.g. note: \"re-homed into the recovery folder\""),
                    RuleKind.Key.optional("avoid", "A name other tables hold where the row would be is not used: `rename`, `as`, `also_unique_in` (see below)")),
            EnsureRule::parse);

    public EnsureRule(Where where, String table, LinkedHashMap<String, ColumnRule> match, LinkedHashMap<String, ColumnRule> set,
                      String value, String note) {
        this(where, table, match, set, value, note, null);
    }

    /**
     * An {@code ensure} rule's {@code avoid}: the {@code match} column {@code rename} must not hold a
     * value one of the {@code alsoUniqueIn} tables holds where the row would be (as on_conflict's
     * also_unique_in says it of a written row; no unique key says so, e.g. a folder of a file's name
     * beside it). Then the value given, {@code as} try 2, 3, ... ({@code {name} ({n})}) are tried in
     * turn: the first that no such table holds is the row's, found or created.
     */
    public record Avoid(Where where, String rename, String as, List<RowMapping.UniqueIn> alsoUniqueIn) {}

    /**
     * The value of the found or created row and whether this call created it; when {@code avoid}
     * numbered the name: the name the row has, and the table that holds the name given (else null).
     */
    public record Ensured(Object value, boolean created, Object renamedTo, String takenIn) {}

    private static EnsureRule parse(RuleSyntax syntax) {
        var column = syntax.column();
        return new EnsureRule(syntax.value().where(), syntax.value().text(),
                syntax.rules(syntax.required("match"), column),
                syntax.get("set").map(n -> syntax.rules(n, column)).orElseGet(LinkedHashMap::new),
                syntax.get("value").map(YamlNode::text).orElse("id"),
                syntax.required("note").text(),
                syntax.get("avoid").map(EnsureRule::avoid).orElse(null));
    }

    /** Its {@code avoid}; its tables have the shape of on_conflict's also_unique_in items (without as and note). */
    private static Avoid avoid(YamlNode node) {
        node.onlyKeys(List.of("rename", "as", "also_unique_in"), "an ensure rule's 'avoid'");
        var as = node.get("as").map(YamlNode::text).orElse("{name} ({n})");
        if (!as.contains("{n}")) {
            throw new MappingException(node.get("as").orElseThrow().where(), "the pattern '" + as + "' has no {n}, so every try would give the same name",
                    "put {n} where the number goes, e.g. \"{name} ({n})\" (the default)");
        }
        var tables = node.require("also_unique_in", "name the tables whose values the row must not take, e.g. also_unique_in: "
                + "{table: files, match: {folder_id: parent_id}, column: name}");
        var others = (tables.isArray() ? tables.items() : List.of(tables)).stream().map(EnsureRule::avoided).toList();
        if (others.isEmpty()) {
            throw new MappingException(tables.where(), "'also_unique_in' of 'avoid' lists no table", "name at least one, e.g. {table: files, column: name}");
        }
        return new Avoid(node.where(), node.require("rename", "name the match column whose value is numbered, e.g. rename: name").text(), as, others);
    }

    private static RowMapping.UniqueIn avoided(YamlNode node) {
        node.onlyKeys(List.of("table", "match", "column"), "an ensure rule's avoid also_unique_in");
        var match = new LinkedHashMap<String, String>();
        node.get("match").ifPresent(m -> m.entries().forEach(e -> match.put(e.getKey(), e.getValue().text())));
        return new RowMapping.UniqueIn(node.where(),
                node.require("table", "name the V3 table whose values the row must not take, e.g. table: files").text(),
                Collections.unmodifiableMap(match),
                node.require("column", "name that table's column compared with the numbered value, e.g. column: name").text(), null, null);
    }

    @Override
    public void check(RuleCheck check) {
        var into = check.targetTable(table, where);
        for (var entry : Stream.concat(match.entrySet().stream(), set.entrySet().stream()).toList()) {
            check.column(into, entry.getKey(), entry.getValue().where(), "a column of " + into.name());
            entry.getValue().check(check);
        }
        check.column(into, value, where, "ensure value");
        if (avoid != null) {
            checkAvoid(check, into);
        }
    }

    /** Its {@code avoid} numbers a text column of its match, in other V3 tables matched on its match columns. */
    private void checkAvoid(RuleCheck check, Table into) {
        if (!match.containsKey(avoid.rename())) {
            throw new MappingException(avoid.where(), "avoid renames '" + avoid.rename() + "', which is not a column under this ensure's 'match'",
                    "name one of: " + String.join(", ", match.keySet()));
        }
        if (!into.column(avoid.rename()).orElseThrow().isText()) {
            throw new MappingException(avoid.where(), "avoid renames " + into.name() + "." + avoid.rename() + ", which is not a text column",
                    "number a name column, e.g. rename: name");
        }
        for (var other : avoid.alsoUniqueIn()) {
            var theirs = check.targetTable(other.table(), other.where());
            if (theirs.name().equals(into.name())) {
                throw new MappingException(other.where(), "avoid names " + into.name() + ", the table this ensure finds its row in",
                        "a row there with the name is the row itself; name another table that shares the namespace, e.g. table: files");
            }
            check.column(theirs, other.column(), other.where(), "the column of " + theirs.name() + " compared with the numbered value");
            other.match().forEach((their, ours) -> {
                check.column(theirs, their, other.where(), "a match column of " + theirs.name());
                if (!match.containsKey(ours)) {
                    throw new MappingException(other.where(), "avoid matches " + theirs.name() + "." + their + " with '" + ours
                            + "', which is not a column under this ensure's 'match'", "name one of: " + String.join(", ", match.keySet()));
                }
            });
        }
    }

    @Override
    public void columnsRead(Set<String> names) {
        match.values().forEach(rule -> rule.columnsRead(names));
        set.values().forEach(rule -> rule.columnsRead(names));
    }

    @Override
    public Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context) {
        if (runtime.recording()) {
            return new Evaluated.Value(null);
        }
        var matched = Evaluated.all(match, runtime, row, context);
        var setTo = Evaluated.all(set, runtime, row, context);
        if (matched instanceof Evaluated.Skip) {
            return matched;
        }
        if (setTo instanceof Evaluated.Skip) {
            return setTo;
        }
        var matchValues = (Evaluated.Value) matched;
        var setValues = (Evaluated.Value) setTo;
        @SuppressWarnings("unchecked")
        var result = runtime.ensure(this, (Map<String, Object>) matchValues.value(), (Map<String, Object>) setValues.value());
        var notes = new ArrayList<>(matchValues.notes());
        notes.addAll(setValues.notes());
        notes.add(note);
        if (result.renamedTo() != null) {
            // which rows went into a row of another name than the rule gives, and why
            notes.add(note + " (in " + table + " named '" + result.renamedTo() + "': '"
                    + ((Map<?, ?>) matchValues.value()).get(avoid.rename()) + "' is taken in " + result.takenIn() + ")");
        }
        if (result.created()) {
            notes.add("created a row in " + table + " for it (" + note + ")");
        }
        return new Evaluated.Value(result.value(), List.copyOf(notes));
    }
}
