package upgrade.mapping;

import upgrade.expr.Expression;

import java.util.List;
import java.util.Map;

/**
 * Files on disk that go with rows (thumbnails, avatars, stored blobs): for each source row, files
 * copied from V2's web root into V3's directory, or only checked to exist there. Files are copied,
 * never moved or deleted; a file already in place and identical is left alone; a missing one is
 * counted and listed under its {@code missing} note, never a failure.
 *
 * @param files  one item per file of a row
 * @param lets   the file's {@code let:} values, read as {@code val.NAME}
 */
public record FileMapping(Origin origin, String source, Side sourceSide, String key, List<String> after,
                          Map<String, LookupSpec> lookups, List<Condition> only, List<Condition> skip,
                          List<FileItem> files, Map<String, Expression> lets) implements Mapping {

    /**
     * One file of a row.
     *
     * @param from    its path under V2's web root; null when the item only checks that {@code to} exists
     * @param to      its path under V3's directory (the directory V3 runs in)
     * @param toPng   convert the image to PNG when it is not one
     * @param missing the note for rows whose file is missing
     */
    public record FileItem(Where where, Expression from, Expression to, boolean toPng, String missing) {}

    @Override
    public String target() {
        return null;
    }
}
