package upgrade.db;

import java.util.List;
import java.util.Optional;

/**
 * The temporary table a staged lookup copies a source table into, on the target connection:
 * <ul>
 *   <li>{@code seq}: the row's place in the source's key order (a whole number);</li>
 *   <li>{@code k}: a digest of the staged values, {@value #DIGEST_CHARS} ASCII characters, the primary key;</li>
 *   <li>{@code c0, c1, ...}: the staged values as text, each compared as its source column compares
 *       ({@code comparisons}; empty: exactly, byte for byte); the first {@code keyColumns} are indexed;</li>
 *   <li>{@code v}: the value the lookup gives, a whole number when {@code integerValue}, else text.</li>
 * </ul>
 */
public record StageTable(String name, List<Optional<TextComparison>> comparisons, int keyColumns, boolean integerValue) {
    public static final int DIGEST_CHARS = 32;

    public StageTable {
        comparisons = List.copyOf(comparisons);
    }

    /** The names of the staged value columns, in order. */
    public List<String> valueColumns() {
        return java.util.stream.IntStream.range(0, comparisons.size()).mapToObj(c -> "c" + c).toList();
    }
}
