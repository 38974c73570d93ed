package upgrade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's V3 reference (shared/reference/v3-database.md), which lies beside the working
 * copy on the team's machines and in CI but not in a newcomer's clone: tests that compare against
 * it look for it in the working directory and its parents, and are skipped when it is absent.
 */
public final class V3Reference {
    private static final Path RELATIVE = Path.of("shared", "reference", "v3-database.md");

    private V3Reference() {}

    /** The reference's text, when a shared/ folder with it is found. */
    public static Optional<String> text() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Optional.of(Files.readString(candidate));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The first ```sql code block after the heading that starts with this text, e.g. "### 6.1". */
    public static String sqlBlock(String reference, String heading) {
        int at = reference.indexOf("\n" + heading);
        if (at < 0) {
            throw new IllegalStateException("the V3 reference has no section '" + heading + "'");
        }
        int start = reference.indexOf("```sql\n", at);
        int end = reference.indexOf("\n```", start + 1);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the V3 reference has no sql code block after '" + heading + "'");
        }
        return reference.substring(start + "```sql\n".length(), end + 1);
    }
}
