package upgrade.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A row as {@link RowWriter} binds it: its values in column order; the notes counted once it is
 * written (listing, note: texts cut to fit, a value another table holds); and for
 * {@code on_conflict}, the value its tries start from, the try its value is (1: that value itself)
 * and the row that held the key it first collided with.
 */
record BoundRow(Outcome.Write row, List<Object> values, List<Map.Entry<String, String>> notes, Object start, int n, String takenBy) {
    BoundRow {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // may hold NULL
        notes = List.copyOf(notes);
    }

    BoundRow renamed(List<Object> values, List<Map.Entry<String, String>> notes, Object start, int n, String takenBy) {
        return new BoundRow(row, values, notes, start, n, takenBy);
    }
}
