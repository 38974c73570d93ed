package upgrade.cli;

import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.site.SiteProfiles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions asked on a terminal for what neither the options nor the files tell, like the
 * original assistant did, with defaults in brackets.
 */
final class Prompts {
    /** How often a refused password is asked for again before the command gives up. */
    static final int PASSWORD_RETRIES = 3;
    static final String V3_LABEL = "V3 database";

    private final Terminal terminal;

    Prompts(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The target database as answered; {@code conf} is set when it was read from its configuration file. */
    record V3Answers(ConnectionSpec spec, String prefix, String hashIdSalt, Optional<Path> conf) {}

    /**
     * The target database: read from its configuration file when its path is given (with the share
     * links' salt), else asked setting by setting, and then the salt when {@code wantSalt}.
     */
    V3Answers v3Database(boolean wantSalt) {
        terminal.say(Texts.TARGET_HEADING.text());
        for (var answer = ask(Texts.TARGET_FILE.text(), ""); !answer.isEmpty();
             answer = ask(Texts.TARGET_FILE_AGAIN.text(), "")) {
            var file = file(answer.startsWith("sqlite:") ? answer.substring(7) : answer);
            if (file == null) {
                terminal.say("  '" + answer + "' is not a path.");
                continue;
            }
            if (answer.startsWith("sqlite:") || file.getFileName().toString().endsWith(".db")) {
                var prefix = ask(Texts.SQLITE_PREFIX.text(), "");
                return new V3Answers(new ConnectionSpec(V3_LABEL, "the answers typed", ConnectionSpec.sqliteUrl(file), null), prefix,
                        wantSalt ? hashIdSalt() : "", Optional.empty());
            }
            try {
                var conf = SiteProfiles.current().readTarget(file);
                return new V3Answers(new ConnectionSpec(V3_LABEL, conf.where(), conf.url(), conf.password()), conf.prefix(),
                        conf.shareSalt(), Optional.of(file));
            } catch (DatabaseException e) {
                terminal.say("  " + e.getMessage());
            }
        }
        var host = ask("  host", "127.0.0.1");
        var port = ask("  port", "3306");
        var user = ask("  user", "root");
        var password = terminal.readPassword("  password: ");
        var database = ask("  database", Texts.DEFAULT_DATABASE.text());
        var prefix = ask(Texts.TYPED_PREFIX.text(), "");
        var url = "jdbc:mysql://" + host + ":" + port + "/" + database + "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        return new V3Answers(ConnectionSpec.typed(V3_LABEL, url, password == null ? "" : password), prefix,
                wantSalt ? hashIdSalt() : "", Optional.empty());
    }

    /** The share links' salt, typed or read from the configuration file whose path is typed; empty when the operator leaves it out. */
    String hashIdSalt() {
        terminal.say(Texts.SHARE_SALT_WHY.text());
        while (true) {
            var answer = ask(Texts.SHARE_SALT.text(), "");
            if (answer.isEmpty()) {
                return "";
            }
            var file = file(answer);
            if (file == null || !(Files.isRegularFile(file) || answer.endsWith(".ini"))) {
                return answer;
            }
            try {
                var salt = SiteProfiles.current().shareSaltOf(file);
                if (!salt.isEmpty()) {
                    return salt;
                }
                terminal.say(Texts.SHARE_SALT_MISSING.text().formatted(file));
            } catch (DatabaseException e) {
                terminal.say("  " + e.getMessage());
            }
        }
    }

    /**
     * The connection as the server accepts it: when the server refuses the password, says so and
     * asks for it again, up to {@value #PASSWORD_RETRIES} times, instead of giving up at once.
     */
    ConnectionSpec loggedIn(ConnectionSpec connection, Database.Role role, String prefix) {
        for (int retry = 1; ; retry++) {
            try (var probe = Database.open(connection, role, prefix)) {
                return connection;
            } catch (DatabaseException e) {
                if (!e.accessDenied() || retry > PASSWORD_RETRIES) {
                    throw e;
                }
                terminal.say(e.getMessage());
                terminal.say("The password (or the user) is wrong. Try again (" + retry + " of " + PASSWORD_RETRIES + "), or press Ctrl-C to stop.");
                var password = terminal.readPassword("  password for " + connection.shown() + ": ");
                if (password == null) {
                    throw e;
                }
                connection = connection.withPassword(password);
            }
        }
    }

    private String ask(String question, String otherwise) {
        var answer = terminal.readLine(question + " [" + otherwise + "]: ");
        return answer == null || answer.isBlank() ? otherwise : answer.trim();
    }

    /** The answer as a path from the working directory; null when it cannot be one. */
    private Path file(String answer) {
        try {
            return terminal.workingDirectory().resolve(answer).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
