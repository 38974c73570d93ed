package upgrade.rules;

import java.util.List;

/**
 * One kind of column rule: the key that names it, the YAML keys it takes, and how it is parsed.
 * The parsed record ({@link ColumnRule}) does the rest: checking, columns read, evaluation.
 * {@link RuleKinds} registers every kind; the JSON Schema and the mapping reference are tested
 * against these definitions.
 *
 * @param name   the kind key, e.g. {@code copy}; it is also the first of {@code keys}
 * @param keys   every key a rule of this kind may have, the kind key first
 * @param parser turns the rule's YAML (its keys already checked) into its record
 */
public record RuleKind(String name, List<Key> keys, Parser parser) {

    public RuleKind {
        keys = List.copyOf(keys);
        if (keys.isEmpty() || !keys.get(0).name().equals(name) || !keys.get(0).required()) {
            throw new IllegalArgumentException("the first key of rule kind '" + name + "' must be '" + name + "' itself, required");
        }
    }

    /**
     * A key of a rule.
     *
     * @param hint what the error says to do when a required key is missing
     */
    public record Key(String name, boolean required, String description, String hint) {
        public static Key required(String name, String description, String hint) {
            return new Key(name, true, description, hint);
        }

        public static Key optional(String name, String description) {
            return new Key(name, false, description, "");
        }
    }

    @FunctionalInterface
    public interface Parser {
        ColumnRule parse(RuleSyntax syntax);
    }

    public List<String> keyNames() {
        return keys.stream().map(Key::name).toList();
    }

    /** The kind's own key, the one that says which kind the rule is. */
    public static Key kindKey(String name, String description) {
        return Key.required(name, description, "");
    }
}
