package upgrade.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/mapping.schema.json, which editors use to check and complete mapping files, accepts every bundled file and rejects typos. */
class MappingSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path project() {
        return upgrade.support.ProjectRoot.get();
    }

    private static com.networknt.schema.JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(project().resolve("docs/mapping.schema.json").toFile()));
    }

    @Test
    void everyBundledMappingFileFollowsTheSchemaAndPointsAtIt() throws IOException {
        var schema = schema();
        var bundled = MappingFiles.bundled();
        var files = new java.util.ArrayList<>(bundled.files());
        files.addAll(bundled.layers());
        assertThat(files).hasSizeGreaterThan(20);
        assertThat(bundled.layers()).as("the files of later V3 releases (since:)").isNotEmpty();
        for (var file : files) {
            assertThat(schema.validate(YAML.readTree(file.text()))).as(file.name()).isEmpty();
            assertThat(file.text()).as(file.name()).startsWith("# yaml-language-server: $schema=../docs/mapping.schema.json");
        }
    }

    @Test
    void typosAndWrongShapesAreRejected() throws IOException {
        var schema = schema();
        assertThat(schema.validate(YAML.readTree("target: users\nsource: users\ncolums: {}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("target: users\nsource: users\ncolumns:\n  id: {copy: id, value: 1}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("target: users\nsource: users\nwrite: upsert\ncolumns: {}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("kind: files\nsource: users\nfiles:\n  - from: x\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("target: files\nsource: files\non_conflict: {rename: name, as: \"{base} ({n}){ext}\", also_unique_in: {table: folders, colum: name}}\ncolumns: {}\n"))).isNotEmpty();
        var ensure = "target: folders\nsource: folders\ncolumns:\n  parent_id: {ensure: folders, match: {name: {value: x}}, note: n, avoid: %s}\n";
        assertThat(schema.validate(YAML.readTree(ensure.formatted("{rename: name, also_unique_in: {table: files, column: name}}")))).isEmpty();
        assertThat(schema.validate(YAML.readTree(ensure.formatted("{rename: name, also_unique_in: [{table: files, column: name, as: x}]}")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ensure.formatted("{also_unique_in: {table: files, column: name}}")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(ensure.formatted("{rename: name, as: \"{name} again\", also_unique_in: {table: files, column: name}}")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("disabled: true\n"))).isEmpty();
    }

    @Test
    void filesThatExtendABundledOneFollowTheSchemaToo() throws IOException {
        var schema = schema();
        assertThat(schema.validate(YAML.readTree("""
                extends: users
                let: {theme: "row.theme"}
                remove: {columns: [options.preferred_theme], notes: ["a note"]}
                columns:
                  options: {json: {qq: {expr: "fn:blank(row.qq) ? null : row.qq"}}}
                  folder_id: {rule: recovery_folder, note: "re-homed"}
                """))).isEmpty();
        assertThat(schema.validate(YAML.readTree("extends: users\nremove: {colums: [qq]}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("extends: users\ncolums: {}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("extends: users\nlet: {a-b: \"row.id\"}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("lookups: {v3_user: {target: users, key: id}}\n"))).isEmpty();
        assertThat(schema.validate(YAML.readTree("lookups: {v3_user: {target: users, kee: id}}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("rules: {r: {ensure: folders, match: {}, note: x}}\n"))).isEmpty();
    }

    @Test
    void theTargetFileAndByDesignHaveTheirShapes() throws IOException {
        var schema = schema();
        assertThat(schema.validate(YAML.readTree("target: {name: CRM, text_not_null: true}\n"))).isEmpty();
        assertThat(schema.validate(YAML.readTree("target: {name: CRM, text_not_nul: true}\n"))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree("target: {text_not_null: 'yes'}\n"))).isNotEmpty();
        var skip = "source: task\nwrite: none\nskip:\n  - when: 'true'\n    reason: dropped\n    by_design: true\n";
        assertThat(schema.validate(YAML.readTree(skip))).isEmpty();
        assertThat(schema.validate(YAML.readTree(skip.replace("skip:", "only:")))).isNotEmpty();
    }
}
