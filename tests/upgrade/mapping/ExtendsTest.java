package upgrade.mapping;

import org.junit.jupiter.api.Test;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.rules.CopyRule;
import upgrade.rules.ExprRule;
import upgrade.rules.JsonRule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An operator's file that says {@code extends: NAME} gives only what it changes: parts merged by
 * name onto the bundled file, {@code remove:} to drop parts, and errors that point into the file
 * each part came from.
 */
class ExtendsTest {
    private static final String USERS = """
            target: users
            source: users
            description: Accounts.
            lookups:
              v3_group: {target: groups, key: id}
            let:
              date: "fn:time(row.user_date) ?? fn:now()"
            skip:
              - when: "row.id == 0"
                reason: "no id"
              - when: "row.user_status == 9"
                reason: "status 9"
            refuse:
              - check: "no banned admins"
                when: "row.id == 1 && row.user_status == 1"
                message: "the admin is banned"
            columns:
              id: {copy: id}
              created_at: {expr: "val.date"}
              nick: {copy: user_nick}
              options:
                json:
                  profile_off: {expr: "row.profile == 0 ? true : null"}
                  theme: {value: null}
            """;
    private static final String FORK = "my-mappings/users.yaml";

    private final MappingLoader loader = new MappingLoader(
            new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), Instant.parse("2024-05-01T12:00:00Z"))));

    private static MappingFiles bundled(String users) {
        return new MappingFiles("bundled mappings", List.of(new MappingFiles.File("users.yaml", users),
                new MappingFiles.File("groups.yaml", "target: groups\nsource: groups\ncolumns:\n  id: {copy: id}\n")));
    }

    /** The bundled users.yaml with the operator's file(s), given as name, text, ..., laid over it from my-mappings. */
    private static MappingFiles forked(String users, String... nameThenText) {
        var files = new java.util.ArrayList<MappingFiles.File>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.add(new MappingFiles.File(nameThenText[i], nameThenText[i + 1]));
        }
        return bundled(users).overlay(new MappingFiles("my-mappings", files));
    }

    private RowMapping users(MappingFiles files) {
        return (RowMapping) loader.load(files).find("users").orElseThrow();
    }

    private MappingException failure(MappingFiles files) {
        var e = catchThrowableOfType(MappingException.class, () -> loader.load(files));
        assertThat(e).as("loading should have failed").isNotNull();
        return e;
    }

    @Test
    void columnsChecksAndConditionsMergeByNameAndOtherKeysReplace() {
        var users = users(forked(USERS, "users.yaml", """
                extends: users
                description: Accounts, with QQ numbers.
                skip:
                  - when: "row.user_status == 8"
                    reason: "status 9"
                  - when: "row.qq == 'test'"
                    reason: "a test QQ"
                refuse:
                  - check: "no banned admins"
                    when: "row.id == 1"
                    message: "the admin is banned, says the fork"
                columns:
                  nick: {expr: "fn:truncate(row.user_nick, 10)"}
                  options: {json: {qq: {copy: qq}}}
                  storage: {value: 0}
                """));
        assertThat(users.columns()).containsOnlyKeys("id", "created_at", "nick", "options", "storage");
        assertThat(List.copyOf(users.columns().keySet())).containsExactly("id", "created_at", "nick", "options", "storage");
        assertThat(users.columns().get("id").where()).isEqualTo(new Where("users.yaml", 18, 8));
        assertThat(users.columns().get("nick")).isInstanceOfSatisfying(ExprRule.class,
                nick -> assertThat(nick.expression().text()).isEqualTo("fn:truncate(row.user_nick, 10)"));
        assertThat(users.columns().get("nick").where()).isEqualTo(new Where(FORK, 13, 10));
        var options = (JsonRule) users.columns().get("options");
        assertThat(List.copyOf(options.fieldRules().keySet())).containsExactly("profile_off", "theme", "qq");
        assertThat(options.fieldRules().get("profile_off").where().file()).isEqualTo("users.yaml");
        assertThat(options.fieldRules().get("qq").where().file()).isEqualTo(FORK);
        assertThat(users.skip()).extracting(Condition::text).containsExactly("no id", "status 9", "a test QQ");
        assertThat(users.skip().get(1).when().text()).isEqualTo("row.user_status == 8");
        assertThat(users.refuse()).singleElement().satisfies(check -> {
            assertThat(check.title()).isEqualTo("no banned admins");
            assertThat(check.message().text()).isEqualTo("the admin is banned, says the fork");
        });
        assertThat(users.lookups()).containsOnlyKeys("v3_group");
        assertThat(users.lets()).containsOnlyKeys("date");
        assertThat(users.origin().file()).isEqualTo("users.yaml");
        assertThat(users.origin().at("description").file()).isEqualTo(FORK);
        assertThat(users.origin().at("target").file()).isEqualTo("users.yaml");
    }

    @Test
    void removeDropsColumnsJsonFieldsLookupsConditionsAndChecksByName() {
        var users = users(forked(USERS, "users.yaml", """
                extends: users
                remove:
                  columns: [nick, options.theme]
                  lookups: [v3_group]
                  skip: ["no id"]
                  refuse: ["no banned admins"]
                """));
        assertThat(List.copyOf(users.columns().keySet())).containsExactly("id", "created_at", "options");
        assertThat(((JsonRule) users.columns().get("options")).fieldRules()).containsOnlyKeys("profile_off");
        assertThat(users.lookups()).isEmpty();
        assertThat(users.skip()).extracting(Condition::text).containsExactly("status 9");
        assertThat(users.refuse()).isEmpty();
    }

    @Test
    void aFileMayStartANewMappingFromABundledOne() {
        var set = loader.load(forked(USERS, "archived-users.yaml", "extends: users\nsource: archived_users\n"));
        assertThat(set.find("users")).isPresent();
        var archived = (RowMapping) set.find("archived-users").orElseThrow();
        assertThat(archived.source()).isEqualTo("archived_users");
        assertThat(archived.columns()).containsOnlyKeys("id", "created_at", "nick", "options");
    }

    @Test
    void aChangeToABundledRuleReachesAForkThatExtendsIt() {
        var fork = new String[]{"users.yaml", "extends: users\ncolumns:\n  options: {json: {qq: {copy: qq}}}\n"};
        var before = users(forked(USERS, fork));
        var fixed = USERS.replace("nick: {copy: user_nick}", "nick: {expr: \"fn:truncate(row.user_nick, 50)\"}");
        var after = users(forked(fixed, fork));
        assertThat(before.columns().get("nick")).isInstanceOf(CopyRule.class);
        assertThat(after.columns().get("nick")).isInstanceOfSatisfying(ExprRule.class,
                nick -> assertThat(nick.expression().text()).isEqualTo("fn:truncate(row.user_nick, 50)"));
        assertThat(((JsonRule) after.columns().get("options")).fieldRules()).containsOnlyKeys("profile_off", "theme", "qq");
        // a run that was interrupted refuses to resume after either file changed
        assertThat(after.origin().checksum()).isNotEqualTo(before.origin().checksum());
        assertThat(loader.load(forked(fixed, fork)).checksum()).isNotEqualTo(loader.load(forked(USERS, fork)).checksum())
                .isEqualTo(loader.load(forked(fixed, fork)).checksum());
        var forkChanged = users(forked(USERS, "users.yaml", fork[1] + "# changed\n"));
        assertThat(forkChanged.origin().checksum()).isNotEqualTo(before.origin().checksum());
    }

    // --- errors ------------------------------------------------------------------------------------------

    @Test
    void extendingAMappingThatIsNotThereSuggestsTheNearestOne() {
        var e = catchThrowableOfType(MappingException.class, () -> forked(USERS, "users.yaml", "extends: usres\n"));
        assertThat(e).hasMessage(FORK + ":1:1: 'extends' names 'usres', which is not one of the bundled mappings");
        assertThat(e.hint()).isEqualTo("did you mean 'users'? it can extend: groups, users");
    }

    @Test
    void removingWhatIsNotThereSaysWhatIs() {
        var column = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  columns: [id, nik]\n"));
        assertThat(column).hasMessage(FORK + ":3:17: 'remove' names 'nik', which is not under 'columns' in users.yaml");
        assertThat(column.hint()).isEqualTo("did you mean 'nick'? 'columns' there has: created_at, nick, options");
        var field = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  columns: [options.qq]\n"));
        assertThat(field).hasMessage(FORK + ":3:13: 'remove' names 'qq', which is not under 'columns.options' in users.yaml");
        var condition = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  skip: [\"no ID\"]\n"));
        assertThat(condition).hasMessage(FORK + ":3:10: 'remove' names 'no ID', which is not an item of 'skip' in users.yaml");
        assertThat(condition.hint()).isEqualTo("did you mean 'no id'? items of 'skip' are named by their text: no id; status 9");
        var section = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  notes: [\"x\"]\n"));
        assertThat(section).hasMessage(FORK + ":3:3: 'remove' names 'notes', which users.yaml does not have");
        var unknown = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  colums: [nick]\n"));
        assertThat(unknown).hasMessage(FORK + ":3:3: 'remove' cannot drop parts of 'colums'");
        assertThat(unknown.hint()).startsWith("did you mean 'columns'? it drops entries or items of: columns, lookups, let,");
    }

    @Test
    void errorsPointIntoTheFileEachPartCameFrom() {
        // a part of the fork's file
        assertThat(failure(forked(USERS, "users.yaml", "extends: users\ncolumns:\n  nick: {expr: \"fn:truncat(row.user_nick, 5)\"}\n")))
                .hasMessage(FORK + ":3:10: unknown function 'fn:truncat'");
        assertThat(failure(forked(USERS, "users.yaml", "extends: users\ncolums:\n  nick: {copy: user_nick}\n")))
                .hasMessage(FORK + ":2:1: unknown key 'colums' in a mapping");
        // a bundled part that the fork's removal broke
        var let = failure(forked(USERS, "users.yaml", "extends: users\nremove:\n  let: [date]\n"));
        assertThat(let).hasMessage("users.yaml:19:16: 'val.date' is not defined under 'let:' in users.yaml");
    }

    @Test
    void extendsWorksOnlyInADirectoryLaidOverTheBundledMappings() {
        var e = failure(new MappingFiles("test", List.of(new MappingFiles.File("users.yaml", "extends: users\n"))));
        assertThat(e).hasMessage("users.yaml:1:1: 'extends' works only in a directory laid over the bundled mappings");
        assertThat(e.hint()).contains("--mappings DIR");
    }
}
