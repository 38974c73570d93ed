package upgrade.engine;

/** The result of applying a rule to a row: a value, or the decision to leave the row out. */
public sealed interface Evaluated {
    record Value(Object value) implements Evaluated {}

    record Skip(String reason) implements Evaluated {}
}
