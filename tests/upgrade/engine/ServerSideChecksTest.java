package upgrade.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.check.CheckResult;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.RowMapping;
import upgrade.mapping.MappingFiles;
import upgrade.support.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Checks the database runs ({@link ServerSideChecks}) find exactly what evaluating every row here
 * finds: the same verify mapping is run as written (its conditions have SQL forms) and with each
 * condition behind {@code fn:blank('') &&} (the same meaning, but no SQL form), on a table of
 * more than two ranges with edge cases of each comparison planted.
 */
class ServerSideChecksTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int ROWS = 2 * ServerSideChecks.RANGE + 1234;

    private static final String CHECKS = """
            phase: verify
            source: {target: items}
            key: id
            write: none
            lookups:
              owner: {target: owners, key: id}
              folder_owner: {target: folders, key: id, value: owner_id}
              folder_named: {target: folders, key: [parent_id, name], value: id}
              same_name: {target: items, key: [folder_id, name], count: true}
            only:
              - when: "row.id != 13"
                reason: "left alone"
            refuse:
              - check: "the owner exists"
                when: "!lookup.owner.has(row.owner_id)"
                message: "item ${row.id} has no owner ${row.owner_id}"
              - check: "the item is in a folder of its owner"
                when: "lookup.folder_owner.get(row.folder_id) != row.owner_id"
                message: "item ${row.id} is in folder ${row.folder_id}"
              - check: "names are unique in a folder"
                when: "row.folder_id != null && lookup.same_name.get(row.folder_id, row.name) > 1"
                message: "item ${row.id} '${row.name}' is not alone"
              - check: "no item has a folder's name"
                when: "lookup.folder_named.has(row.folder_id, row.name)"
                message: "item ${row.id} '${row.name}' is named like a folder"
              - check: "directories have no note, others not 'folder'"
                when: "row.is_dir ? row.note != null : row.note == 'folder'"
                message: "item ${row.id} has note ${row.note}"
              - check: "an item noted 'keep' is called exactly 'keep'"
                when: "row.note == 'keep' && row.name != 'keep' || row.folder_id == null && row.name == '/'"
                message: "item ${row.id} is called '${row.name}'"
            """;

    private final MariaDbServer server = TestServer.get();
    private String database;
    private final List<Path> directories = new ArrayList<>();

    @BeforeEach
    void createTheTables() {
        database = "t_checks_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        server.recreateDatabase(database);
        server.execute(database, "CREATE TABLE owners (id INT PRIMARY KEY) ENGINE=InnoDB");
        server.execute(database, "CREATE TABLE folders (id INT PRIMARY KEY, owner_id INT NOT NULL, parent_id INT NULL,"
                + " name VARCHAR(40) NOT NULL, UNIQUE KEY parent_name (parent_id, name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        server.execute(database, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, owner_id INT NOT NULL, folder_id INT NULL,"
                + " is_dir TINYINT(1) NOT NULL, note VARCHAR(20) NULL, KEY folder_name (folder_id, name))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        server.execute(database, "INSERT INTO owners VALUES (1), (2)");
        server.execute(database, "INSERT INTO folders VALUES (1, 1, NULL, '/'), (2, 2, NULL, '/'), (3, 1, 1, 'Photos')");
        // every row passes: owner 1 or 2 in its own root, a unique name
        server.execute(database, "INSERT INTO items SELECT seq, CONCAT('item ', seq), 1 + seq % 2, 1 + seq % 2, 0, NULL FROM seq_1_to_" + ROWS);
        // then edge cases, spread over the ranges
        server.execute(database, "UPDATE items SET owner_id = 9, folder_id = NULL WHERE id IN (5, 60001, 100002)");            // no owner, no folder
        server.execute(database, "UPDATE items SET owner_id = 1, folder_id = 2 WHERE id IN (8, 70002)");                       // owner 2's root, owner 1's item
        server.execute(database, "UPDATE items SET owner_id = 2, folder_id = 2, name = 'item 11 ' WHERE id = 12");             // 'item 11' by the collation
        server.execute(database, "UPDATE items SET owner_id = 1, folder_id = 1, name = 'PHOTOS' WHERE id = 21");               // a folder's name, by the collation
        server.execute(database, "UPDATE items SET owner_id = 1, folder_id = 1, name = 'Photos' WHERE id = 23");
        server.execute(database, "UPDATE items SET is_dir = 1, note = 'x' WHERE id IN (31, 50001)");                            // a directory with a note
        server.execute(database, "UPDATE items SET note = 'folder' WHERE id IN (33, 99999)");
        server.execute(database, "UPDATE items SET note = 'FOLDER' WHERE id = 35");                                             // not 'folder' to Java
        server.execute(database, "UPDATE items SET note = 'keep', name = 'Keep' WHERE id = 41");                                // not 'keep' to Java
        server.execute(database, "UPDATE items SET note = 'keep', name = 'keep ' WHERE id = 43");                               // nor is 'keep '
        server.execute(database, "UPDATE items SET note = 'keep', name = 'keep' WHERE id = 45");
        server.execute(database, "UPDATE items SET folder_id = NULL, name = '/' WHERE id = 47");                                // no folder, so no owner's either
        server.execute(database, "UPDATE items SET owner_id = 9 WHERE id = 13");                                                // not the mapping's row
        // more failures of one check than a check keeps: the first ones in key order stay
        server.execute(database, "UPDATE items SET is_dir = 1, note = 'many' WHERE id > 100000 AND id % 2 = 0 AND id <> 100002");
    }

    @AfterEach
    void dropTheTables() throws IOException {
        server.dropDatabase(database);
        for (var directory : directories) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theDatabaseFindsWhatEvaluatingEveryRowFinds() throws IOException {
        var inTheDatabase = verify(CHECKS);
        var rowByRow = verify(CHECKS.replaceAll("when: \"(.*)\"", "when: \"fn:blank('') && ($1)\""));

        assertThat(inTheDatabase).isEqualTo(rowByRow);
        assertThat(inTheDatabase.get(0).failures()).containsExactly(
                "items row 5: item 5 has no owner 9", "items row 60001: item 60001 has no owner 9", "items row 100002: item 100002 has no owner 9");
        assertThat(inTheDatabase.get(1).failures()).containsExactly(
                "items row 5: item 5 is in folder ", "items row 8: item 8 is in folder 2", "items row 47: item 47 is in folder ",
                "items row 60001: item 60001 is in folder ", "items row 70002: item 70002 is in folder 2", "items row 100002: item 100002 is in folder ");
        assertThat(inTheDatabase.get(2).failures()).containsExactly(
                "items row 11: item 11 'item 11' is not alone", "items row 12: item 12 'item 11 ' is not alone",
                "items row 21: item 21 'PHOTOS' is not alone", "items row 23: item 23 'Photos' is not alone",
                // 'Keep', 'keep ' and 'keep' in one folder: one name by the collation, as for the table's unique keys
                "items row 41: item 41 'Keep' is not alone", "items row 43: item 43 'keep ' is not alone", "items row 45: item 45 'keep' is not alone");
        assertThat(inTheDatabase.get(3).failures()).containsExactly(
                "items row 21: item 21 'PHOTOS' is named like a folder", "items row 23: item 23 'Photos' is named like a folder");
        assertThat(inTheDatabase.get(4).failures()).hasSize(CheckResult.FAILURES_KEPT)
                .startsWith("items row 31: item 31 has note x", "items row 33: item 33 has note folder", "items row 50001: item 50001 has note x",
                        "items row 99999: item 99999 has note folder", "items row 100004: item 100004 has note many");
        assertThat(inTheDatabase.get(5).failures()).containsExactly(
                "items row 41: item 41 is called 'Keep'", "items row 43: item 43 is called 'keep '", "items row 47: item 47 is called '/'");
    }

    @Test
    void aRowTheExpressionFailsOnStopsTheChecksEitherWay() throws IOException {
        // a key with a NULL part finds nothing, so the count is null, and '>' refuses null
        var failing = CHECKS.replace("row.folder_id != null && lookup.same_name", "lookup.same_name");
        var inTheDatabase = catchThrowableOfType(() -> verify(failing), DataException.class);
        var rowByRow = catchThrowableOfType(() -> verify(failing.replaceAll("when: \"(.*)\"", "when: \"fn:blank('') && ($1)\"")),
                DataException.class);

        assertThat(inTheDatabase.getMessage()).contains("failed on the source row with key 5 of items", "null operand");
        assertThat(rowByRow.getMessage()).contains("failed on the source row with key 5 of items", "null operand");
    }

    @Test
    void aLookupKeyOfAnotherCollationIsComparedAsTheLookupComparesIt() throws IOException {
        // a _bin key column, compared with the checked row's _ci column: the server would pick one collation for the
        // pair ('FOLDER' would find 'folder'), the lookup binds the row's value and compares by the key column's
        // (it does not): such a check is evaluated row by row
        server.execute(database, "CREATE TABLE tags (name VARCHAR(20) COLLATE utf8mb4_bin PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        server.execute(database, "INSERT INTO tags VALUES ('x'), ('folder')");
        var tagged = """
                phase: verify
                source: {target: items}
                key: id
                write: none
                lookups:
                  tag: {target: tags, key: name}
                refuse:
                  - check: "an item's note is a tag"
                    when: "row.note != null && !lookup.tag.has(row.note)"
                    message: "item ${row.id} has note ${row.note}"
                """;

        var failures = verify(tagged).get(0).failures();

        assertThat(failures).hasSize(CheckResult.FAILURES_KEPT)
                .startsWith("items row 35: item 35 has note FOLDER", "items row 41: item 41 has note keep", "items row 43: item 43 has note keep",
                        "items row 45: item 45 has note keep", "items row 100004: item 100004 has note many");
        assertThat(failures).isEqualTo(verify(tagged.replaceAll("when: \"(.*)\"", "when: \"fn:blank('') && ($1)\"")).get(0).failures());
    }

    @Test
    void theBundledChecksOnFilesFoldersAndSharesRunInTheDatabase() {
        var v3 = database + "_v3";
        server.recreateDatabase(v3);
        DemoSite.createV3(server, v3, "");
        var bundled = MappingFiles.bundled();
        var set = new MappingLoader(new Expressions(new Builtins(ZoneId.of("UTC"), Instant.now())))
                .load(bundled.forVersion(List.of("3.0.0"), MappingLoader.versions(bundled)));
        try (var target = Database.open(new ConnectionSpec("V3 database", "--to", server.url(v3), null), Database.Role.TARGET, "")) {
            for (var name : List.of("verify-files", "verify-folders", "verify-shares", "verify-users")) {
                var mapping = (RowMapping) set.find(name).orElseThrow();
                var translator = new ConditionInSql(target.dialect(), target.table(mapping.source()), "r", mapping.lookups(),
                        spec -> Optional.of(target.table(spec.table())), table -> target.dialect().textComparisons(target.handle(), table.name()));
                for (var check : mapping.refuse()) {
                    var inSql = translator.of(check.expression());
                    if (check.expression().text().contains("=~") || check.expression().text().contains("fn:")) {
                        assertThat(inSql).as(name + ": " + check.title() + " (a regular expression or a function)").isEmpty();
                    } else {
                        assertThat(inSql).as(name + ": " + check.title()).isPresent();
                    }
                }
            }
        } finally {
            server.dropDatabase(v3);
        }
    }

    private List<CheckResult> verify(String mapping) throws IOException {
        var directory = Files.createTempDirectory("checks-");
        directories.add(directory);
        Files.writeString(directory.resolve("verify-items.yaml"), mapping);
        var options = UpgradeOptions.defaults().withV3Prefix("").withMappings(MappingFiles.directory(directory))
                .withExportDirectory(directory);
        try (var upgrade = Upgrade.openV3(server.url(database), options)) {
            return upgrade.verify().results();
        }
    }
}
