package upgrade.mapping;

import java.util.Locale;

/** How rows reach the target table. */
public enum WriteMode {
    /** Plain inserts. */
    INSERT,
    /** Inserts that first remove target rows with the same key: V2 rows replace the rows V3 seeded. */
    REPLACE,
    /** Updates target rows found by the natural key; rows not found are inserted. */
    UPDATE,
    /** Writes nothing: the mapping only reads, to check rows or to count them as dropped by design. */
    NONE;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
