package upgrade.mapping;

/** How rows reach the target table. */
public enum WriteMode {
    /** Plain inserts. */
    INSERT,
    /** Inserts that first remove target rows with the same key: V2 rows replace the rows V3 seeded. */
    REPLACE,
    /** Updates target rows found by the natural key; rows not found are inserted. */
    UPDATE;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
