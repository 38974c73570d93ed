package upgrade.mapping;

import java.util.List;

/** The top-level keys a mapping file of each kind may have; {@link MappingLoader} refuses any other. */
public final class MappingKeys {
    public static final List<String> ROWS = List.of("target", "source", "kind", "phase", "description", "key", "after",
            "write", "target_key", "only", "refuse", "require", "skip", "notes", "lookups", "columns", "nullable", "on_conflict", "export",
            "ignored", "let");
    public static final List<String> KEY_VALUE = List.of("target", "source", "kind", "description", "key", "after",
            "source_columns", "target_columns", "settings", "dropped", "refuse", "ignored", "let");
    public static final List<String> FILES = List.of("kind", "source", "description", "key", "after", "lookups", "only", "skip", "files", "let");

    private MappingKeys() {}
}
