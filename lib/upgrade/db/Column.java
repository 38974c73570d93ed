package upgrade.db;

import java.sql.Types;

/** One column of a live table, as the database describes it. */
public record Column(String name, int jdbcType, String typeName, int size, boolean nullable, boolean autoIncrement) {

    /** Text columns: where the target declares that text must not be NULL (target.yaml), these are the ones. */
    public boolean isText() {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                 Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> true;
            default -> false;
        };
    }

    /** Date and time columns: read as wall-clock text so that zero dates and zones stay visible. */
    public boolean isTemporal() {
        return switch (jdbcType) {
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE,
                 Types.TIME_WITH_TIMEZONE -> true;
            default -> false;
        };
    }

    /** Whole numbers: staged lookups keep such values as numbers. */
    public boolean isInteger() {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> true;
            default -> false;
        };
    }

    /** The most characters a VARCHAR/CHAR column holds; 0 when the type has no practical limit. */
    public int maxChars() {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> size;
            default -> 0;
        };
    }
}
