package upgrade.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The engine's helper threads (read-ahead, write-behind, a second reader): one daemon thread each, and their failures as thrown there. */
final class Threads {
    private Threads() {}

    /** One thread named {@code name}, a daemon: it never keeps the JVM alive after Ctrl-C. */
    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            var daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    /** What the job threw, to throw again as it was (an {@link Error} is thrown from here). */
    static RuntimeException failure(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
            return failure;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
