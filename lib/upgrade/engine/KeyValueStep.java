package upgrade.engine;

import upgrade.check.CheckResult;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.mapping.KeyValueMapping;
import upgrade.report.StepCounter;
import upgrade.report.StepReport;
import upgrade.rules.Evaluated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@link KeyValueMapping}. The source's name/value rows are read into one row keyed by
 * name (such tables hold a few dozen entries), each target entry is evaluated against it, and the
 * target row of that name is updated, or inserted with the entry's type when the target lacks it.
 * Every source row ends up written (some entry used it) or left out with a reason.
 */
public final class KeyValueStep {
    private final KeyValueMapping mapping;
    private final RunContext run;

    public KeyValueStep(KeyValueMapping mapping, RunContext run) {
        this.mapping = mapping;
        this.run = run;
    }

    /** The mapping's {@code refuse} checks, evaluated once on the name/value row. */
    public List<CheckResult> checks() {
        var row = new LinkedHashMap<String, Object>();
        read(row, null);
        var context = new RuleEvaluator(run.params(), Map.of(), null, mapping.lets()).context(row, Map.of());
        var results = new ArrayList<CheckResult>();
        for (var check : mapping.refuse()) {
            Object value;
            try {
                value = check.expression().evaluate(context);
            } catch (Expression.ExpressionFailure e) {
                throw new DataException(e.expression().where() + ": the check '" + check.title() + "' failed: " + e.getMessage(),
                        "make the expression handle a missing option, e.g. with ??", e);
            }
            var failures = check.fails(value) ? List.of(check.message().render(context)) : List.<String>of();
            results.add(new CheckResult(check.title(), mapping.origin().file(), failures, check.fix()));
        }
        return results;
    }


    /** Reads the source's name/value rows into one row keyed by name; later rows of a name are counted as left out. */
    private void read(Map<String, Object> row, StepCounter counter) {
        var source = run.source().table(mapping.source());
        var nameColumn = source.column(mapping.sourceName()).orElseThrow().name();
        var valueColumn = source.column(mapping.sourceValue()).orElseThrow().name();
        for (var page : new RowReader(run.source(), source, mapping.key(), run.batchSize())) {
            if (counter != null) {
                counter.read(page.size());
            }
            for (var sourceRow : page) {
                var name = String.valueOf(sourceRow.get(nameColumn));
                if (row.containsKey(name)) {
                    if (counter != null) {
                        counter.skipped(name, "a second row with the same name; V2 reads the first one");
                    }
                } else {
                    row.put(name, sourceRow.get(valueColumn));
                }
            }
        }
    }

    public StepReport run() {
        var source = run.source().table(mapping.source());
        var target = run.target().table(mapping.target());
        var counter = new StepCounter(mapping.name(), mapping.origin().file(), source.name(), target.name());
        var ledger = run.checkpoints().ledger();
        var earlier = ledger == null ? Optional.<Ledger.StepState>empty() : ledger.step(mapping.name());
        if (earlier.isPresent() && earlier.get().done()) {
            counter.restore(Ledger.read(earlier.get().counts(), StepCounter.State.class));
            return counter.report(); // finished before the run was interrupted
        }
        run.listener().stepStarted(mapping.name(), source.name(), target.name(), run.source().count(source));

        var row = new LinkedHashMap<String, Object>();
        read(row, counter);

        var evaluator = new RuleEvaluator(run.params(), Map.of(), null, mapping.lets());
        var context = evaluator.context(row, Map.of());
        var used = new LinkedHashSet<String>();
        var keptReasons = new HashMap<String, String>();
        for (var entry : mapping.entries().values()) {
            var reads = entry.rule().sourceColumns();
            Evaluated result;
            try {
                result = evaluator.evaluate(entry.rule(), row, context);
            } catch (Expression.ExpressionFailure e) {
                throw new DataException(e.expression().where() + ": the expression for '" + entry.name() + "' failed: " + e.getMessage(),
                        "make the expression handle this value, e.g. with ?? for a missing option", e);
            }
            var value = result instanceof Evaluated.Value v ? v.value() : null;
            if (value == null) {
                var absent = reads.stream().filter(name -> !row.containsKey(name)).toList();
                var why = result instanceof Evaluated.Skip skip ? skip.reason()
                        : absent.isEmpty() ? "its rule gives no value for this site" : "the source has no " + String.join(", ", absent);
                counter.note(entry.name(), "kept V3's value: " + why);
                reads.forEach(name -> keptReasons.putIfAbsent(name, "only read for " + entry.name() + ", which keeps V3's value"));
                continue;
            }
            write(target, entry, value.toString(), counter);
            used.addAll(reads);
        }

        for (var name : row.keySet()) {
            if (used.contains(name)) {
                counter.written(1, 0);
            } else {
                counter.skipped(name, keptReasons.getOrDefault(name, mapping.dropped().getOrDefault(name,
                        "no V3 equivalent (no rule in " + mapping.origin().file() + " reads it)")));
            }
        }
        run.checkpoints().pageDone(mapping.name(), null, counter, true);
        var report = counter.report();
        run.listener().stepFinished(report);
        return report;
    }

    private void write(Table target, KeyValueMapping.Entry entry, String value, StepCounter counter) {
        var sql = run.target().sql();
        var handle = run.target().handle();
        var name = column(target, mapping.targetName());
        var valueColumn = column(target, mapping.targetValue());
        // A NULL name is no setting: NULL-safe here is the same as '='.
        var updated = handle.createUpdate(sql.updateByKey(target.name(), List.of(valueColumn), List.of(name)))
                .bind(0, value).bind(1, entry.name()).execute();
        if (updated > 0) {
            counter.written(0, 1);
            return;
        }
        if (entry.type() == null || mapping.targetType() == null) {
            counter.note(entry.name(), "not in this V3 database, and the mapping gives no type to create it");
            return;
        }
        handle.createUpdate(sql.insert(target.name(), List.of(name, valueColumn, column(target, mapping.targetType())), 1))
                .bind(0, entry.name()).bind(1, value).bind(2, entry.type()).execute();
        counter.written(0, 1);
        counter.note(entry.name(), "not in this V3 database (older V3); created with its type");
    }

    private static String column(Table table, String column) {
        return table.column(column).orElseThrow().name();
    }
}
