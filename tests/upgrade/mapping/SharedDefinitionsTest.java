package upgrade.mapping;

import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.expr.LetValues;
import upgrade.expr.LookupTable;
import upgrade.rules.EnsureRule;
import upgrade.rules.ExprRule;
import upgrade.rules.FirstRule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What is written once and used in many places: shared lookups (lookups.yaml), shared rules
 * (rules.yaml) and a file's own named expressions ({@code let:}, read as {@code val.NAME}).
 */
class SharedDefinitionsTest {
    private static final String LOOKUPS = """
            lookups:
              v3_user: {target: users, key: id}
              v3_root: {target: folders, key: owner_id, value: id, match: {parent_id: null}}
            """;
    private static final String RULES = """
            rules:
              recovery_folder:
                ensure: folders
                match:
                  owner_id: {expr: "val.owner"}
                  parent_id: {expr: "lookup.v3_root.get(val.owner)"}
                  name: {expr: "param.recovery_folder"}
                note: "re-homed into the recovery folder"
            """;

    private final MappingLoader loader = new MappingLoader(
            new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), Instant.parse("2024-05-01T12:00:00Z"))));

    private MappingSet load(String... nameThenText) {
        var files = new ArrayList<MappingFiles.File>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.add(new MappingFiles.File(nameThenText[i], nameThenText[i + 1]));
        }
        return loader.load(new MappingFiles("test", files));
    }

    private RowMapping row(MappingSet set, String name) {
        return (RowMapping) set.find(name).orElseThrow();
    }

    private MappingException failure(String... nameThenText) {
        var e = catchThrowableOfType(MappingException.class, () -> load(nameThenText));
        assertThat(e).as("loading should have failed").isNotNull();
        return e;
    }

    // --- lookups.yaml --------------------------------------------------------------------------------------

    @Test
    void sharedLookupsServeTheMappingsThatReadThemAndALocalDeclarationWins() {
        var set = load("lookups.yaml", LOOKUPS, "folders.yaml", """
                target: folders
                source: folders
                lookups:
                  v3_root: {target: folders, key: owner_id, value: id}
                skip:
                  - when: "!lookup.v3_user.has(row.owner)"
                    reason: "no owner"
                columns:
                  parent_id: {expr: "lookup.v3_root.get(row.owner)"}
                """, "groups.yaml", "target: groups\nsource: groups\ncolumns:\n  id: {copy: id}\n");
        var folders = row(set, "folders");
        assertThat(folders.lookups()).containsOnlyKeys("v3_user", "v3_root");
        assertThat(folders.lookups().get("v3_user").where().file()).isEqualTo("lookups.yaml");
        assertThat(folders.lookups().get("v3_root").where().file()).isEqualTo("folders.yaml");
        assertThat(folders.lookups().get("v3_root").match()).isEmpty();
        assertThat(row(set, "groups").lookups()).isEmpty(); // it reads none, so its step prepares none
        assertThat(set.mappings()).extracting(Mapping::name).containsExactly("folders", "groups");
    }

    @Test
    void aLookupDeclaredNowhereIsReportedWhereItIsRead() {
        var e = failure("lookups.yaml", LOOKUPS, "folders.yaml", """
                target: folders
                source: folders
                columns:
                  owner_id: {lookup: v3_usr, key: {copy: owner}}
                """);
        assertThat(e).hasMessage("folders.yaml:4:14: no lookup named 'v3_usr' is declared in this file or in lookups.yaml");
        assertThat(e.hint()).startsWith("did you mean 'v3_user'? declare it under 'lookups:'").endsWith("declared: v3_root, v3_user");
    }

    @Test
    void theBundledMappingsDeclareEachSharedLookupAndTheRecoveryFolderOnce() {
        var files = MappingFiles.bundled().files();
        for (var lookup : List.of("v3_user", "v3_root", "v2_folder", "option", "v2_policy", "v3_folder_owner", "setting", "policy", "used")) {
            assertThat(files).filteredOn(f -> f.text().contains("\n  " + lookup + ": {")).extracting(MappingFiles.File::name)
                    .as(lookup).containsExactly("lookups.yaml");
        }
        assertThat(files).filteredOn(f -> f.text().contains("ensure: folders")).extracting(MappingFiles.File::name).containsExactly("rules.yaml");
        var set = loader.load(MappingFiles.bundled());
        for (var name : List.of("roots", "folders", "files", "shares")) {
            assertThat(row(set, name).lookups()).as(name).containsKeys("v3_user", "v2_folder");
            assertThat(row(set, name).lookups().get("v2_folder").where().file()).isEqualTo("lookups.yaml");
        }
        var folder = (FirstRule) row(set, "folders").columns().get("parent_id");
        var file = (FirstRule) row(set, "files").columns().get("folder_id");
        for (var rule : List.of(folder, file)) {
            assertThat(rule.alternatives().get(rule.alternatives().size() - 1)).isInstanceOfSatisfying(EnsureRule.class, ensure -> {
                assertThat(ensure.where().file()).isEqualTo("rules.yaml");
                assertThat(ensure.match()).containsOnlyKeys("owner_id", "parent_id", "name");
            });
        }
        assertThat(((EnsureRule) folder.alternatives().get(2)).note())
                .isEqualTo("re-homed into the recovery folder: its parent folder no longer exists in V2");
        assertThat(((EnsureRule) file.alternatives().get(2)).note())
                .isEqualTo("re-homed into the recovery folder: its folder no longer exists in V2");
    }

    // --- rules.yaml ----------------------------------------------------------------------------------------

    @Test
    void aSharedRuleIsUsedByNameWithTheKeysGivenReplacingItsOwn() {
        var set = load("lookups.yaml", LOOKUPS, "rules.yaml", RULES, "folders.yaml", """
                target: folders
                source: folders
                let:
                  owner: "fn:number(row.owner)"
                columns:
                  parent_id: {rule: recovery_folder, note: "re-homed: its parent is gone"}
                """);
        var folders = row(set, "folders");
        assertThat(folders.columns().get("parent_id")).isInstanceOfSatisfying(EnsureRule.class, ensure -> {
            assertThat(ensure.note()).isEqualTo("re-homed: its parent is gone");
            assertThat(ensure.table()).isEqualTo("folders");
            assertThat(ensure.match().get("parent_id").where()).isEqualTo(new Where("rules.yaml", 6, 19));
            assertThat(((ExprRule) ensure.match().get("owner_id")).expression().rowColumns()).containsExactly("owner");
        });
        assertThat(folders.lookups()).containsOnlyKeys("v3_root"); // read by the shared rule
    }

    @Test
    void aSharedRuleMustExistAndFindsItsValuesInTheMappingThatUsesIt() {
        var unknown = failure("rules.yaml", RULES, "folders.yaml", """
                target: folders
                source: folders
                columns:
                  parent_id: {rule: recovery_foldr}
                """);
        assertThat(unknown).hasMessage("folders.yaml:4:15: no rule named 'recovery_foldr' in rules.yaml");
        assertThat(unknown.hint()).isEqualTo("did you mean 'recovery_folder'? shared rules: recovery_folder");
        var noOwner = failure("lookups.yaml", LOOKUPS, "rules.yaml", RULES, "files.yaml", """
                target: files
                source: files
                columns:
                  folder_id: {rule: recovery_folder}
                """);
        assertThat(noOwner).hasMessage("rules.yaml:5:18: 'val.owner' is not defined under 'let:' in files.yaml");
        var badKey = failure("lookups.yaml", LOOKUPS, "rules.yaml", RULES, "files.yaml", """
                target: files
                source: files
                let: {owner: "row.upload_user"}
                columns:
                  folder_id: {rule: recovery_folder, nte: "x"}
                """);
        assertThat(badKey).hasMessage("files.yaml:5:38: unknown key 'nte' in a 'ensure' rule");
    }

    // --- let: ----------------------------------------------------------------------------------------------

    @Test
    void letValuesAreReadAsValAndCountAsReadingWhatTheyRead() {
        var set = load("lookups.yaml", LOOKUPS, "folders.yaml", """
                target: folders
                source: folders
                let:
                  owner: "fn:number(row.owner)"
                  root: "lookup.v3_root.get(val.owner)"
                columns:
                  parent_id: {expr: "val.root"}
                """);
        var folders = row(set, "folders");
        assertThat(folders.lets()).containsOnlyKeys("owner", "root");
        // the rule reads row.owner and the lookup through its let values: drift, traces and the validator see them
        assertThat(((ExprRule) folders.columns().get("parent_id")).expression().rowColumns()).containsExactly("owner");
        assertThat(folders.lookups()).containsOnlyKeys("v3_root");
        assertThat(folders.columns().get("parent_id").sourceColumns()).containsExactly("owner");
    }

    @Test
    void letMistakesAreReportedWhereTheyAre() {
        var unknown = failure("users.yaml", """
                target: users
                source: users
                let:
                  owner: "row.id"
                columns:
                  id: {expr: "val.ownr"}
                """);
        assertThat(unknown).hasMessage("users.yaml:6:8: 'val.ownr' is not defined under 'let:' in users.yaml");
        assertThat(unknown.hint()).isEqualTo("did you mean 'val.owner'? 'let:' there defines: owner");
        assertThat(failure("users.yaml", """
                target: users
                source: users
                let:
                  a: "val.b + 1"
                  b: "val.a * 2"
                columns:
                  id: {expr: "val.a"}
                """)).hasMessage("users.yaml:4:3: the let values form a cycle: a -> b -> a");
        var col = failure("users.yaml", """
                target: users
                source: users
                let:
                  nick: "col.email"
                columns:
                  email: {copy: user_email}
                """);
        assertThat(col).hasMessage("users.yaml:4:3: the let value 'nick' reads col.email, but let values are worked out once per row, apart from the columns");
    }

    @Test
    void aLetValueIsWorkedOutOncePerRowAtItsFirstUse() {
        var set = load("users.yaml", """
                target: users
                source: users
                lookups:
                  group: {target: groups, key: id, value: name}
                let:
                  group_name: "lookup.group.get(row.group_id)"
                  unused: "row.id.nosuchmethod()"
                columns:
                  id: {copy: id}
                  nick: {expr: "val.group_name + ' member'"}
                  bio: {expr: "'in ' + val.group_name"}
                """);
        var users = row(set, "users");
        var asked = new AtomicInteger();
        var group = new LookupTable(key -> {
            asked.incrementAndGet();
            return Optional.of("group " + key.get(0));
        });
        for (var groupId : List.of(7, 8)) {
            var context = new MapContext();
            context.set("row", Map.of("id", 1, "group_id", groupId));
            context.set("lookup", Map.of("group", group));
            context.set("val", new LetValues(users.lets(), context));
            var nick = ((ExprRule) users.columns().get("nick")).expression().evaluate(context);
            var bio = ((ExprRule) users.columns().get("bio")).expression().evaluate(context);
            assertThat(nick).isEqualTo("group " + groupId + " member");
            assertThat(bio).isEqualTo("in group " + groupId);
        }
        assertThat(asked).hasValue(2); // once per row; the value nothing reads is never worked out
    }
}
