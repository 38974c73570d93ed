package upgrade.cloudreve;

import com.fasterxml.jackson.databind.ObjectMapper;
import upgrade.db.DatabaseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The scalar settings of a PHP config file that returns an array (ThinkPHP's application/*.php).
 * PHP itself reads the file when a {@code php} command is on PATH, as on every V2 host; otherwise the
 * {@code 'key' => 'value'} lines the V2 installers write are read directly (later keys win), which
 * covers the files as the installers left them.
 */
final class PhpConfig {
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*=>\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9]+|true|false))\\s*,?",
            Pattern.MULTILINE);

    private PhpConfig() {}

    /** The file's top-level scalar settings as text; how it was read is in {@code readBy}. */
    record Values(Map<String, String> values, String readBy) {
        public String get(String key, String otherwise) {
            var value = values.get(key);
            return value == null || value.isEmpty() ? otherwise : value;
        }
    }

    static Values read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException("V2 web root: " + file + " does not exist",
                    "give --v2-root the directory that holds V2's index.php and application/, or pass --from instead");
        }
        var byPhp = withPhp(file);
        if (byPhp != null) {
            return new Values(byPhp, "php");
        }
        try {
            var values = new LinkedHashMap<String, String>();
            var matcher = ENTRY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                var text = matcher.group(2) != null ? matcher.group(2) : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                values.put(matcher.group(1), text.replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            return new Values(values, "its 'key' => 'value' lines (no php command on PATH)");
        } catch (IOException e) {
            throw new DatabaseException("V2 web root: cannot read " + file + ": " + e.getMessage(), "", e);
        }
    }

    /** The top-level scalars PHP itself sees in the file, or null when there is no usable php command. */
    private static Map<String, String> withPhp(Path file) {
        try {
            var process = new ProcessBuilder("php", "-r",
                    "$c = include $argv[1]; echo json_encode(array_filter(is_array($c) ? $c : [], 'is_scalar'));", file.toString())
                    .redirectErrorStream(false).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            var values = new LinkedHashMap<String, String>();
            new ObjectMapper().readTree(output).properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            return values;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null; // no php here: read the lines instead
        }
    }
}
