package upgrade.mapping;

import java.util.Locale;

/** What becomes of a text longer than its target column: a column rule's {@code fit} key. */
public enum Fit {
    /**
     * Cut to the column's length in characters (never inside a character), and the row is listed
     * under a note naming the column and the original length. The default for text rules.
     */
    CUT,
    /**
     * Never cut, and the validator must see, before anything is read, that the rule's text fits:
     * otherwise the mapping is rejected. For texts whose every character matters (an e-mail).
     */
    EXACT,
    /**
     * Never cut: for texts a cut would break rather than shorten (a password hash, JSON), which the
     * mapping keeps short by other means. A longer one stops the run. The default for json rules.
     */
    STOP;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
