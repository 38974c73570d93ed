package upgrade.cli;

import upgrade.site.SiteProfiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the report and the share-link map (which lists every V2 share key) are written. Operators
 * run the tool in V2's web root, which V2's web server may serve to anyone, so by default they go
 * to a directory beside that root; elsewhere, to the working directory.
 *
 * @param path    the directory, absolute
 * @param why     how it was chosen, for the line that says where the files go
 * @param warning set when an explicit --export-dir lies inside V2's web root
 */
public record ExportDirectory(Path path, String why, Optional<String> warning) {
    /** The name of the default directory beside V2's web root {@code ROOT}: {@value}ROOT. */
    public static final String BESIDE_PREFIX = "cloudreve-upgrade-";

    /**
     * @param explicit         --export-dir, or null
     * @param workingDirectory where the tool was started
     * @param v2Root           V2's web root when known (--v2-root, or the working directory), or null
     */
    public static ExportDirectory choose(Path explicit, Path workingDirectory, Path v2Root) {
        var here = real(workingDirectory);
        var roots = Stream.concat(Stream.ofNullable(v2Root).map(root -> real(workingDirectory.resolve(root))),
                SiteProfiles.current().sourceRootAround(here).stream().map(ExportDirectory::real)).filter(Objects::nonNull).distinct().toList();
        if (explicit != null) {
            var path = real(workingDirectory.resolve(explicit));
            var inside = roots.stream().filter(path::startsWith).findFirst();
            return new ExportDirectory(path, "given with --export-dir", inside.map(root -> "--export-dir " + path + " is inside V2's web root " + root
                    + ": V2's web server may serve the report and v2-share-links.csv (every share key) to anyone."
                    + " Choose a directory outside it, or delete the files as soon as you have them."));
        }
        var around = roots.stream().filter(here::startsWith).findFirst();
        if (around.isEmpty()) {
            return new ExportDirectory(here, "the working directory", Optional.empty());
        }
        var root = around.get();
        var parent = root.getParent() != null ? root.getParent() : Path.of(System.getProperty("user.home"));
        var name = root.getFileName() != null ? root.getFileName().toString() : "v2";
        return new ExportDirectory(parent.resolve(BESIDE_PREFIX + name),
                "beside V2's web root " + root + ", which V2's web server may serve; --export-dir DIR chooses another", Optional.empty());
    }

    /** The path with symbolic links resolved as far as it exists, so a web root reached by a link is still recognised. */
    private static Path real(Path path) {
        var absolute = path.toAbsolutePath().normalize();
        var existing = absolute;
        while (existing != null) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return absolute;
    }
}
