package upgrade.db;

import org.sqlite.Collation;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Optional;

/**
 * SQLite collations that compare as V2's MySQL columns did, for a staged copy of them in a SQLite
 * target (a V2 path found as MySQL found it: {@code /Design39} for {@code /design39 }). MySQL's
 * {@code _general_ci}/{@code _unicode_ci} collations are approximated by ignoring case and accents
 * (letters compared without their combining marks, upper-cased); PAD SPACE collations (all but
 * MySQL 8's {@code _0900_} and MariaDB's {@code _nopad_} ones) also ignore trailing spaces.
 */
final class MySqlCollations {
    static final String CASE_INSENSITIVE = "v2_ci";
    static final String CASE_INSENSITIVE_NO_PAD = "v2_nopad_ci";
    static final String EXACT_PAD_SPACE = "v2_bin";

    private MySqlCollations() {}

    /** Registers the collations on a SQLite connection (they live as long as it). */
    static void register(Connection connection) throws SQLException {
        Collation.create(connection, CASE_INSENSITIVE, comparing(true, true));
        Collation.create(connection, CASE_INSENSITIVE_NO_PAD, comparing(true, false));
        Collation.create(connection, EXACT_PAD_SPACE, comparing(false, true));
    }

    /** The SQLite collation for a staged column compared as {@code comparison} says; empty: exactly ({@code BINARY}). */
    static String of(Optional<TextComparison> comparison) {
        if (comparison.isEmpty()) {
            return "BINARY";
        }
        var name = comparison.get().collation().toLowerCase();
        var noPad = name.contains("_0900_") || name.contains("nopad");
        if (name.endsWith("_bin")) {
            return noPad ? "BINARY" : EXACT_PAD_SPACE;
        }
        return noPad ? CASE_INSENSITIVE_NO_PAD : CASE_INSENSITIVE;
    }

    private static Collation comparing(boolean foldCase, boolean padSpace) {
        return new Collation() {
            @Override
            protected int xCompare(String a, String b) {
                return key(a, foldCase, padSpace).compareTo(key(b, foldCase, padSpace));
            }
        };
    }

    static String key(String text, boolean foldCase, boolean padSpace) {
        var end = text.length();
        while (padSpace && end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        var kept = text.substring(0, end);
        if (!foldCase) {
            return kept;
        }
        var decomposed = Normalizer.normalize(kept, Normalizer.Form.NFD);
        var key = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .map(Character::toUpperCase)
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
