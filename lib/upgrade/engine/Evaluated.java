package upgrade.engine;

import java.util.ArrayList;
import java.util.List;

/** The result of applying a rule to a row: a value (with any notes it earned the row), or the decision to leave the row out. */
public sealed interface Evaluated {
    record Value(Object value, List<String> notes) implements Evaluated {
        public Value(Object value) {
            this(value, List.of());
        }

        /** The same value with more notes. */
        Value withNotes(List<String> more) {
            if (more.isEmpty()) {
                return this;
            }
            var all = new ArrayList<>(notes);
            all.addAll(more);
            return new Value(value, List.copyOf(all));
        }
    }

    record Skip(String reason) implements Evaluated {}
}
