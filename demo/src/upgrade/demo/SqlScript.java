package upgrade.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SQL file shipped with the toolkit (the demo site and the test fixtures): statements end with
 * {@code ;} at the end of a line, comments stand on lines of their own starting with {@code --}.
 */
public record SqlScript(String name, List<String> statements) {

    /** Reads a script from the class path, replacing each {@code {{key}}} with its value. */
    public static SqlScript resource(String name, Map<String, String> replacements) {
        try (var in = SqlScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var entry : replacements.entrySet()) {
                text = text.replace("{{" + entry.getKey() + "}}", entry.getValue());
            }
            return new SqlScript(name, split(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : text.split("\r?\n")) {
            if (line.strip().startsWith("--") || line.isBlank() && current.length() == 0) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                var statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
