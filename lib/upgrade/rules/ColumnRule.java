package upgrade.rules;

import org.apache.commons.jexl3.MapContext;
import upgrade.db.Table;
import upgrade.mapping.Where;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How one target column gets its value: a parsed rule of one of the {@link RuleKinds}. In YAML each
 * rule is a small map with one kind key, e.g. {@code {copy: user_email}} or {@code {value: ''}}.
 * The rule itself knows how it is checked, what it reads and how it is worked out, so no other
 * class asks which kind a rule is.
 */
public interface ColumnRule {
    Where where();

    /** Checks it (and the rules within it) against the live schemas, through {@code check}. */
    void check(RuleCheck check);

    /** Checks it as the whole rule of the target column {@code column} of {@code into}. */
    default void checkTarget(Table into, String column) {
    }

    /** Adds the source columns (or, in key-value mappings, the source names) it reads. */
    default void columnsRead(Set<String> names) {
    }

    /** The source columns it reads, in the order it reads them. */
    default Set<String> sourceColumns() {
        var names = new LinkedHashSet<String>();
        columnsRead(names);
        return names;
    }

    /** The most characters it can give when that can be seen without running it (for {@code fit: exact}); empty when unknown. */
    default OptionalInt longest(Table from) {
        return OptionalInt.empty();
    }

    /** Whether a cut text of it breaks (cut JSON does not parse): such a rule is never cut. */
    default boolean breaksWhenCut() {
        return false;
    }

    /** Its value for one source row; {@code context} is the row's expression context. */
    Evaluated evaluate(RuleRuntime runtime, Map<String, Object> row, MapContext context);
}
