package bench;

import upgrade.demo.MariaDbServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The processor time a MySQL/MariaDB server has used, when it runs on this (Linux) machine: its
 * pid from {@code @@pid_file}, its user and system time from {@code /proc/PID/stat}. On a
 * machine of two cores the toolkit and the server share, this is the work a contender gives the
 * server, which waiting cannot hide.
 */
public final class ServerCpu {
    /** Linux reports /proc times in USER_HZ, 100 per second on every architecture it runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private final Path stat;

    private ServerCpu(Path stat) {
        this.stat = stat;
    }

    /** The server's processor time, when it can be read here; empty for a server elsewhere. */
    public static Optional<ServerCpu> of(MariaDbServer server) {
        try {
            var pidFile = String.valueOf(server.query(null, "SELECT @@pid_file AS f").get(0).get("f"));
            var pid = Files.readString(Path.of(pidFile)).trim();
            var cpu = new ServerCpu(Path.of("/proc", pid, "stat"));
            cpu.used();
            return Optional.of(cpu);
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    /** User and system time since the server started. */
    public Duration used() {
        try {
            var text = Files.readString(stat);
            // the fields after the command name (in parentheses, which may hold spaces): state is the 3rd, utime the 14th, stime the 15th
            var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
