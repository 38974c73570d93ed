package upgrade.mapping;

import java.util.List;

/**
 * The database the mappings read, as a whole, as {@value MappingLoader#TARGET_FILE} declares it
 * beside the target: what messages call it ("Comparing V2 with the mappings").
 *
 * @param name the database as messages name it
 */
public record SourceDatabase(String name) {
    /** A source nothing is declared about. */
    public static final SourceDatabase UNDECLARED = new SourceDatabase("the source");

    /** The known keys of its part of the file, for the loader. */
    static final List<String> KEYS = List.of("name");
}
