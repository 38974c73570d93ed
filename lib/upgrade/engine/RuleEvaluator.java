package upgrade.engine;

import org.apache.commons.jexl3.MapContext;
import upgrade.expr.Expression;
import upgrade.expr.LetValues;
import upgrade.expr.LookupTable;
import upgrade.rules.ColumnRule;
import upgrade.rules.EnsureRule;
import upgrade.rules.Evaluated;
import upgrade.rules.RuleRuntime;

import java.util.Map;

/** Applies column rules to one source row: gives them the row's context, the step's lookups and its {@link Ensurer}. */
public final class RuleEvaluator implements RuleRuntime {
    private final Map<String, Object> params;
    private final Map<String, LookupTable> lookups;
    private final Ensurer ensurer;
    private final Map<String, Expression> lets;
    private boolean recording;
    private long recordingAsked;

    /**
     * @param ensurer may be null where no mapping can use {@code ensure} rules
     * @param lets    the mapping's {@code let:} values, read as {@code val.NAME}
     */
    RuleEvaluator(Map<String, Object> params, Map<String, LookupTable> lookups, Ensurer ensurer, Map<String, Expression> lets) {
        this.params = params;
        this.lookups = lookups;
        this.ensurer = ensurer;
        this.lets = lets;
    }

    /** While recording (see {@link PageEvaluation}), ensure rules create nothing and give null. */
    void recording(boolean on) {
        recording = on;
    }

    /**
     * How often, while recording, a rule asked whether it was ({@link #recording()}): such a rule
     * gives another result than it would for real (an ensure rule gives null), so the row's
     * evaluation is not the real one.
     */
    long recordingAsked() {
        return recordingAsked;
    }

    /**
     * The expression context for a row: {@code row}, {@code param}, {@code lookup}, {@code val}
     * (the mapping's let: values, each worked out once for the row), and {@code col}, the target
     * values computed so far (the caller fills it as it evaluates the columns).
     */
    public MapContext context(Map<String, Object> row, Map<String, Object> columnsSoFar) {
        var context = new MapContext();
        context.set("row", row);
        context.set("col", columnsSoFar);
        context.set("param", params);
        context.set("lookup", lookups);
        context.set("val", new LetValues(lets, context));
        return context;
    }

    public Evaluated evaluate(ColumnRule rule, Map<String, Object> row, MapContext context) {
        return rule.evaluate(this, row, context);
    }

    @Override
    public LookupTable lookup(String name) {
        return lookups.get(name);
    }

    @Override
    public boolean recording() {
        if (recording) {
            recordingAsked++;
        }
        return recording;
    }

    @Override
    public EnsureRule.Ensured ensure(EnsureRule rule, Map<String, Object> match, Map<String, Object> set) {
        if (ensurer == null) {
            throw new IllegalStateException("'ensure' rules are not available in key-value mappings");
        }
        return ensurer.ensure(rule.table(), match, set, rule.value(), rule.avoid());
    }
}
