package upgrade.mapping;

import upgrade.db.Database;
import upgrade.db.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static upgrade.mapping.ReadCheck.columnOf;
import static upgrade.mapping.ReadCheck.table;

/**
 * Checks mappings against the live schemas before any row is read: every table, column and
 * lookup a mapping names must exist, and every text column of a target table must get a value
 * when the target declares that text must not be NULL ({@link TargetDatabase}).
 * Identifiers reach SQL only after passing here, so a mapping file cannot inject SQL. One public
 * method per mapping kind, called by the kind ({@code upgrade.plan.MappingKind#validate}); what each
 * part of a mapping reads is checked by a {@link ReadCheck}, with which each column rule checks
 * itself ({@link upgrade.rules.ColumnRule#check}); a rule's {@code fit} is checked by {@link FitCheck}.
 */
public final class MappingValidator {
    private final Database source;
    private final Database target;
    private final Set<String> params;
    private final TargetDatabase declared;

    /**
     * @param source   the V2 database; null to check only mappings that read V3 alone ({@code phase: verify}):
     *                 {@code verify} opens only the V3 database, since V2's may be gone after the upgrade
     * @param declared what the mappings declare about the target as a whole (target.yaml)
     */
    public MappingValidator(Database source, Database target, Set<String> params, TargetDatabase declared) {
        this.source = source;
        this.target = target;
        this.params = params;
        this.declared = declared;
    }

    /** A {@code kind: rows} mapping. */
    public void validate(RowMapping mapping) {
        var origin = mapping.origin();
        var from = mapping.source() == null ? null
                : table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        if (from != null) {
            columnOf(from, mapping.key(), origin.at("key"), "key");
        }
        mapping.lookups().values().forEach(this::validate);
        var computed = new ArrayList<String>(); // none yet: only, skip and refuse run before any column is computed
        var reads = new ReadCheck(target, params, from, mapping.lookups(), computed);
        mapping.lets().values().forEach(reads::expression);
        concat(mapping.only(), mapping.skip()).forEach(reads::condition);
        if (from == null && !mapping.refuse().isEmpty()) {
            throw new MappingException(origin.at("refuse"), "'refuse' checks rows, but this mapping has no source",
                    "add source: TABLE, or use 'require' for checks made once");
        }
        for (var check : mapping.refuse()) {
            reads.expression(check.expression());
            reads.template(check.message());
        }
        for (var check : mapping.require()) {
            reads.withoutRow().expression(check.expression()); // evaluated once, without a row
            reads.withoutRow().template(check.message());
        }
        if (mapping.write() == WriteMode.NONE) {
            return;
        }
        var into = table(target, mapping.target(), origin.at("target"));
        mapping.targetKey().forEach(c -> columnOf(into, c, origin.at("target_key"), "target_key"));
        for (var entry : mapping.columns().entrySet()) {
            var rule = entry.getValue();
            columnOf(into, entry.getKey(), rule.where(), "a target column");
            rule.checkTarget(into, entry.getKey());
            rule.check(reads);
            FitCheck.check(mapping, into, entry.getKey(), rule, from);
            computed.add(entry.getKey());
        }
        // notes and exports run after every column is computed
        mapping.notes().forEach(reads::condition);
        if (mapping.onConflict() != null) {
            onConflict(mapping.onConflict(), mapping, into, reads);
        }
        if (mapping.export() != null) {
            mapping.export().columns().values().forEach(rule -> rule.check(reads));
        }
        declared.requireTextFilled(mapping, into);
    }

    private void onConflict(RowMapping.Rename rename, RowMapping mapping, Table into, ReadCheck reads) {
        if (!mapping.columns().containsKey(rename.column())) {
            throw new MappingException(rename.where(), "on_conflict renames '" + rename.column()
                    + "', which no rule under 'columns' fills", "name one of: " + String.join(", ", mapping.columns().keySet()));
        }
        if (rename.expr() != null) {
            reads.inConflict().expression(rename.expr());
        }
        rename.takenBy().forEach(c -> columnOf(into, c, rename.where(), "on_conflict taken_by"));
        rename.alsoUniqueIn().forEach(other -> uniqueIn(other, mapping, into));
    }

    /** An {@code also_unique_in} table: another V3 table, its columns, and this mapping's columns its {@code match} reads. */
    private void uniqueIn(RowMapping.UniqueIn other, RowMapping mapping, Table into) {
        var table = table(target, other.table(), other.where());
        if (table.name().equals(into.name())) {
            throw new MappingException(other.where(), "also_unique_in names " + into.name() + ", the table this mapping writes",
                    "its own unique keys already decide what collides there; name another table that shares the namespace, e.g. table: folders");
        }
        columnOf(table, other.column(), other.where(), "the column of " + table.name() + " compared with the renamed value");
        other.match().forEach((theirs, ours) -> {
            columnOf(table, theirs, other.where(), "a match column of " + table.name());
            if (!mapping.columns().containsKey(ours)) {
                throw new MappingException(other.where(), "also_unique_in matches " + table.name() + "." + theirs + " with '" + ours
                        + "', which no rule under 'columns' fills", "name one of: " + String.join(", ", mapping.columns().keySet()));
            }
        });
    }

    /** A {@code kind: key-value} mapping. */
    public void validate(KeyValueMapping mapping) {
        var origin = mapping.origin();
        var from = table(source, mapping.source(), origin.at("source"));
        var into = table(target, mapping.target(), origin.at("target"));
        columnOf(from, mapping.key(), origin.at("key"), "key");
        columnOf(from, mapping.sourceName(), origin.at("source_columns"), "source_columns.name");
        columnOf(from, mapping.sourceValue(), origin.at("source_columns"), "source_columns.value");
        columnOf(into, mapping.targetName(), origin.at("target_columns"), "target_columns.name");
        columnOf(into, mapping.targetValue(), origin.at("target_columns"), "target_columns.value");
        if (mapping.targetType() != null) {
            columnOf(into, mapping.targetType(), origin.at("target_columns"), "target_columns.type");
        }
        // Source "columns" here are option names, which are data: they are checked per run, not against the schema.
        var reads = new ReadCheck(target, params, null, Map.of(), List.of());
        mapping.lets().values().forEach(reads::expression);
        mapping.entries().values().forEach(e -> e.rule().check(reads));
        mapping.refuse().forEach(check -> reads.expression(check.expression()));
    }

    /** A {@code kind: files} mapping. */
    public void validate(FileMapping mapping) {
        var origin = mapping.origin();
        var from = table(mapping.sourceSide() == Side.SOURCE ? source : target, mapping.source(), origin.at("source"));
        columnOf(from, mapping.key(), origin.at("key"), "key");
        mapping.lookups().values().forEach(this::validate);
        var reads = new ReadCheck(target, params, from, mapping.lookups(), List.of());
        mapping.lets().values().forEach(reads::expression);
        concat(mapping.only(), mapping.skip()).forEach(reads::condition);
        for (var item : mapping.files()) {
            if (item.from() != null) {
                reads.expression(item.from());
            }
            reads.expression(item.to());
        }
    }

    private void validate(LookupSpec lookup) {
        var database = lookup.side() == Side.SOURCE ? source : target;
        var table = table(database, lookup.table(), lookup.where());
        lookup.key().forEach(key -> columnOf(table, key, lookup.where(), "lookup key"));
        lookup.match().keySet().forEach(match -> columnOf(table, match, lookup.where(), "lookup match"));
        if (lookup.value() != null) {
            columnOf(table, lookup.value(), lookup.where(), "lookup value");
        }
        if (lookup.sum() != null) {
            columnOf(table, lookup.sum(), lookup.where(), "lookup sum");
        }
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
