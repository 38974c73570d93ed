package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.check.CheckResult;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.mapping.Check;
import upgrade.mapping.RowMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowMapping}'s checks (before the upgrade, and verify mappings after it): each
 * {@code require} once, each {@code refuse} on every source row its {@code only} conditions pick,
 * by the database where it can ({@link ServerSideChecks}), else read page by page with the lookups'
 * keys fetched per page ({@link PageEvaluation}). Tells the run's
 * listener how far it is, as steps do. A failing row reads "table row key: message".
 */
final class RowChecks {
    private final RowMapping mapping;
    private final RunContext run;
    private final RuleEvaluator evaluator;
    private final PageEvaluation pages;

    RowChecks(RowMapping mapping, RunContext run, RuleEvaluator evaluator, PageEvaluation pages) {
        this.mapping = mapping;
        this.run = run;
        this.evaluator = evaluator;
        this.pages = pages;
    }

    List<CheckResult> checks() {
        var failures = new LinkedHashMap<Check, List<String>>();
        mapping.require().forEach(check -> failures.put(check, new ArrayList<>()));
        mapping.refuse().forEach(check -> failures.put(check, new ArrayList<>()));
        var none = evaluator.context(Map.of(), Map.of());
        for (var check : mapping.require()) {
            if (check.fails(evaluate(check.expression(), none, null))) {
                failures.get(check).add(check.message().render(none));
            }
        }
        if (!mapping.refuse().isEmpty()) {
            refuse(failures);
        }
        var results = new ArrayList<CheckResult>();
        failures.forEach((check, found) -> results.add(new CheckResult(check.title(), mapping.origin().file(), List.copyOf(found), check.fix())));
        return results;
    }

    /**
     * The refuse checks, by the database where each has an SQL form of the same meaning
     * ({@link ServerSideChecks}), else by evaluating every row here.
     */
    private void refuse(Map<Check, List<String>> failures) {
        var database = run.database(mapping.sourceSide());
        var table = database.table(mapping.source());
        var listener = run.listener();
        var rows = database.count(table);
        listener.checkStarted(mapping.name(), table.name(), rows);
        var read = ServerSideChecks.of(mapping, run).map(checks -> checks.run(failures, this::failuresOf, rows)).orElse(-1L);
        if (read < 0) {
            read = everyRow(failures, database, table);
        }
        listener.checkFinished(mapping.name(), read);
    }

    private long everyRow(Map<Check, List<String>> failures, Database database, Table table) {
        long read = 0;
        for (var page : new RowReader(database, table, mapping.key(), run.batchSize())) {
            for (var messages : pages.evaluate(page, this::failuresOf)) {
                for (int c = 0; c < messages.size(); c++) {
                    var found = failures.get(mapping.refuse().get(c));
                    if (messages.get(c) != null && found.size() < CheckResult.FAILURES_KEPT) {
                        found.add(table.name() + " row " + messages.get(c));
                    }
                }
            }
            read += page.size();
            run.listener().progress(mapping.name(), read);
        }
        return read;
    }

    /** Per refuse check, in order, "key: message" where the row fails it, else null; empty when the row is not the mapping's. */
    private List<String> failuresOf(Map<String, Object> row) {
        var context = evaluator.context(row, Map.of());
        for (var condition : mapping.only()) {
            if (!Boolean.TRUE.equals(evaluate(condition.when(), context, row))) {
                return List.of();
            }
        }
        var messages = new ArrayList<String>(mapping.refuse().size());
        for (var check : mapping.refuse()) {
            messages.add(check.fails(evaluate(check.expression(), context, row))
                    ? row.get(mapping.key()) + ": " + check.message().render(context) : null);
        }
        return messages;
    }

    private Object evaluate(Expression expression, MapContext context, Map<String, Object> row) {
        try {
            return expression.evaluate(context);
        } catch (Expression.ExpressionFailure e) {
            throw RowStep.failed(mapping, run, e, row == null ? "(none)" : row.get(mapping.key()));
        }
    }
}
