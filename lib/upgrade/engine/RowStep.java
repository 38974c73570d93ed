package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.Trace;
import upgrade.check.CheckResult;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;
import upgrade.expr.Expression;
import upgrade.mapping.Condition;
import upgrade.mapping.Side;
import upgrade.mapping.RowMapping;
import upgrade.mapping.WriteMode;
import upgrade.report.StepCounter;
import upgrade.report.StepReport;
import upgrade.rules.ColumnRule;
import upgrade.rules.Evaluated;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs one {@link RowMapping}: read pages, transform each row, write batches, count everything. */
public final class RowStep {
    private final RowMapping mapping;
    private final RunContext run;
    // what rows are worked out with; a run that writes behind reads its lookups on a connection of their own
    private RuleEvaluator evaluator;
    private LookupSet lookups;
    private PageEvaluation pages;

    public RowStep(RowMapping mapping, RunContext run) {
        this.mapping = mapping;
        this.run = run;
        evaluateWith(run.target());
    }

    private record Evaluation(LookupSet lookups, RuleEvaluator evaluator, PageEvaluation pages) {}

    /** Lookups read on {@code targetReads} (the target's connection, or a reader of what it has not committed). */
    private void evaluateWith(Database targetReads) {
        this.lookups = new LookupSet(mapping.lookups(), run, mapping.write() == WriteMode.NONE ? null : mapping.target(), targetReads);
        this.evaluator = new RuleEvaluator(run.params(), lookups.tables(), new Ensurer(run.target(), run.ids(), run.created()), mapping.lets());
        this.pages = new PageEvaluation(lookups, evaluator, run.created(), mapping.lookupCalls());
    }

    /** The mapping's checks ({@link RowChecks}). */
    public List<CheckResult> checks() {
        try {
            return new RowChecks(mapping, run, evaluator, pages).checks();
        } finally {
            lookups.close();
        }
    }

    /** Runs the mapping; a mapping without a source only checks, so it has nothing to report here. */
    public Optional<StepReport> runIfItReads() {
        return mapping.source() == null ? Optional.empty() : Optional.of(run());
    }

    public StepReport run() {
        var database = run.database(mapping.sourceSide());
        var source = database.table(mapping.source());
        var writes = mapping.write() != WriteMode.NONE;
        var target = writes ? run.target().table(mapping.target()) : null;
        var targetName = writes ? target.name() : "(nothing written)";
        var counter = new StepCounter(mapping.name(), mapping.origin().file(), source.name(), targetName, Condition.textsByDesign(mapping.skip(), mapping.notes()));
        var ledger = run.checkpoints().ledger();
        var earlier = ledger == null ? Optional.<Ledger.StepState>empty() : ledger.step(mapping.name());
        earlier.ifPresent(state -> counter.restore(Ledger.read(state.counts(), StepCounter.State.class)));
        if (earlier.isPresent() && earlier.get().done()) {
            return counter.report(); // finished before the run was interrupted
        }
        var rows = database.count(source);
        run.listener().stepStarted(mapping.name(), source.name(), targetName, rows);
        var writer = writes ? new RowWriter(run.target(), target, mapping, run.targetDatabase(), run.ids(), run.batchSize(), counter, exporter(), this::renamed, run.created()) : null;
        Object lastKey = earlier.map(Ledger.StepState::lastKey).orElse(null);
        var readAhead = pagedFromV2(rows) ? readAhead(database, source, (String) lastKey) : null;
        var writeBehind = pagedFromV2(rows) && writer != null && writesBehind() ? new WriteBehind(mapping.name()) : null;
        Database lookupReader = null;
        var own = new Evaluation(lookups, evaluator, pages); // given back after the run, for traces and checks
        try {
            if (writeBehind != null) {
                // Lookups on a second connection that sees this run's uncommitted rows (those of ensure rules too):
                // the next page's keys are then fetched while the page before is written. Not on SQLite.
                lookupReader = run.target().openReaderOfUncommitted().orElse(null); // else the first recording round only
                if (lookupReader != null) {
                    evaluateWith(lookupReader); // the step's own lookups have read nothing yet
                }
            }
            Iterable<List<Map<String, Object>>> sourcePages = readAhead != null ? readAhead
                    : new RowReader(database, source, mapping.key(), run.batchSize(), (String) lastKey);
            var pagesLeft = sourcePages.iterator();
            while (true) {
                var page = nextPage(pagesLeft, writeBehind);
                if (page == null) {
                    break;
                }
                var outcomes = pages.evaluate(page, this::transform, writeBehind != null ? writeBehind : PageEvaluation.Quiet.NONE);
                // with write-behind, the page before is written by now (its rows counted, its progress committed)
                counter.read(page.size());
                for (var outcome : outcomes) {
                    if (outcome instanceof Outcome.Write write && writer == null) {
                        counter.passedOver("checked; this mapping writes nothing");
                    } else if (outcome instanceof Outcome.Write write) {
                        write.notes().forEach(note -> counter.note(write.sourceKey(), note));
                        writer.add(write);
                    } else if (outcome instanceof Outcome.Skip skip) {
                        counter.skipped(skip.sourceKey(), skip.reason());
                    } else if (outcome instanceof Outcome.PassOver pass) {
                        counter.passedOver(pass.reason());
                    }
                }
                var pageKey = page.get(page.size() - 1).get(mapping.key());
                lastKey = pageKey;
                Runnable write = () -> {
                    if (writer != null) {
                        writer.flush();
                    }
                    run.listener().progress(mapping.name(), counter.rowsRead());
                    run.checkpoints().pageDone(mapping.name(), pageKey, counter, false);
                };
                if (writeBehind != null) {
                    writeBehind.schedule(write); // runs while the next page's first round needs no database
                } else {
                    write.run();
                    lookups.pageWritten();
                }
            }
            if (writeBehind != null) {
                writeBehind.flush(); // no lookup reads the written table (writesBehind), so none has misses to forget
            }
        } finally {
            if (writeBehind != null) {
                writeBehind.close();
            }
            if (readAhead != null) {
                readAhead.close();
            }
            lookups.close();
            if (lookupReader != null) {
                lookupReader.close();
                lookups = own.lookups();
                evaluator = own.evaluator();
                pages = own.pages();
            }
        }
        run.checkpoints().pageDone(mapping.name(), lastKey, counter, true);
        var report = counter.report();
        run.listener().stepFinished(report);
        return report;
    }

    /**
     * Whether the source is V2's and has more than a page: then its next page is read on a second
     * connection while this one is worked on ({@link ReadAhead}), and a page may be written while
     * the next is worked out ({@link WriteBehind}). Never for V3's tables, whose rows this run's own
     * transaction may have written, and which are read on the connection the write uses.
     */
    private boolean pagedFromV2(long rows) {
        return mapping.sourceSide() == Side.SOURCE && rows > run.batchSize();
    }

    /** V2's pages read ahead on a second connection; null when V2 refuses another connection: its pages are then read on the one. */
    private ReadAhead readAhead(Database database, Table source, String lastKey) {
        try {
            return new ReadAhead(database, source, mapping.key(), run.batchSize(), lastKey);
        } catch (DatabaseException e) {
            return null;
        }
    }

    /**
     * The next page, or null after the last. When reading it fails, the page before is written
     * first, as it was before the next one was read without write-behind.
     */
    private static List<Map<String, Object>> nextPage(Iterator<List<Map<String, Object>>> pages, WriteBehind writeBehind) {
        try {
            return pages.hasNext() ? pages.next() : null;
        } catch (RuntimeException | Error e) {
            if (writeBehind != null) {
                try {
                    writeBehind.flush();
                } catch (RuntimeException | Error also) {
                    e.addSuppressed(also);
                }
            }
            throw e;
        }
    }

    /**
     * Whether a page is written while the next one is worked out ({@link WriteBehind}): only where
     * nothing the evaluation reads can change with the write. No lookup reads the table the step
     * writes (the next page's keys are fetched before the page before is written), and an
     * {@code on_conflict} expression, evaluated by the write, reads neither lookups nor {@code val.}
     * (which may read lookups), whose caches the evaluation is using meanwhile.
     */
    private boolean writesBehind() {
        var written = run.target().table(mapping.target()).name();
        var readsWritten = mapping.lookups().values().stream()
                .anyMatch(spec -> spec.side() == Side.TARGET && run.target().table(spec.table()).name().equals(written));
        var rename = mapping.onConflict() == null ? null : mapping.onConflict().expr();
        var renameReadsLookups = rename != null && rename.variables().stream()
                .anyMatch(path -> !path.isEmpty() && (path.get(0).equals("lookup") || path.get(0).equals("val")));
        return !readsWritten && !renameReadsLookups;
    }

    /** The value the {@code on_conflict} expression gives a row at try {@code n} (2, 3, ...). */
    private Object renamed(Outcome.Write row, int n) {
        var context = evaluator.context(row.source(), row.values());
        context.set("conflict", Map.of("n", n));
        try {
            return mapping.onConflict().expr().evaluate(context);
        } catch (Expression.ExpressionFailure e) {
            throw failed(e, row.sourceKey());
        }
    }

    /** Writes the mapping's export line for each written row, when it has an export. */
    private Consumer<Outcome.Write> exporter() {
        var export = mapping.export();
        if (export == null) {
            return row -> { };
        }
        var file = run.exports().file(export.file(), List.copyOf(export.columns().keySet()));
        return row -> file.accept(row.export());
    }

    /** The source row with this key, or null when there is none. */
    public Map<String, Object> sourceRow(Object key) {
        return sourceReader(1).rowWithKey(key);
    }

    /** The first {@code count} source rows, for previews. */
    public List<Map<String, Object>> firstRows(int count) {
        var iterator = sourceReader(count).iterator();
        return iterator.hasNext() ? iterator.next() : List.of();
    }

    private RowReader sourceReader(int pageSize) {
        var database = run.database(mapping.sourceSide());
        return new RowReader(database, database.table(mapping.source()), mapping.key(), pageSize);
    }

    /** Each condition and column rule applied to one row, with what it read and gave. */
    public Trace trace(Map<String, Object> row) {
        var steps = new ArrayList<Trace.Step>();
        var outcome = transform(row, steps);
        var text = outcome instanceof Outcome.Skip skip ? "left out: " + skip.reason()
                : outcome instanceof Outcome.PassOver passOver ? "passed on: " + passOver.reason()
                : "written";
        return new Trace(mapping.name(), outcome.sourceKey(), row, steps, text);
    }

    /** What the mapping makes of one source row. */
    public Outcome transform(Map<String, Object> row) {
        return transform(row, null);
    }

    /** The one transformation, for runs and traces alike; {@code steps}, when not null, receives what each condition and rule read and gave. */
    private Outcome transform(Map<String, Object> row, List<Trace.Step> steps) {
        var key = row.get(mapping.key());
        var values = new LinkedHashMap<String, Object>();
        var context = evaluator.context(row, values);
        for (var condition : mapping.only()) {
            var held = holds(condition.when(), context, row);
            if (steps != null) {
                steps.add(conditionStep("only: ", condition, row, held));
            }
            if (!held) {
                return new Outcome.PassOver(key, condition.text(context));
            }
        }
        for (var condition : mapping.skip()) {
            var held = holds(condition.when(), context, row);
            if (steps != null) {
                steps.add(conditionStep("skip: ", condition, row, held));
            }
            if (held) {
                return new Outcome.Skip(key, condition.text(context));
            }
        }
        var notes = new ArrayList<String>();
        for (var column : mapping.columns().entrySet()) {
            var result = evaluate(column.getValue(), row, context, key);
            if (steps != null) {
                var gave = result instanceof Evaluated.Value value ? value.value() : "left out: " + ((Evaluated.Skip) result).reason();
                steps.add(new Trace.Step(column.getKey(), column.getValue().where().toString(), valuesOf(column.getValue().sourceColumns(), row), gave));
            }
            if (result instanceof Evaluated.Skip skip) {
                return new Outcome.Skip(key, skip.reason());
            }
            var value = (Evaluated.Value) result;
            values.put(column.getKey(), value.value());
            notes.addAll(value.notes());
        }
        for (Condition condition : mapping.notes()) {
            if (holds(condition.when(), context, row)) {
                notes.add(condition.text(context));
            }
        }
        var export = new ArrayList<>();
        if (mapping.export() != null) {
            for (var rule : mapping.export().columns().values()) {
                var result = evaluate(rule, row, context, key);
                export.add(result instanceof Evaluated.Value value ? value.value() : null);
            }
        }
        return new Outcome.Write(key, values, List.copyOf(notes), export, row);
    }

    private static Trace.Step conditionStep(String kind, Condition condition, Map<String, Object> row, boolean held) {
        return new Trace.Step(kind + condition.text(), condition.when().where().toString(), valuesOf(condition.when().rowColumns(), row), held);
    }

    private static Map<String, Object> valuesOf(Set<String> columns, Map<String, Object> row) {
        var values = new LinkedHashMap<String, Object>();
        columns.forEach(column -> values.put(column, row.get(column)));
        return values;
    }

    private Evaluated evaluate(ColumnRule rule, Map<String, Object> row, MapContext context, Object key) {
        try {
            return evaluator.evaluate(rule, row, context);
        } catch (Expression.ExpressionFailure e) {
            throw failed(e, key);
        }
    }

    private boolean holds(Expression when, MapContext context, Map<String, Object> row) {
        try {
            return Boolean.TRUE.equals(when.evaluate(context));
        } catch (Expression.ExpressionFailure e) {
            throw failed(e, row.get(mapping.key()));
        }
    }

    private DataException failed(Expression.ExpressionFailure e, Object key) {
        return failed(mapping, run, e, key);
    }

    /** An expression failed on a source row: where, on which row, and how to fix it. */
    static DataException failed(RowMapping mapping, RunContext run, Expression.ExpressionFailure e, Object key) {
        return new DataException(e.expression().where() + ": the expression failed on the source row with key " + key
                + " of " + run.database(mapping.sourceSide()).prefix() + mapping.source() + ": " + e.getMessage(),
                "make the expression handle this value (e.g. with ?? for missing values), or leave such rows out with a 'skip' condition", e);
    }
}
