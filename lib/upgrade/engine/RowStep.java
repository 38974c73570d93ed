package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.Expression;
import upgrade.expr.LookupTable;
import upgrade.mapping.Condition;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.RowMapping;
import upgrade.report.StepCounter;
import upgrade.report.StepReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one {@link RowMapping}: read pages, transform each row, write batches, count everything. */
public final class RowStep {
    private final RowMapping mapping;
    private final RunContext run;
    private final RuleEvaluator evaluator;

    public RowStep(RowMapping mapping, RunContext run) {
        this.mapping = mapping;
        this.run = run;
        var lookups = new HashMap<String, LookupTable>();
        mapping.lookups().forEach((name, spec) -> lookups.put(name, lookup(spec)));
        this.evaluator = new RuleEvaluator(run.params(), lookups);
    }

    private LookupTable lookup(LookupSpec spec) {
        var source = spec.side() == LookupSpec.Side.SOURCE;
        var database = source ? run.source() : run.target();
        return new LookupTable(new SqlLookup(database, database.table(spec.table()), spec.key(), spec.value(), source)::find);
    }

    /** The rows the mapping refuses, as "key: message" lines; empty when the run may go ahead. */
    public List<String> refusals() {
        var found = new ArrayList<String>();
        if (mapping.refuse().isEmpty()) {
            return found;
        }
        var table = run.source().table(mapping.source());
        for (var page : new RowReader(run.source(), table, mapping.key(), run.batchSize())) {
            for (var row : page) {
                var context = evaluator.context(row);
                for (var condition : mapping.refuse()) {
                    if (holds(condition.when(), context, row)) {
                        found.add(table.name() + " row " + row.get(mapping.key()) + ": " + fillIn(condition.text(), row));
                    }
                }
            }
        }
        return found;
    }

    /** A refusal names the row it is about: {@code {COLUMN}} in its message becomes the row's value. */
    private static String fillIn(String message, Map<String, Object> row) {
        var text = message;
        for (var column : row.entrySet()) {
            text = text.replace("{" + column.getKey() + "}", String.valueOf(column.getValue()));
        }
        return text;
    }

    public StepReport run() {
        var source = run.source().table(mapping.source());
        var target = run.target().table(mapping.target());
        var counter = new StepCounter(mapping.name(), mapping.origin().file(), source.name(), target.name());
        run.listener().stepStarted(mapping.name(), source.name(), target.name());
        var writer = new RowWriter(run.target(), target, mapping.write(), List.copyOf(mapping.columns().keySet()),
                mapping.targetKey(), mapping.nullable(), run.batchSize(), counter);
        for (var page : new RowReader(run.source(), source, mapping.key(), run.batchSize())) {
            counter.read(page.size());
            for (var row : page) {
                var outcome = transform(row);
                if (outcome instanceof Outcome.Write write) {
                    write.notes().forEach(counter::note);
                    writer.add(write);
                } else if (outcome instanceof Outcome.Skip skip) {
                    counter.skipped(skip.sourceKey(), skip.reason());
                }
            }
            run.listener().progress(mapping.name(), counter.read());
        }
        writer.flush();
        var report = counter.report();
        run.listener().stepFinished(report);
        return report;
    }

    /** What the mapping makes of one source row. */
    public Outcome transform(Map<String, Object> row) {
        var key = row.get(mapping.key());
        var context = evaluator.context(row);
        for (var condition : mapping.skip()) {
            if (holds(condition.when(), context, row)) {
                return new Outcome.Skip(key, condition.text());
            }
        }
        var values = new LinkedHashMap<String, Object>();
        for (var column : mapping.columns().entrySet()) {
            Evaluated result;
            try {
                result = evaluator.evaluate(column.getValue(), row, context);
            } catch (Expression.ExpressionFailure e) {
                throw failed(e, key);
            }
            if (result instanceof Evaluated.Skip skip) {
                return new Outcome.Skip(key, skip.reason());
            }
            values.put(column.getKey(), ((Evaluated.Value) result).value());
        }
        var notes = new ArrayList<String>();
        for (Condition condition : mapping.notes()) {
            if (holds(condition.when(), context, row)) {
                notes.add(condition.text());
            }
        }
        return new Outcome.Write(key, values, notes);
    }

    private boolean holds(Expression when, MapContext context, Map<String, Object> row) {
        try {
            return Boolean.TRUE.equals(when.evaluate(context));
        } catch (Expression.ExpressionFailure e) {
            throw failed(e, row.get(mapping.key()));
        }
    }

    private DataException failed(Expression.ExpressionFailure e, Object key) {
        return new DataException(e.expression().where() + ": the expression failed on the source row with key " + key
                + " of " + run.source().prefix() + mapping.source() + ": " + e.getMessage(),
                "make the expression handle this value (e.g. with ?? for missing values), or leave such rows out with a 'skip' condition", e);
    }
}
