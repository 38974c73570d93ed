package upgrade.support;

import upgrade.mapping.MappingFiles;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled mapping files, or one of them with a piece of its text changed, for tests that break a rule on purpose. */
public final class EditedMappings {
    private EditedMappings() {}

    /** The text of the bundled file {@code name} (e.g. "users.yaml"). */
    public static String bundledText(String name) {
        return MappingFiles.bundled().files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().text();
    }

    /** The bundled files with {@code from} replaced by {@code to} in {@code file}; {@code from} must be there. The layers of later V3 releases stay. */
    public static MappingFiles bundledWith(String file, String from, String to) {
        var files = new ArrayList<MappingFiles.File>();
        var bundled = MappingFiles.bundled();
        for (var f : bundled.files()) {
            if (f.name().equals(file)) {
                assertThat(f.text()).contains(from);
                files.add(new MappingFiles.File(f.name(), f.text().replace(from, to)));
            } else {
                files.add(f);
            }
        }
        return new MappingFiles("edited mappings", files, bundled.layers(), null, null);
    }
}
