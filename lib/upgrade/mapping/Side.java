package upgrade.mapping;

/** Which database a table is read from: V2 (the source) or V3 (the target, including rows this run wrote). */
public enum Side {
    SOURCE, TARGET;

    /** The YAML key that names a table on this side: {@code source: TABLE} or {@code target: TABLE}. */
    public String yamlKey() {
        return this == SOURCE ? "source" : "target";
    }
}
