package upgrade.mapping;

import upgrade.support.EditedMappings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import upgrade.Upgrade;
import upgrade.support.TestSite;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mappings checked against the live schemas before anything is read: texts that must not be cut
 * ({@code fit: exact}) must be seen to fit their V3 column, and {@code on_conflict} expressions
 * and {@code fit} keys are used where they mean something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingValidatorTest {
    private TestSite site;

    @BeforeAll
    void create() {
        site = TestSite.sample("cd_");
    }

    @AfterAll
    void drop() {
        site.close();
    }

    /** Validates the bundled mapping files with one file's text changed. */
    private MappingSet validate(String file, String from, String to) {
        try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withMappings(EditedMappings.bundledWith(file, from, to)))) {
            return upgrade.mappings();
        }
    }

    private static int lineOf(String file, String text) {
        var content = EditedMappings.bundledText(file);
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theBundledMappingsPassAndSayWhatMustNotBeCut() {
        var users = (RowMapping) validate("users.yaml", "", "").find("users").orElseThrow();
        assertThat(users.fit("email")).isEqualTo(Fit.EXACT);   // a copy of V2's varchar(100) into V3's varchar(100)
        assertThat(users.fit("password")).isEqualTo(Fit.STOP);
        assertThat(users.fit("options")).isEqualTo(Fit.STOP);  // a json rule
        assertThat(users.fit("nick")).isEqualTo(Fit.CUT);
    }

    @Test
    void anExactCopyOfAColumnThatCanHoldMoreIsRejected() {
        var rule = "  name: {copy: group_name}";
        assertThatThrownBy(() -> validate("groups.yaml", rule, "  name: {copy: group_name, fit: exact}"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("groups.yaml:" + lineOf("groups.yaml", rule) + ":")
                .hasMessageEndingWith("cd_groups.name must not be cut (fit: exact), but this rule could give a text longer than its 255 characters")
                .satisfies(e -> assertThat(((MappingException) e).hint()).contains("fn:truncate(..., 255)", "fit: stop"));
    }

    @Test
    void aForkThatWidenedTheV2EmailColumnIsToldBeforeAnythingIsRead() {
        site.v2("ALTER TABLE sd_users MODIFY user_email VARCHAR(255) NOT NULL");
        try {
            assertThatThrownBy(() -> validate("users.yaml", "", "")).isInstanceOf(MappingException.class)
                    .hasMessageContaining("users.yaml:" + lineOf("users.yaml", "  email: {copy: user_email"))
                    .hasMessageEndingWith("cd_users.email must not be cut (fit: exact), but this rule could give a text longer than its 100 characters (up to 255)");
        } finally {
            site.v2("ALTER TABLE sd_users MODIFY user_email VARCHAR(100) NOT NULL");
        }
    }

    @Test
    void anExactExpressionMustEndInTruncateOrFitNameWithinTheColumn() {
        var rule = "nick: {copy: user_nick}";
        assertThat(validate("users.yaml", rule, "nick: {expr: \"fn:truncate(row.user_nick + '!', 50)\", fit: exact}")).isNotNull();
        assertThat(validate("users.yaml", rule, "nick: {expr: \"fn:fitName(row.user_nick, 40)\", fit: exact}")).isNotNull();
        assertThatThrownBy(() -> validate("users.yaml", rule, "nick: {expr: \"fn:truncate(row.user_nick, 60)\", fit: exact}"))
                .hasMessageEndingWith("cd_users.nick must not be cut (fit: exact), but this rule could give a text longer than its 50 characters (up to 60)");
        assertThatThrownBy(() -> validate("users.yaml", rule, "nick: {expr: \"row.user_nick + '!'\", fit: exact}"))
                .hasMessageEndingWith("cd_users.nick must not be cut (fit: exact), but this rule could give a text longer than its 50 characters");
        // two calls joined are not one call that bounds the whole text
        assertThatThrownBy(() -> validate("users.yaml", rule, "nick: {expr: \"fn:truncate(row.user_nick, 30) + fn:truncate(row.user_email, 30)\", fit: exact}"))
                .hasMessageContaining("cd_users.nick must not be cut");
    }

    @Test
    void fitIsForTextColumnsAndJsonIsNeverCut() {
        assertThatThrownBy(() -> validate("users.yaml", "storage: {value: 0}", "storage: {value: 0, fit: cut}"))
                .hasMessageEndingWith("'fit' applies to text columns; cd_users.storage is BIGINT UNSIGNED");
        assertThatThrownBy(() -> validate("users.yaml", "  options:\n    json:", "  options:\n    fit: cut\n    json:"))
                .hasMessageEndingWith("a json rule's text must not be cut: cut JSON does not parse");
        assertThatThrownBy(() -> validate("users.yaml", "nick: {copy: user_nick}", "nick: {copy: user_nick, fit: shorten}"))
                .hasMessageEndingWith("unknown fit 'shorten'");
    }

    @Test
    void onConflictExpressionsMustChangeEveryTryAndNameRealColumns() {
        var expr = "expr: \"fn:plusAddress(col.email, 'v2-' + row.id + (conflict.n > 2 ? '-' + conflict.n : ''), 100)\"";
        assertThatThrownBy(() -> validate("users.yaml", expr, "expr: \"fn:plusAddress(col.email, 'v2-' + row.id, 100)\""))
                .hasMessageEndingWith("the expression does not read conflict.n, so every try would give the same value");
        assertThatThrownBy(() -> validate("users.yaml", "taken_by: [id, email]", "taken_by: [id, mail]"))
                .hasMessageEndingWith("'mail' (on_conflict taken_by) is not a column of cd_users");
        assertThatThrownBy(() -> validate("users.yaml", "nick: {copy: user_nick}", "nick: {expr: \"row.user_nick + conflict.n\"}"))
                .hasMessageEndingWith("'conflict.n' is not known here");
    }

    @Test
    void alsoUniqueInNamesAnotherV3TableItsColumnsAndColumnsThisMappingWrites() {
        var other = "    - table: folders\n      match: {parent_id: folder_id}\n      column: name\n";
        assertThatThrownBy(() -> validate("files.yaml", other, other.replace("table: folders", "table: folder")))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("files.yaml:" + lineOf("files.yaml", other));
        assertThatThrownBy(() -> validate("files.yaml", other, other.replace("column: name", "column: title")))
                .hasMessageEndingWith("'title' (the column of cd_folders compared with the renamed value) is not a column of cd_folders");
        assertThatThrownBy(() -> validate("files.yaml", other, other.replace("{parent_id: folder_id}", "{parent: folder_id}")))
                .hasMessageEndingWith("'parent' (a match column of cd_folders) is not a column of cd_folders");
        assertThatThrownBy(() -> validate("files.yaml", other, other.replace("{parent_id: folder_id}", "{parent_id: folder}")))
                .hasMessageEndingWith("also_unique_in matches cd_folders.parent_id with 'folder', which no rule under 'columns' fills");
        assertThatThrownBy(() -> validate("files.yaml", other, other.replace("table: folders", "table: files")))
                .hasMessageEndingWith("also_unique_in names cd_files, the table this mapping writes");
    }

    @Test
    void ensureAvoidNumbersATextColumnOfItsMatchAgainstAnotherV3Table() {
        var avoid = "rename: name\n      also_unique_in: {table: files, match: {folder_id: parent_id, user_id: owner_id}, column: name}";
        validate("rules.yaml", avoid, avoid); // the bundled rule (the recovery folder, shared by folders.yaml and files.yaml) passes
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("rename: name", "rename: title")))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("rules.yaml:" + (lineOf("rules.yaml", avoid) - 1) + ":")
                .hasMessageEndingWith("avoid renames 'title', which is not a column under this ensure's 'match'");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("rename: name", "rename: owner_id")))
                .hasMessageEndingWith("avoid renames cd_folders.owner_id, which is not a text column");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("table: files", "table: file")))
                .hasMessageStartingWith("rules.yaml:" + (lineOf("rules.yaml", avoid) + 1) + ":");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("table: files", "table: folders")))
                .hasMessageEndingWith("avoid names cd_folders, the table this ensure finds its row in");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("column: name", "column: title")))
                .hasMessageEndingWith("'title' (the column of cd_files compared with the numbered value) is not a column of cd_files");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("folder_id: parent_id", "folder: parent_id")))
                .hasMessageEndingWith("'folder' (a match column of cd_files) is not a column of cd_files");
        assertThatThrownBy(() -> validate("rules.yaml", avoid, avoid.replace("folder_id: parent_id", "folder_id: parent")))
                .hasMessageEndingWith("avoid matches cd_files.folder_id with 'parent', which is not a column under this ensure's 'match'");
    }
}
