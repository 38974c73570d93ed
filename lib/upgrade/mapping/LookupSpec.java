package upgrade.mapping;

/**
 * A table a mapping looks values up in: rows of {@code table} on the {@code side} database whose
 * {@code key} column equals the key give their {@code value} column. Target-side lookups see the
 * rows this run already wrote.
 */
public record LookupSpec(String name, Where where, Side side, String table, String key, String value) {
    /** Which database the lookup reads. */
    public enum Side { SOURCE, TARGET }
}
