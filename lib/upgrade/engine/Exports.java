package upgrade.engine;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files a run writes (e.g. V2 share keys to V3 share ids). Lines go to {@code NAME.partial}
 * while the run lasts; {@link #commit()} renames them once the database transaction committed, and
 * {@link #discard()} deletes them when it did not, so a file is never left describing rows V3 lacks.
 */
public final class Exports implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();

    private final Path directory;
    private final List<Open> open = new ArrayList<>();

    private record Open(Path partial, Path target, SequenceWriter writer) {}

    public Exports(Path directory) {
        this.directory = directory;
    }

    /** A CSV file with this header; each {@code accept} writes one line. */
    public java.util.function.Consumer<List<Object>> open(String fileName, List<String> header) {
        try {
            Files.createDirectories(directory);
            var target = directory.resolve(fileName);
            var partial = directory.resolve(fileName + ".partial");
            var schema = CsvSchema.builder().addColumns(header, CsvSchema.ColumnType.STRING).build().withHeader();
            var writer = CSV.writer(schema).writeValues(Files.newBufferedWriter(partial));
            open.add(new Open(partial, target, writer));
            return line -> {
                try {
                    writer.write(line.stream().map(v -> v == null ? "" : v.toString()).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }

    /** The files that will exist after {@link #commit()}. */
    public List<Path> files() {
        return open.stream().map(Open::target).toList();
    }

    public void commit() {
        close();
        for (var file : open) {
            try {
                Files.move(file.partial(), file.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + file.partial() + " to " + file.target() + ": " + e.getMessage(), e);
            }
        }
    }

    public void discard() {
        close();
        for (var file : open) {
            try {
                Files.deleteIfExists(file.partial());
            } catch (IOException ignored) {
                // a stray .partial file says itself that it is incomplete
            }
        }
    }

    @Override
    public void close() {
        for (var file : open) {
            try {
                file.writer().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file.partial() + ": " + e.getMessage(), e);
            }
        }
    }
}
