package upgrade.db;

/**
 * How a text column compares values: its character set and collation, as its server names them
 * ({@code utf8}, {@code utf8_general_ci}). A staged copy of the column compares the same way on
 * the target where the target can (see {@link Dialect#createStage}).
 */
public record TextComparison(String charset, String collation) {
    public TextComparison {
        for (var name : new String[] {charset, collation}) {
            // the names go into DDL; they come from a server's catalogue, and are checked all the same
            if (name == null || !name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("unexpected character set or collation name: " + name);
            }
        }
    }
}
