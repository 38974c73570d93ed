package upgrade.db;

/** Kinds of values in the tables the toolkit creates itself (its ledger); the {@link Dialect} names their types. */
public enum ColumnType {
    /** A whole number up to 2^63. */
    BIGINT,
    /** A small whole number. */
    INT,
    /** True or false. */
    BOOLEAN,
    /** A short text that can be a primary key or be indexed (up to 191 characters). */
    KEY_TEXT,
    /** A text of any length. */
    LONG_TEXT,
    /** A numeric id the database gives each new row: the table's primary key. */
    AUTO_ID
}
