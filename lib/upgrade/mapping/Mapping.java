package upgrade.mapping;

import upgrade.expr.Expression;

import java.util.List;
import java.util.Map;

/** One mapping file: how one V3 table is filled from V2. */
public sealed interface Mapping permits RowMapping, KeyValueMapping, FileMapping {
    /** The file it came from and its checksum. */
    Origin origin();

    /** The mapping's name: its file name without {@code .yaml}. {@code after} lists refer to it. */
    default String name() {
        return origin().file().replaceFirst("\\.ya?ml$", "");
    }

    /** The target table, without prefix (null when the mapping writes no table). Several mappings may fill one table. */
    String target();

    /** The source table, without prefix. */
    String source();

    /** Mappings (by name) that must run before this one. */
    List<String> after();

    /** The file's {@code let:} values by name, read in its expressions as {@code val.NAME}. */
    Map<String, Expression> lets();

    /**
     * The file a mapping came from, with a checksum of its lines (line endings ignored) and where
     * each of its top-level keys stands, so problems with, say, {@code after} point at that line.
     */
    record Origin(String file, long checksum, Where where, Map<String, Where> keys) {
        /** Where the top-level {@code key} stands, or the file's start when it is absent. */
        public Where at(String key) {
            return keys.getOrDefault(key, where);
        }
    }
}
