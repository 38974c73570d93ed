package upgrade.run;

import upgrade.Trace;
import upgrade.db.DatabaseException;
import upgrade.engine.RowReader;
import upgrade.engine.RowStep;
import upgrade.engine.RunListener;
import upgrade.mapping.RowMapping;
import upgrade.plan.MappingKinds;
import upgrade.plan.Plan;
import upgrade.plan.PlannedStep;
import upgrade.report.StepReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One mapping, one row, by hand (from JShell): what a mapping makes of rows, and a single step run on its own. */
public final class ByHand {
    private final Session session;

    public ByHand(Session session) {
        this.session = session;
    }

    /** What the mapping {@code name} would make of its first {@code rows} source rows (nothing is written). */
    public List<Trace> preview(Plan plan, String name, int rows) {
        var step = rowStep(plan, name);
        return step.firstRows(rows).stream().map(step::trace).toList();
    }

    /** One source row (by its key) through the mapping {@code name}: each rule's input and output (nothing is written). */
    public Trace trace(Plan plan, String name, Object key) {
        var step = rowStep(plan, name);
        var row = step.sourceRow(key);
        if (row == null) {
            throw new DatabaseException("mapping '" + name + "' has no source row with key " + key, "preview(\"" + name + "\", 5) shows the first rows");
        }
        return step.trace(row);
    }

    /** A source row and the target row with the same key, side by side. */
    public Map<String, Map<String, Object>> compare(Plan plan, String name, Object key) {
        var mapping = rowMapping(plan, name);
        var target = session.target();
        var v3 = new RowReader(target, target.table(mapping.target()), mapping.targetKey().get(0), 1).rowWithKey(key);
        var pair = new LinkedHashMap<String, Map<String, Object>>();
        pair.put("v2", new RowStep(mapping, session.context(plan, RunListener.NONE, false)).sourceRow(key));
        pair.put("v3", v3);
        return pair;
    }

    /** Runs just the mapping {@code name} and commits it, without checks or ledger: to try one table by hand. */
    public StepReport runOne(Plan plan, String name) {
        var step = plan.requireFull().step(name).orElseThrow(() -> new DatabaseException("no mapping named '" + name + "'",
                "mappings().mappings() lists them"));
        var handle = session.target().handle();
        handle.begin();
        try {
            var report = step.step(session.inputs(session.context(plan, RunListener.NONE, false), false)).run()
                    .orElseThrow(() -> new DatabaseException("mapping '" + name + "' reads no rows: it only checks", "check() makes its checks"));
            handle.commit();
            return report;
        } catch (RuntimeException e) {
            session.target().rollbackQuietly(); // a lost connection has nothing to roll back: the failure that lost it is told
            throw e;
        }
    }

    private RowStep rowStep(Plan plan, String name) {
        return new RowStep(rowMapping(plan, name), session.context(plan, RunListener.NONE, false));
    }

    private static RowMapping rowMapping(Plan plan, String name) {
        return plan.step(name).map(PlannedStep::mapping).flatMap(mapping -> MappingKinds.as(mapping, MappingKinds.ROWS))
                .orElseThrow(() -> new DatabaseException("no row mapping named '" + name + "'", "mappings().mappings() lists them"));
    }
}
