package upgrade.mapping;

import org.junit.jupiter.api.Test;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

class MappingLoaderTest {
    private final MappingLoader loader = new MappingLoader(new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), Instant.parse("2024-05-01T12:00:00Z"))));

    private static final String VALUE_MAPS = """
            value_maps:
              group_id:
                values:
                  2: 3
                  3: 2
                otherwise: keep
            """;

    private MappingSet load(String... nameThenText) {
        var files = new ArrayList<MappingFiles.File>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.add(new MappingFiles.File(nameThenText[i], nameThenText[i + 1]));
        }
        return loader.load(new MappingFiles("test", files));
    }

    private void probe(String label, String... nameThenText) {
        try {
            load(nameThenText);
            System.out.println("PROBE " + label + " => loaded");
        } catch (MappingException e) {
            System.out.println("PROBE " + label + " => " + e.getMessage() + "  ## hint: " + e.hint());
        } catch (Exception e) {
            System.out.println("PROBE " + label + " !! " + e);
        }
    }

    @Test
    void zzProbe() {
        probe("unclosed quote", "users.yaml", """
                target: users
                source: users
                columns:
                  nick: {expr: "fn:truncate(row.user_nick, 50)}
                """);
        probe("bad indent", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                   email: {copy: user_email}
                """);
        probe("bad indent2", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                 email: {copy: user_email}
                """);
        probe("colums", "users.yaml", """
                target: users
                source: users
                colums:
                  id: {copy: id}
                """);
        probe("cpy", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  email: {cpy: user_email}
                """);
        probe("cpy block", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  email:
                    cpy: user_email
                """);
        probe("two kinds", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  email: {copy: user_email, value: 'x'}
                """);
        probe("map neither", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {map: id}
                """);
        probe("map neither block", "users.yaml", """
                target: users
                source: users
                columns:
                  email: {copy: user_email}
                  id:
                    map: id
                """);
        probe("using group_ids", "value-maps.yaml", VALUE_MAPS, "users.yaml", """
                target: users
                source: users
                columns:
                  group_id: {map: user_group, using: group_ids}
                """);
        probe("write", "users.yaml", """
                target: users
                source: users
                write: upsert
                columns:
                  id: {copy: id}
                """);
        probe("kind", "users.yaml", """
                target: users
                source: users
                kind: table
                columns:
                  id: {copy: id}
                """);
        probe("after", "users.yaml", """
                target: users
                source: users
                after: [grups]
                columns:
                  id: {copy: id}
                """);
        probe("cycle", "groups.yaml", """
                target: groups
                source: groups
                after: [users]
                columns:
                  id: {copy: id}
                """, "users.yaml", """
                target: users
                source: users
                after: [groups]
                columns:
                  id: {copy: id}
                """);
        probe("two files", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                """, "users2.yaml", """
                # a copy
                target: users
                source: users
                columns:
                  id: {copy: id}
                """);
        probe("no target", "users.yaml", """
                source: users
                columns:
                  id: {copy: id}
                """);
        probe("no target, comment first", "users.yaml", """
                # users
                source: users
                columns:
                  id: {copy: id}
                """);
        probe("non-map rule", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  email: user_email
                """);
        probe("value map unknown key", "value-maps.yaml", """
                value_maps:
                  group_id:
                    values:
                      2: 3
                    otherwse: keep
                """, "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                """);
        probe("value map unknown top key", "value-maps.yaml", """
                value_map:
                  group_id:
                    values:
                      2: 3
                """, "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                """);
        probe("expr syntax", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  nick: {expr: "fn:truncate(row.user_nick, 50) +"}
                """);
        probe("expr syntax block", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  nick:
                    expr: >
                      row.user_nick +
                """);
        probe("expr unknown var", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {copy: id}
                  nick: {expr: "user_nick"}
                """);
        probe("refuse", "users.yaml", """
                target: users
                source: users
                refuse:
                  - when: "row.id == 0"
                    mesage: "zero"
                columns:
                  id: {copy: id}
                """);
        probe("refuse expr", "users.yaml", """
                target: users
                source: users
                refuse:
                  - when: "row.id =="
                    message: "zero"
                columns:
                  id: {copy: id}
                """);
        probe("lookup both", "users.yaml", """
                target: users
                source: users
                lookups:
                  g: {source: groups, target: groups, key: id}
                columns:
                  id: {copy: id}
                """);
        probe("otherwise bad", "users.yaml", """
                target: users
                source: users
                columns:
                  id: {map: id, values: {1: 2}, otherwise: drop}
                """);
        probe("empty", "users.yaml", "");
        probe("none", "value-maps.yaml", VALUE_MAPS);
        probe("kv bad", "settings.yaml", """
                target: settings
                source: options
                kind: key-value
                source_columns: {name: option_name, value: option_value}
                target_columns: {name: name, value: value, type: type}
                settings:
                  siteName: {copy: siteName, typ: basic}
                """);
    }
}
