package upgrade.check;

import upgrade.db.Database;
import upgrade.db.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The checks the engine itself needs, whatever the mappings say: the tables it writes must be
 * transactional (each page is committed with its progress, and a page that fails is rolled back)
 * and able to hold any text (4-byte characters), and no text column V3 reads as a string may hold NULL.
 */
public final class ToolkitChecks {
    private static final String ORIGIN = "toolkit";

    private ToolkitChecks() {}

    public static CheckResult transactional(Database target, Collection<Table> tables) {
        var failures = new ArrayList<String>();
        for (var table : tables) {
            target.notTransactional(table).ifPresent(why -> failures.add(table.name() + " " + why));
        }
        return new CheckResult("the V3 tables are transactional (InnoDB)", ORIGIN, failures,
                "convert each table named: ALTER TABLE `NAME` ENGINE=InnoDB; V3 creates InnoDB tables itself, so this is a V3 database made another way");
    }

    public static CheckResult fourByteText(Database target, Collection<Table> tables) {
        var failures = new ArrayList<String>();
        for (var table : tables) {
            var columns = target.textColumnsWithoutFourByteCharacters(table);
            if (!columns.isEmpty()) {
                failures.add(table.name() + ": " + String.join(", ", columns));
            }
        }
        return new CheckResult("the V3 text columns can hold every character (utf8mb4)", ORIGIN, failures,
                "V3 made its tables in the database's default character set; convert each table named: "
                        + "ALTER TABLE `NAME` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci (and set [Database] Charset = utf8mb4 in V3's conf.ini)");
    }

    /** Text columns holding NULL where the mappings do not allow it. */
    public static CheckResult noNullText(Database target, Map<Table, Set<String>> nullableByTable) {
        var failures = new ArrayList<String>();
        for (var entry : nullableByTable.entrySet()) {
            var table = entry.getKey();
            for (var column : table.columns()) {
                if (column.isText() && !entry.getValue().contains(column.name())) {
                    var count = target.handle().createQuery(target.sql().countNull(table.name(), column.name())).mapTo(Long.class).one();
                    if (count > 0) {
                        failures.add(table.name() + "." + column.name() + " is NULL in " + count + " row(s)");
                    }
                }
            }
        }
        return new CheckResult("no NULL where V3 reads a string", ORIGIN, failures,
                "V3 reads these columns as plain strings; the rows named were not written by this upgrade (or a mapping lists the column as nullable)");
    }

}
