package upgrade.check;

import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.mapping.TargetDatabase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The checks the engine itself needs, whatever the mappings say: the tables it writes must be
 * transactional (each page is committed with its progress, and a page that fails is rolled back)
 * and able to hold any text (4-byte characters); and, where the target declares that text must not
 * be NULL ({@link TargetDatabase#textNotNull()}), no text column of the tables written holds NULL.
 * Their titles name the target as it declares itself ("the V3 tables").
 */
public final class ToolkitChecks {
    private static final String ORIGIN = "toolkit";

    private ToolkitChecks() {}

    public static CheckResult transactional(Database target, Collection<Table> tables, TargetDatabase declared) {
        var failures = new ArrayList<String>();
        for (var table : tables) {
            target.notTransactional(table).ifPresent(why -> failures.add(table.name() + " " + why));
        }
        return new CheckResult("the " + declared.name() + " tables are transactional (InnoDB)", ORIGIN, failures,
                "convert each table named: ALTER TABLE `NAME` ENGINE=InnoDB; a table made without transactions cannot be written page by page");
    }

    public static CheckResult fourByteText(Database target, Collection<Table> tables, TargetDatabase declared) {
        var failures = new ArrayList<String>();
        for (var table : tables) {
            var columns = target.textColumnsWithoutFourByteCharacters(table);
            if (!columns.isEmpty()) {
                failures.add(table.name() + ": " + String.join(", ", columns));
            }
        }
        return new CheckResult("the " + declared.name() + " text columns can hold every character (utf8mb4)", ORIGIN, failures,
                "the tables were made in the database's default character set; convert each table named: "
                        + "ALTER TABLE `NAME` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci, and have "
                        + declared.name() + " make its tables in utf8mb4 from then on");
    }

    /** Text columns holding NULL where the target declares that text must not be NULL and no mapping allows it. */
    public static CheckResult noNullText(Database target, Map<Table, Set<String>> nullableByTable, TargetDatabase declared) {
        var failures = new ArrayList<String>();
        for (var entry : nullableByTable.entrySet()) {
            var table = entry.getKey();
            for (var column : table.columns()) {
                if (declared.refusesNull(column, entry.getValue())) {
                    var count = target.handle().createQuery(target.sql().countNull(table.name(), column.name())).mapTo(Long.class).one();
                    if (count > 0) {
                        failures.add(table.name() + "." + column.name() + " is NULL in " + count + " row(s)");
                    }
                }
            }
        }
        return new CheckResult("no NULL where " + declared.name() + " reads a string", ORIGIN, failures,
                declared.name() + " reads these columns as plain strings; the rows named were not written by this upgrade"
                        + " (or a mapping lists the column as nullable)");
    }
}
