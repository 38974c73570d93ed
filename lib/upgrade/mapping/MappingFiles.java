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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The YAML files a run uses: the ones bundled with the toolkit (the project's {@code mappings/}
 * directory, packed into the script's jar) or the ones in a directory the operator names.
 *
 * <p>A file that says {@code since: VERSION} is a <em>layer</em>: it holds what a release of the
 * target (as target.yaml lists them) changes, and is used only when the target is that release or
 * a later one ({@link #forVersion}). It is kept apart from {@code files} until then.
 *
 * @param layers the files with {@code since:}, laid over the others by {@link #forVersion}
 * @param below  the files this set was laid over ({@link #overlay}); null for a directory's own
 * @param laid   the operator's files laid over {@code below}; null for a directory's own
 */
public record MappingFiles(String origin, List<File> files, List<File> layers, MappingFiles below, MappingFiles laid) {
    /** The key of a layer file: the first release of the target it is for. */
    static final String SINCE = "since";

    public MappingFiles(String origin, List<File> files) {
        this(origin, files, List.of(), null, null);
    }

    /**
     * One file's name and text, where it came from (for listings; empty for the bundled files),
     * the file it {@code extends}, which its parts are merged onto (null when it extends none),
     * and, for a layer merged onto the file it extends, the layer's own name (errors name it).
     */
    public record File(String name, String text, String from, File base, String shown) {
        public File(String name, String text) {
            this(name, text, "");
        }

        public File(String name, String text, String from) {
            this(name, text, from, null);
        }

        public File(String name, String text, String from, File base) {
            this(name, text, from, base, null);
        }

        /** How errors name the file: the bundled ones by name, the operator's by their path. */
        public String label() {
            var own = shown == null ? name : shown;
            return from.isEmpty() ? own : Path.of(from).resolve(own).toString();
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
            return withoutSince(root);
        }

        /** The release a layer is for ({@code since:}); empty for every other file. */
        public Optional<YamlNode> since() {
            var root = YamlNode.parse(label(), text);
            return root.isObject() ? root.get(SINCE) : Optional.empty();
        }

        /** A checksum of what the file means: its own lines, and those of the file it extends. */
        public long checksum() {
            return base == null ? Checksums.of(text) : Checksums.of(base.checksum() + "\n" + text);
        }
    }

    /** A layer's root without its {@code since:}, which only chose it. */
    static YamlNode withoutSince(YamlNode root) {
        if (!root.isObject() || root.get(SINCE).isEmpty()) {
            return root;
        }
        var entries = new LinkedHashMap<String, YamlNode>();
        root.entries().stream().filter(e -> !e.getKey().equals(SINCE)).forEach(e -> entries.put(e.getKey(), e.getValue()));
        return YamlNode.merged(root, entries);
    }

    /**
     * The files for one release of the target: the layers whose {@code since} is in {@code active}
     * (the releases up to the target's, oldest first) laid over the files below the operator's,
     * in that order, then the operator's files over them, as {@link #overlay} lays them. A layer
     * that {@code extends: NAME} is merged onto NAME and takes its place; any other adds a mapping.
     */
    public MappingFiles forVersion(List<String> active, TargetVersions versions) {
        var chain = new ArrayList<MappingFiles>();
        var bottom = this;
        while (bottom.below != null) {
            chain.add(0, bottom.laid);
            bottom = bottom.below;
        }
        var files = new TreeMap<String, File>();
        bottom.files.forEach(file -> files.put(file.name(), file));
        var names = versions.known().stream().map(TargetVersions.Version::name).toList();
        for (var layer : layers) {
            var since = layer.since().orElseThrow();
            if (!names.contains(since.text())) {
                throw new MappingException(since.where(), "'since' names '" + since.text() + "', which is not a release target.yaml lists",
                        YamlNode.didYouMean(since.text(), names).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "releases: " + String.join(", ", names));
            }
        }
        var used = new ArrayList<String>();
        for (var release : active) {
            for (var layer : layers) {
                if (layer.since().orElseThrow().text().equals(release)) {
                    lay(layer, files);
                    used.add(layer.label());
                }
            }
        }
        var result = new MappingFiles(bottom.origin + (used.isEmpty() ? "" : " with " + String.join(", ", used)), List.copyOf(files.values()));
        for (var operator : chain) {
            result = result.overlay(operator);
        }
        return new MappingFiles(result.origin, result.files);
    }

    /** Lays one layer into {@code files}: onto the file it extends (in its place), or as a file of its own. */
    private void lay(File layer, Map<String, File> files) {
        var extended = Extends.of(YamlNode.parse(layer.label(), layer.text()));
        if (extended.isEmpty()) {
            files.put(layer.name(), layer);
            return;
        }
        var base = base(layer, files);
        files.put(base.name(), new File(base.name(), layer.text(), layer.from(), base, layer.name()));
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
                merged.put(file.name(), new File(file.name(), file.text(), operator.origin(), base(laid, withLayers(below))));
            }
        }
        var layered = new TreeMap<String, File>();
        layers.forEach(layer -> layered.put(layer.name(), layer));
        operator.layers().forEach(layer -> layered.put(layer.name(), new File(layer.name(), layer.text(), operator.origin())));
        return new MappingFiles(origin + " with " + operator.origin() + " over them", List.copyOf(merged.values()),
                List.copyOf(layered.values()), this, operator);
    }

    /**
     * The files below and, under the names no file has, the layers: an operator's file may extend a
     * release's own mapping (nodes.yaml); {@link #forVersion} lays it again over that release's files.
     */
    private Map<String, File> withLayers(Map<String, File> below) {
        var all = new TreeMap<String, File>();
        layers.forEach(layer -> all.put(layer.name(), layer));
        all.putAll(below);
        return all;
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
                    return split("bundled mappings", read(fs.getPath("mappings"), ""));
                }
            }
            return split("bundled mappings", read(Path.of(url.toURI()), ""));
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
            return split(directory.toString(), read(directory, directory.toString()));
        } catch (IOException e) {
            throw new MappingException(new Where(directory.toString(), 0, 0), "cannot be read: " + e.getMessage(), "", e);
        }
    }

    /** The files, with the layers ({@code since:}) apart. */
    private static MappingFiles split(String origin, List<File> read) {
        var files = read.stream().filter(file -> file.since().isEmpty()).toList();
        var layers = read.stream().filter(file -> file.since().isPresent()).toList();
        return new MappingFiles(origin, files, layers, null, null);
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
