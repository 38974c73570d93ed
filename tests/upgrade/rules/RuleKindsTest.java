package upgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule kinds are registered in one place ({@link RuleKinds}); the JSON Schema and the mapping
 * reference must agree with the definitions: every kind and every key, none more.
 */
class RuleKindsTest {
    /** Keys a rule may have that belong to no kind: a shared rule's name, a key-value entry's type, a column's fit. */
    private static final Set<String> NOT_OF_A_KIND = Set.of("rule", "type", "fit");

    private static Path project() {
        return upgrade.support.ProjectRoot.get();
    }

    private static Set<String> allKeys() {
        var keys = new TreeSet<String>();
        RuleKinds.all().forEach(kind -> keys.addAll(kind.keyNames()));
        return keys;
    }

    @Test
    void theSchemaDeclaresEveryKindAndEveryKeyAndNoOther() throws IOException {
        var rule = new ObjectMapper().readTree(project().resolve("docs/mapping.schema.json").toFile()).path("definitions").path("rule");
        var declared = new TreeSet<String>();
        rule.path("properties").fieldNames().forEachRemaining(declared::add);
        var expected = new TreeSet<>(allKeys());
        expected.addAll(NOT_OF_A_KIND);
        assertThat(declared).as("the keys of definitions.rule.properties in docs/mapping.schema.json").isEqualTo(expected);
        for (var key : allKeys()) {
            assertThat(rule.path("properties").path(key).path("description").asText()).as("the schema's description of '" + key + "'").isNotBlank();
        }
        var alternatives = new TreeSet<String>();
        for (JsonNode alternative : rule.path("oneOf")) {
            alternative.path("required").forEach(name -> alternatives.add(name.asText()));
        }
        var kinds = new TreeSet<>(RuleKinds.names());
        kinds.add("rule");
        assertThat(alternatives).as("the kinds definitions.rule.oneOf requires one of").isEqualTo(kinds);
    }

    @Test
    void theReferenceDocumentsEveryKindAndEveryKey() throws IOException {
        var reference = Files.readString(project().resolve("docs/mapping-reference.md"));
        var section = reference.substring(reference.indexOf("## Column rules"), reference.indexOf("\n## ", reference.indexOf("## Column rules") + 1));
        for (var kind : RuleKinds.all()) {
            assertThat(section).as("the reference's table of kinds").contains("| `" + kind.name() + "` |");
        }
        assertThat(section).as("the reference's table of keys, as RuleKinds.keysTable() prints it").contains(RuleKinds.keysTable());
    }

    @Test
    void aKindDeclaresEachKeyOnceItsOwnFirstAndKindsAreNamedOnce() {
        assertThat(new HashSet<>(RuleKinds.names())).hasSameSizeAs(RuleKinds.names());
        for (var kind : RuleKinds.all()) {
            assertThat(new LinkedHashSet<>(kind.keyNames())).as(kind.name()).hasSameSizeAs(kind.keyNames());
            assertThat(kind.keyNames().get(0)).isEqualTo(kind.name());
            assertThat(kind.keys()).allSatisfy(key -> assertThat(key.description()).as(kind.name() + "." + key.name()).isNotBlank());
            assertThat(kind.keys().subList(1, kind.keys().size())).filteredOn(RuleKind.Key::required)
                    .allSatisfy(key -> assertThat(key.hint()).as("what to do when " + kind.name() + "." + key.name() + " is missing").isNotBlank());
        }
    }
}
