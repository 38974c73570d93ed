package upgrade.demo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Splitting the shipped SQL files into statements, without running them. */
class SqlScriptTest {

    @Test
    void statementsEndWithASemicolonAtTheEndOfALine() {
        assertThat(SqlScript.split("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n"))
                .containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void trailingBlanksAfterTheSemicolonStillEndTheStatement() {
        assertThat(SqlScript.split("SELECT 1;   \nSELECT 2;\t\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aSemicolonInsideALineDoesNotSplit() {
        assertThat(SqlScript.split("INSERT INTO t VALUES ('a;b');\n"))
                .containsExactly("INSERT INTO t VALUES ('a;b')");
        assertThat(SqlScript.split("INSERT INTO t VALUES ('a;',\n 'b');\n"))
                .containsExactly("INSERT INTO t VALUES ('a;',\n 'b')");
    }

    @Test
    void commentLinesAreSkipped() {
        assertThat(SqlScript.split("""
                -- the users
                SELECT 1;
                  -- indented comment
                -- SELECT 2;
                SELECT 3;
                """)).containsExactly("SELECT 1", "SELECT 3");
    }

    @Test
    void commentLinesInsideAStatementAreLeftOut() {
        assertThat(SqlScript.split("""
                CREATE TABLE t (
                  -- the key
                  id INT
                );
                """)).containsExactly("CREATE TABLE t (\n  id INT\n)");
    }

    @Test
    void multiLineStatementsAreKeptWhole() {
        assertThat(SqlScript.split("""
                CREATE TABLE sd_users (
                  id int(11) NOT NULL AUTO_INCREMENT,
                  user_email varchar(100) NOT NULL,
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

                INSERT INTO sd_users VALUES
                  (1, 'admin@cloudreve.org'),
                  (2, 'alice@example.com');
                """)).containsExactly("""
                CREATE TABLE sd_users (
                  id int(11) NOT NULL AUTO_INCREMENT,
                  user_email varchar(100) NOT NULL,
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""", """
                INSERT INTO sd_users VALUES
                  (1, 'admin@cloudreve.org'),
                  (2, 'alice@example.com')""");
    }

    @Test
    void blankLinesInsideAStatementAreKept() {
        assertThat(SqlScript.split("INSERT INTO t VALUES ('a\n\nb');\n")).containsExactly("INSERT INTO t VALUES ('a\n\nb')");
    }

    @Test
    void windowsLineEndsAreAccepted() {
        assertThat(SqlScript.split("-- c\r\nSELECT 1;\r\nSELECT\r\n 2;\r\n")).containsExactly("SELECT 1", "SELECT\n 2");
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertThat(SqlScript.split("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void emptyAndCommentOnlyTextsHaveNoStatements() {
        assertThat(SqlScript.split("")).isEmpty();
        assertThat(SqlScript.split("\n\n   \n")).isEmpty();
        assertThat(SqlScript.split("-- nothing here\n-- at all;\n")).isEmpty();
    }

    @Test
    void bundledV2SchemaSplitsIntoItsStatements() {
        var script = SqlScript.resource("demo/v2-schema.sql", Map.of());
        assertThat(script.name()).isEqualTo("demo/v2-schema.sql");
        assertThat(script.statements()).hasSize(47);
        assertWellFormed(script);
    }

    @Test
    void bundledV2SampleSiteSplitsIntoItsStatements() {
        var script = SqlScript.resource("demo/v2-sample-site.sql", Map.of());
        assertThat(script.statements()).hasSize(59);
        assertWellFormed(script);
    }

    @Test
    void bundledV3SchemaSplitsIntoItsStatements() {
        var script = SqlScript.resource("demo/v3-3.0.0-mysql.sql", Map.of());
        assertThat(script.statements()).hasSize(37);
        assertWellFormed(script);
    }

    @Test
    void bundledV3383MySqlSplitsIntoItsStatements() {
        var script = SqlScript.resource("demo/v3-3.8.3-mysql.sql", Map.of());
        assertThat(script.statements()).hasSize(44); // 13 tables, 25 indexes, 6 inserts
        assertWellFormed(script);
    }

    @Test
    void bundledV3SqliteFilesSplitIntoTheirStatements() {
        var v300 = SqlScript.resource("demo/v3-3.0.0-sqlite.sql", Map.of("prefix", ""));
        assertThat(v300.statements()).hasSize(37); // 11 tables, 21 indexes, 5 inserts
        assertWellFormed(v300);
        var v383 = SqlScript.resource("demo/v3-3.8.3-sqlite.sql", Map.of("prefix", ""));
        assertThat(v383.statements()).hasSize(44);
        assertWellFormed(v383);
        assertThat(v383.statements()).filteredOn(s -> s.startsWith("CREATE TABLE"))
                .hasSize(13)
                .allSatisfy(s -> assertThat(s).doesNotContain("\n").endsWith(" )"));
    }

    @Test
    void placeholdersAreReplacedBeforeSplitting() {
        var raw = SqlScript.resource("demo/v3-3.0.0-mysql.sql", Map.of());
        assertThat(raw.statements()).anyMatch(s -> s.contains("{{prefix}}"));
        var replaced = SqlScript.resource("demo/v3-3.0.0-mysql.sql", Map.of("prefix", "cd_"));
        assertThat(replaced.statements()).hasSameSizeAs(raw.statements())
                .noneMatch(s -> s.contains("{{"))
                .anyMatch(s -> s.contains("cd_users"));
    }

    @Test
    void aMissingResourceIsAnError() {
        assertThatThrownBy(() -> SqlScript.resource("demo/no-such-file.sql", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("missing resource demo/no-such-file.sql");
    }

    private static void assertWellFormed(SqlScript script) {
        assertThat(script.statements()).allSatisfy(statement -> {
            assertThat(statement).isNotBlank().doesNotEndWith(";").isEqualTo(statement.strip());
            assertThat(statement.lines()).noneMatch(line -> line.strip().startsWith("--"));
        });
    }
}
