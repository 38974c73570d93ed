package upgrade.rules;

import upgrade.expr.LookupTable;

import java.util.Map;

/** What rules are worked out with in a run ({@code upgrade.engine.RuleEvaluator} gives it). */
public interface RuleRuntime {
    /** A declared lookup, ready. */
    LookupTable lookup(String name);

    /** Whether the step is only recording what its rows look up (then an ensure rule creates nothing and gives null). */
    boolean recording();

    /** The row of {@code rule.table()} that {@code match} finds, created with {@code set} when none does. */
    EnsureRule.Ensured ensure(EnsureRule rule, Map<String, Object> match, Map<String, Object> set);
}
