package upgrade.mapping;

import upgrade.db.Column;
import upgrade.db.Table;

import java.util.List;
import java.util.Set;

/**
 * The database the mappings write, as a whole, as {@value MappingLoader#TARGET_FILE} declares it:
 * what messages call it, and whether the application on it reads every text column as a string
 * that cannot be NULL. Then each text column a mapping writes must get a value (the columns
 * under its {@code nullable} aside): the loader checks the rules, the writer every row, and
 * {@code verify} the tables.
 *
 * @param name        the database as messages name it, e.g. "the V3 tables"
 * @param textNotNull no text column may be NULL but those a mapping lists under {@code nullable}
 */
public record TargetDatabase(String name, boolean textNotNull) {
    /** A target nothing is declared about: NULL goes where the columns allow it. */
    public static final TargetDatabase UNDECLARED = new TargetDatabase("target", false);

    /** True when {@code column} must not receive NULL, given the columns a mapping lists as nullable. */
    public boolean refusesNull(Column column, Set<String> nullable) {
        return textNotNull && column.isText() && !nullable.contains(column.name());
    }

    /** Why a NULL there is refused, for messages: "NAME reads this column as a string". */
    public String whyNotNull() {
        return name + " reads this column as a string";
    }

    /**
     * Refuses a mapping that inserts rows but fills no value into a text column that must not be
     * NULL. An update leaves the columns it does not name as they are, so it is not asked.
     */
    public void requireTextFilled(RowMapping mapping, Table into) {
        if (mapping.write() == WriteMode.UPDATE || mapping.write() == WriteMode.NONE) {
            return;
        }
        for (var column : into.columns()) {
            var covered = mapping.columns().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
            if (!covered && refusesNull(column, mapping.nullable())) {
                throw new MappingException(mapping.columnsAt(), "nothing fills the text column '" + into.name() + "." + column.name()
                        + "', which " + name + " reads as a string (it would be NULL)",
                        "add a rule such as '" + column.name() + ": {value: \"\"}' under columns, or list it under 'nullable' if NULL is right");
            }
        }
    }

    /** The known keys of the file, for the loader. */
    static final List<String> KEYS = List.of("name", "text_not_null");
}
