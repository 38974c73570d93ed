package upgrade.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SQLite dialect on a real SQLite file: what a refused statement means (from SQLite's extended
 * result codes; it gives no SQLState), the statements whose form differs, and the stage that
 * compares V2's text as V2's MySQL did.
 */
class SqliteDialectTest {
    @TempDir
    Path dir;
    private Path file;
    private Database database;

    @BeforeEach
    void create() throws SQLException {
        file = dir.resolve("cloudreve.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            // as gorm makes V3's tables: an AUTOINCREMENT rowid, a unique index of its own
            statement.execute("CREATE TABLE \"t\" (\"id\" integer primary key autoincrement, \"email\" varchar(20) NOT NULL, \"v\" integer, \"created_at\" datetime)");
            statement.execute("CREATE UNIQUE INDEX uix_t_email ON \"t\"(\"email\")");
            statement.execute("CREATE INDEX idx_t_v ON \"t\"(\"v\")"); // not unique: no key (sqlite-jdbc lists it even when asked for unique ones)
            statement.execute("CREATE TABLE \"n\" (\"id\" integer primary key autoincrement, \"name\" varchar(255) COLLATE NOCASE, \"parent_id\" integer)");
            statement.execute("INSERT INTO t (id, email, v) VALUES (1, 'alice@example.com', 0), (2, 'bob@example.com', 0)");
        }
        database = Database.open(new ConnectionSpec("V3 database", "--to", ConnectionSpec.sqliteUrl(file), null), Database.Role.TARGET, "");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SqlError refusal(String sql) {
        try {
            database.handle().execute(sql);
        } catch (RuntimeException e) {
            return database.refusal(e);
        }
        throw new AssertionError("the statement was not refused: " + sql);
    }

    @Test
    void theDialectIsChosenByTheProductTheDriverNames() {
        assertThat(database.dialect()).isInstanceOf(SqliteDialect.class);
        assertThat(database.spec().databaseName()).isEqualTo(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void aMissingFileIsNotCreatedButNamed() {
        var missing = dir.resolve("v3/cloudreve.db");
        assertThatThrownBy(() -> Database.open(new ConnectionSpec("V3 database", "--to", "sqlite:" + missing, null), Database.Role.TARGET, ""))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("there is no SQLite file " + missing)
                .satisfies(e -> assertThat(((DatabaseException) e).hint()).contains("start Cloudreve V3 once"));
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDuplicateKeyIsToldApartFromTheOtherConstraintsOfItsResultCode() {
        assertThat(refusal("INSERT INTO t (id, email) VALUES (3, 'alice@example.com')")).as("unique index").isEqualTo(SqlError.DUPLICATE_KEY);
        assertThat(refusal("INSERT INTO t (id, email) VALUES (1, 'carol@example.com')")).as("rowid primary key").isEqualTo(SqlError.DUPLICATE_KEY);
        assertThat(refusal("INSERT INTO t (id, email) VALUES (3, NULL)")).as("NULL into NOT NULL, also SQLITE_CONSTRAINT").isEqualTo(SqlError.REFUSED);
        assertThat(refusal("INSERT INTO nowhere VALUES (1)")).as("no such table").isEqualTo(SqlError.REFUSED);
    }

    @Test
    void anotherWriterIsNoRowsFault() throws SQLException {
        try (var other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            other.setAutoCommit(false);
            other.createStatement().execute("UPDATE t SET v = 1 WHERE id = 1"); // holds the file's write lock until it ends
            database.handle().execute("PRAGMA busy_timeout = 100");
            var e = catchThrowableOfType(DatabaseInterruptedException.class, () -> refusal("UPDATE t SET v = 2 WHERE id = 2"));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(SqlError.LOCK_CONFLICT);
            assertThat(e.exitCode()).isEqualTo(4);
            other.rollback();
        }
    }

    @Test
    void insertKeepingFirstLeavesOutDuplicatesButNoOtherError() {
        var dialect = database.dialect();
        database.handle().createUpdate(dialect.insertKeepingFirst("t", List.of("id", "email", "v"), 2))
                .bind(0, 3).bind(1, "carol@example.com").bind(2, 1)
                .bind(3, 4).bind(4, "carol@example.com").bind(5, 2).execute();
        assertThat(database.handle().createQuery("SELECT id FROM t WHERE email = 'carol@example.com'").mapTo(Integer.class).list())
                .as("the first of two equal keys stays").containsExactly(3);
        // unlike INSERT OR IGNORE, a NULL where none may be is still an error
        assertThatThrownBy(() -> database.handle().createUpdate(dialect.insertKeepingFirst("t", List.of("id", "email", "v"), 1))
                .bind(0, 5).bindNull(1, java.sql.Types.VARCHAR).bind(2, 1).execute())
                .satisfies(e -> assertThat(database.refusal((RuntimeException) e)).isEqualTo(SqlError.REFUSED));
    }

    @Test
    void nullSafeEqualityFindsNullsAndComparesByTheColumnsCollation() {
        database.handle().execute("INSERT INTO n (id, name, parent_id) VALUES (1, '/', NULL), (2, 'Docs', 1)");
        var sql = database.sql().selectFirst("n", List.of("id"), List.of("name", "parent_id"));
        assertThat(database.handle().createQuery(sql).bind(0, "/").bindNull(1, java.sql.Types.INTEGER).mapTo(Integer.class).findOne()).contains(1);
        assertThat(database.handle().createQuery(sql).bind(0, "DOCS").bind(1, 1).mapTo(Integer.class).findOne()).as("NOCASE column").contains(2);
    }

    @Test
    void timesAreTextAsV3sGoDriversWriteThem() {
        var dialect = database.dialect();
        assertThat(dialect.timeValue(Instant.parse("2019-03-04T05:06:07Z"))).isEqualTo("2019-03-04 05:06:07+00:00");
        assertThat(dialect.timeValue(Instant.parse("2019-03-04T05:06:07.120Z"))).isEqualTo("2019-03-04 05:06:07.12+00:00");
        assertThat(dialect.timeValue(Instant.parse("2019-03-04T05:06:07.000000001Z"))).isEqualTo("2019-03-04 05:06:07.000000001+00:00");
        database.handle().createUpdate("UPDATE t SET created_at = ? WHERE id = 1").bind(0, dialect.timeValue(Instant.parse("2019-03-04T05:06:07Z"))).execute();
        assertThat(database.handle().createQuery("SELECT typeof(created_at) FROM t WHERE id = 1").mapTo(String.class).one()).isEqualTo("text");
    }

    @Test
    void aStageComparesAsV2sMySqlColumnsAsNearAsSqliteCan() {
        var dialect = database.dialect();
        var stage = new StageTable("stage_paths", List.of(Optional.of(new TextComparison("utf8", "utf8_general_ci")),
                Optional.of(new TextComparison("utf8mb4", "utf8mb4_bin")), Optional.empty()), 1, true);
        dialect.createStage(database.handle(), stage);
        database.handle().execute("INSERT INTO stage_paths (seq, k, c0, c1, c2, v) VALUES (0, 'a', '/Design39', 'Exact', 'Exact', 7)");
        var found = "SELECT v FROM stage_paths WHERE " + dialect.nullSafeEquals("c0", "?");
        assertThat(database.handle().createQuery(found).bind(0, "/design39 ").mapTo(Long.class).findOne()).as("case, trailing spaces").contains(7L);
        assertThat(database.handle().createQuery(found).bind(0, "/désign39").mapTo(Long.class).findOne()).as("accents").contains(7L);
        assertThat(database.handle().createQuery(found).bind(0, "/design 39").mapTo(Long.class).findOne()).isEmpty();
        var bin = "SELECT v FROM stage_paths WHERE " + dialect.nullSafeEquals("c1", "?");
        assertThat(database.handle().createQuery(bin).bind(0, "Exact  ").mapTo(Long.class).findOne()).as("_bin pads spaces").contains(7L);
        assertThat(database.handle().createQuery(bin).bind(0, "exact").mapTo(Long.class).findOne()).isEmpty();
        var exact = "SELECT v FROM stage_paths WHERE " + dialect.nullSafeEquals("c2", "?");
        assertThat(database.handle().createQuery(exact).bind(0, "Exact ").mapTo(Long.class).findOne()).as("no comparison: byte for byte").isEmpty();
        database.handle().execute(dialect.dropStage("stage_paths"));
        assertThat(database.tableNames()).doesNotContain("stage_paths");
    }

    @Test
    void aCopyPutBackRestartsTheIdsWhereV3LeftThem() {
        var dialect = database.dialect();
        var handle = database.handle();
        dialect.copyTable("t", "upgrade_first_t").forEach(handle::execute);
        handle.execute("INSERT INTO t (id, email) VALUES (40, 'zed@example.com')");
        handle.execute(database.sql().deleteAll("t"));
        handle.execute(database.sql().copyRows("upgrade_first_t", "t"));
        dialect.restartIds("t").forEach(handle::execute);
        handle.execute("INSERT INTO t (email) VALUES ('next@example.com')");
        assertThat(handle.createQuery("SELECT id FROM t WHERE email = 'next@example.com'").mapTo(Long.class).one()).isEqualTo(3L);
        // a table V3 never wrote has no counter at first start; emptied again, it has none either
        handle.execute(database.sql().deleteAll("t"));
        dialect.restartIds("t").forEach(handle::execute);
        assertThat(handle.createQuery("SELECT COUNT(*) FROM sqlite_sequence WHERE name = 't'").mapTo(Long.class).one()).isZero();
    }

    @Test
    void theLedgerTablesAreMadeInSqlite() {
        var dialect = database.dialect();
        database.handle().execute(dialect.createTable("upgrade_export", List.of("id " + dialect.columnType(ColumnType.AUTO_ID),
                "file " + dialect.columnType(ColumnType.KEY_TEXT) + " NOT NULL", "done " + dialect.columnType(ColumnType.BOOLEAN))));
        database.handle().execute(dialect.insertOrReplace("upgrade_export", List.of("id", "file", "done")), 1, "a.csv", true);
        database.handle().execute(dialect.insertOrReplace("upgrade_export", List.of("id", "file", "done")), 1, "b.csv", false);
        assertThat(database.handle().createQuery("SELECT file FROM upgrade_export").mapTo(String.class).list()).containsExactly("b.csv");
    }

    @Test
    void uniqueKeysComePrimaryFirstWithTheRowidThatIsNoIndex() {
        var keys = database.uniqueKeys(database.table("t"));
        assertThat(keys).containsExactly(new UniqueKey("PRIMARY", List.of("id"), true), new UniqueKey("uix_t_email", List.of("email"), false));
    }

    @Test
    void thereIsNoEngineOrCharacterSetToCheck() {
        var table = database.table("t");
        assertThat(database.dialect().hasStorageEnginesAndCharsets()).isFalse();
        assertThat(database.notTransactional(table)).isEmpty();
        assertThat(database.textColumnsWithoutFourByteCharacters(table)).isEmpty();
    }
}
