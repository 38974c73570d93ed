package upgrade.engine;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CSV files a run writes (e.g. V2 share keys to V3 share ids). Their lines are kept in the
 * ledger, committed with the rows they describe, so a resumed run has them all; the files are
 * written once the run has finished. A dry run keeps no lines and writes no file.
 */
public final class Exports {
    private static final CsvMapper CSV = new CsvMapper();

    private final Path directory;
    private final Ledger ledger;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    /** @param ledger where lines are kept; null for a dry run */
    public Exports(Path directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
    }

    /** Declares a file and its header; returns what writes one line of it. */
    public Consumer<List<Object>> file(String fileName, List<String> header) {
        headers.put(fileName, header);
        return ledger == null ? line -> { } : line -> ledger.exportLine(fileName, line);
    }

    /** The files {@link #writeFiles()} writes. */
    public List<Path> files() {
        return ledger == null ? List.of() : headers.keySet().stream().map(directory::resolve).toList();
    }

    /** Writes every declared file from the lines the ledger holds (through NAME.partial, renamed when complete). */
    public List<Path> writeFiles() {
        var written = new ArrayList<Path>();
        if (ledger == null) {
            return written;
        }
        for (var entry : headers.entrySet()) {
            var target = directory.resolve(entry.getKey());
            var partial = directory.resolve(entry.getKey() + ".partial");
            var schema = CsvSchema.builder().addColumns(entry.getValue(), CsvSchema.ColumnType.STRING).build().withHeader();
            try {
                Files.createDirectories(directory);
                try (var writer = CSV.writer(schema).writeValues(Files.newBufferedWriter(partial))) {
                    ledger.exportedLines(entry.getKey(), line -> {
                        try {
                            writer.write(line.stream().map(v -> v == null ? "" : v.toString()).toList());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(),
                        e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            }
        }
        return written;
    }
}
