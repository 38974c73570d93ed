package upgrade.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The YAML files a run uses: the ones bundled with the toolkit (the project's {@code mappings/}
 * directory, packed into the script's jar) or the ones in a directory the operator names.
 */
public record MappingFiles(String origin, List<File> files) {

    /** One file's name and text. */
    public record File(String name, String text) {}

    /** The mappings shipped with the toolkit. */
    public static MappingFiles bundled() {
        var url = MappingFiles.class.getClassLoader().getResource("mappings");
        if (url == null) {
            throw new IllegalStateException("the bundled mappings/ are missing from the class path");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (var fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return new MappingFiles("bundled mappings", read(fs.getPath("mappings")));
                }
            }
            return new MappingFiles("bundled mappings", read(Path.of(url.toURI())));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled mappings: " + e.getMessage(), e);
        }
    }

    /** The mappings in {@code directory} (every {@code *.yaml} / {@code *.yml} file). */
    public static MappingFiles directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MappingException(new Where(directory.toString(), 0, 0), "is not a directory",
                    "name a directory that holds mapping files (*.yaml)");
        }
        try {
            return new MappingFiles(directory.toString(), read(directory));
        } catch (IOException e) {
            throw new MappingException(new Where(directory.toString(), 0, 0), "cannot be read: " + e.getMessage(), "", e);
        }
    }

    private static List<File> read(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            var files = new ArrayList<File>();
            for (var path : paths.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                var name = path.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    try {
                        files.add(new File(name, Files.readString(path, StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return files;
        }
    }
}
