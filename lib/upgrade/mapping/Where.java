package upgrade.mapping;

/** A place in a mapping file, for messages: {@code users.yaml:14:5}. */
public record Where(String file, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
