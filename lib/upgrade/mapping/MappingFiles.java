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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The YAML files a run uses: the ones bundled with the toolkit (the project's {@code mappings/}
 * directory, packed into the script's jar) or the ones in a directory the operator names.
 */
public record MappingFiles(String origin, List<File> files) {

    /**
     * One file's name and text, where it came from (for listings; empty for the bundled files),
     * and the file it {@code extends}, which its parts are merged onto (null when it extends none).
     */
    public record File(String name, String text, String from, File base) {
        public File(String name, String text) {
            this(name, text, "");
        }

        public File(String name, String text, String from) {
            this(name, text, from, null);
        }

        /** How errors name the file: the bundled ones by name, the operator's by their path. */
        public String label() {
            return from.isEmpty() ? name : Path.of(from).resolve(name).toString();
        }

        /** The file's YAML; merged onto its base when it extends one (see {@link Extends}). */
        public YamlNode root() {
            var root = YamlNode.parse(label(), text);
            if (base != null) {
                return Extends.merge(base.root(), root);
            }
            var extended = Extends.of(root);
            if (extended.isPresent()) {
                throw new MappingException(extended.get().where(), "'extends' works only in a directory laid over the bundled mappings",
                        "put this file into your own directory and give it with --mappings DIR");
            }
            return root;
        }

        /** A checksum of what the file means: its own lines, and those of the file it extends. */
        public long checksum() {
            return base == null ? Checksums.of(text) : Checksums.of(base.checksum() + "\n" + text);
        }
    }

    /**
     * The operator's files laid over these, file by file: a file of the same name replaces the one
     * here, a new name adds a mapping, a file holding only {@code disabled: true} removes it, and a
     * file that says {@code extends: NAME} is merged onto the file NAME here (see {@link Extends}).
     */
    public MappingFiles overlay(MappingFiles operator) {
        var below = new TreeMap<String, File>();
        files.forEach(file -> below.put(file.name(), file));
        var merged = new TreeMap<>(below);
        for (var file : operator.files()) {
            var laid = new File(file.name(), file.text(), operator.origin());
            if (disables(laid)) {
                merged.remove(file.name());
            } else {
                merged.put(file.name(), new File(file.name(), file.text(), operator.origin(), base(laid, below)));
            }
        }
        return new MappingFiles(origin + " with " + operator.origin() + " over them", List.copyOf(merged.values()));
    }

    /** The file below that {@code file} extends; null when it extends none. */
    private File base(File file, Map<String, File> below) {
        var extended = Extends.of(YamlNode.parse(file.label(), file.text()));
        if (extended.isEmpty()) {
            return null;
        }
        var name = extended.get().text().replaceFirst("\\.ya?ml$", "");
        var base = below.getOrDefault(name + ".yaml", below.get(name + ".yml"));
        if (base == null) {
            var names = below.keySet().stream().map(n -> n.replaceFirst("\\.ya?ml$", "")).toList();
            throw new MappingException(extended.get().where(), "'extends' names '" + name + "', which is not one of the " + origin,
                    YamlNode.didYouMean(name, names).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "it can extend: " + String.join(", ", names));
        }
        return base;
    }

    /** True for a file that holds only {@code disabled: true}. */
    private static boolean disables(File file) {
        var root = YamlNode.parse(file.label(), file.text());
        return root.isObject() && root.entries().size() == 1 && root.get("disabled").map(n -> n.json().asBoolean(false)).orElse(false);
    }

    /** The bundled mappings with the operator's directory laid over them; just the bundled ones when it is null. */
    public static MappingFiles bundledWith(Path operatorDirectory) {
        var bundled = bundled();
        return operatorDirectory == null ? bundled : bundled.overlay(directory(operatorDirectory));
    }

    /** The mappings shipped with the toolkit. */
    public static MappingFiles bundled() {
        var url = MappingFiles.class.getClassLoader().getResource("mappings");
        if (url == null) {
            throw new IllegalStateException("the bundled mappings/ are missing from the class path");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (var fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return new MappingFiles("bundled mappings", read(fs.getPath("mappings"), ""));
                }
            }
            return new MappingFiles("bundled mappings", read(Path.of(url.toURI()), ""));
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
            return new MappingFiles(directory.toString(), read(directory, directory.toString()));
        } catch (IOException e) {
            throw new MappingException(new Where(directory.toString(), 0, 0), "cannot be read: " + e.getMessage(), "", e);
        }
    }

    /** @param from where the files come from, for listings; empty for the bundled ones */
    private static List<File> read(Path directory, String from) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            var files = new ArrayList<File>();
            for (var path : paths.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                var name = path.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    try {
                        files.add(new File(name, Files.readString(path, StandardCharsets.UTF_8), from));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return files;
        }
    }
}
