package upgrade.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The working copy's root (where README.md, mappings/ and docs/ are), found from wherever the tests run: the project or tests/. */
public final class ProjectRoot {
    private ProjectRoot() {}

    public static Path get() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("mappings"))
                    && Files.isRegularFile(dir.resolve("docs/mapping.schema.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the project's root (README.md, mappings/, docs/) not found above " + Path.of("").toAbsolutePath());
    }
}
