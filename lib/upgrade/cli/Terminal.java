package upgrade.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Where the command line was started: its working directory and, when there is one, the terminal
 * to ask the operator on. Commands ask only through this, so tests can script the answers.
 */
public interface Terminal {

    /** The directory relative paths start from (the operator usually runs the tool in V2's web root). */
    Path workingDirectory();

    /** Whether there is someone to ask; without a terminal nothing is asked. */
    boolean canAsk();

    /** Prints a line for the operator, e.g. what the next questions are about. */
    void say(String line);

    /** Prints {@code prompt} and reads one line; null when the input has ended. */
    String readLine(String prompt);

    /** Prints {@code prompt} and reads a line without echoing it; null when the input has ended. */
    String readPassword(String prompt);

    /** The process's own: its working directory and {@link System#console()}, when there is a terminal. */
    static Terminal system() {
        return new SystemTerminal(Path.of("").toAbsolutePath(), System.console());
    }

    /**
     * A terminal that answers with {@code lines}, one per question, echoing the dialogue to
     * {@code out} (passwords as {@code ***}); after the last line, the input has ended.
     */
    static Terminal scripted(Path workingDirectory, PrintWriter out, String... lines) {
        return new ScriptedTerminal(workingDirectory.toAbsolutePath().normalize(), out, new ArrayDeque<>(List.of(lines)));
    }

    /** Nobody to ask (scripts, CI), in {@code workingDirectory}. */
    static Terminal none(Path workingDirectory) {
        return new SystemTerminal(workingDirectory.toAbsolutePath().normalize(), null);
    }

    record SystemTerminal(Path workingDirectory, Console console) implements Terminal {
        @Override
        public boolean canAsk() {
            return console != null;
        }

        @Override
        public void say(String line) {
            if (console != null) {
                console.printf("%s%n", line);
            }
        }

        @Override
        public String readLine(String prompt) {
            return console == null ? null : console.readLine("%s", prompt);
        }

        @Override
        public String readPassword(String prompt) {
            var password = console == null ? null : console.readPassword("%s", prompt);
            return password == null ? null : new String(password);
        }
    }

    record ScriptedTerminal(Path workingDirectory, PrintWriter out, ArrayDeque<String> lines) implements Terminal {
        @Override
        public boolean canAsk() {
            return true;
        }

        @Override
        public void say(String line) {
            out.println(line);
        }

        @Override
        public String readLine(String prompt) {
            var line = lines.poll();
            out.println(prompt + (line == null ? "" : line));
            return line;
        }

        @Override
        public String readPassword(String prompt) {
            var line = lines.poll();
            out.println(prompt + (line == null ? "" : "***"));
            return line;
        }
    }
}
