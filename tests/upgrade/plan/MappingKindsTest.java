package upgrade.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import upgrade.UpgradeOptions;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.MappingSet;
import upgrade.mapping.RowMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapping kinds are registered in one place, which the schema and the reference agree with. */
class MappingKindsTest {

    private static MappingSet bundled() {
        return new MappingLoader(new Expressions(new Builtins(UpgradeOptions.defaults().v2TimeZone(), Instant.now())))
                .load(MappingFiles.bundled());
    }

    private static Path project() {
        return upgrade.support.ProjectRoot.get();
    }

    @Test
    void everyBundledMappingHasItsKindAndAStep() {
        var set = bundled();
        for (var mapping : set.mappings()) {
            assertThat(MappingKinds.of(mapping).type()).as(mapping.name()).isEqualTo(mapping.getClass());
        }
        var settings = set.find("settings").orElseThrow();
        var users = set.find("users").orElseThrow();
        assertThat(MappingKinds.of(settings)).isSameAs(MappingKinds.KEY_VALUE);
        assertThat(MappingKinds.of(set.find("thumbnails").orElseThrow())).isSameAs(MappingKinds.FILES);
        assertThat(MappingKinds.of(users)).isSameAs(MappingKinds.ROWS);
        assertThat(MappingKinds.label(settings)).isEqualTo("key-value");
        assertThat(MappingKinds.label(users)).isEqualTo("upgrade");
        assertThat(MappingKinds.label(set.find("verify-users").orElseThrow())).isEqualTo("verify");
        assertThat(MappingKinds.as(users, MappingKinds.ROWS)).get().isInstanceOf(RowMapping.class);
        assertThat(MappingKinds.as(settings, MappingKinds.ROWS)).isEmpty();
    }

    @Test
    void theKindsListTheColumnsTheyReadForTheDrift() {
        var read = MappingKinds.columnsRead(bundled());
        assertThat(read.get("options")).contains("option_name", "option_value");       // key-value
        assertThat(read.get("users")).contains("user_email", "user_status");            // rows
        assertThat(read.get("files")).contains("pre_name", "orign_name");               // rows and files
    }

    @Test
    void theSchemaAndTheReferenceNameEveryRegisteredKind() throws IOException {
        var schema = Files.readString(project().resolve("docs/mapping.schema.json"));
        var reference = Files.readString(project().resolve("docs/mapping-reference.md"));
        for (var kind : MappingKinds.all()) {
            assertThat(schema).as(kind.name()).contains("\"kind\": {\"const\": \"" + kind.name() + "\"}");
            assertThat(reference).as(kind.name()).contains("`kind: " + kind.name() + "`");
        }
    }

    @Test
    void theSchemaAndTheReferenceNameEveryKeyOfEveryKindAndTheSchemaNoOther() throws IOException {
        var definitions = new ObjectMapper().readTree(project().resolve("docs/mapping.schema.json").toFile()).path("definitions");
        var reference = Files.readString(project().resolve("docs/mapping-reference.md"));
        for (var kind : MappingKinds.all()) {
            var definition = StreamSupport.stream(Spliterators.spliteratorUnknownSize(definitions.fields(), 0), false)
                    .map(Map.Entry::getValue)
                    .filter(d -> d.path("properties").path("kind").path("const").asText().equals(kind.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no definition with kind: " + kind.name() + " in the schema"));
            var declared = new TreeSet<String>();
            definition.path("properties").fieldNames().forEachRemaining(declared::add);
            // a release layer's 'since:' is read by MappingFiles, which lays the file, before any kind parses it
            assertThat(declared.remove("since")).as("the schema's definition of kind: " + kind.name() + " allows since:").isTrue();
            assertThat(declared).as("the keys of the schema's definition of kind: " + kind.name()).isEqualTo(new TreeSet<>(kind.keys()));
            for (var key : kind.keys()) {
                assertThat(reference).as("the reference on '" + key + "' (kind: " + kind.name() + ")").containsPattern("(?m)`" + key + "[`:]|^ *" + key + ":"); // named in the text, or in an example
            }
        }
    }
}
