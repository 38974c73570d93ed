package upgrade.engine;

import upgrade.expr.Expression;
import upgrade.mapping.Condition;
import upgrade.mapping.FileMapping;
import upgrade.report.StepCounter;
import upgrade.report.StepReport;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs one {@link FileMapping}: for each source row, copies its files from V2's web root into V3's
 * directory (converting to PNG where asked), or checks that they are there. It never moves,
 * overwrites or deletes: a file already in place and identical is left alone (a second run does
 * nothing), a different one already there is left too and noted, a missing one is noted. A dry
 * run only says what it would copy.
 */
public final class FileStep {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final FileMapping mapping;
    private final RunContext run;
    private final Path v2Root;
    private final Path v3Directory;
    private final boolean dryRun;
    private final LookupSet lookups;
    private final RuleEvaluator evaluator;

    public FileStep(FileMapping mapping, RunContext run, Path v2Root, Path v3Directory, boolean dryRun) {
        this.mapping = mapping;
        this.run = run;
        this.v2Root = v2Root.toAbsolutePath().normalize();
        this.v3Directory = v3Directory.toAbsolutePath().normalize();
        this.dryRun = dryRun;
        this.lookups = new LookupSet(mapping.lookups(), run, null);
        this.evaluator = new RuleEvaluator(run.params(), lookups.tables(), null, mapping.lets());
    }

    public StepReport run() {
        var database = run.database(mapping.sourceSide());
        var source = database.table(mapping.source());
        var counter = new StepCounter(mapping.name(), mapping.origin().file(), source.name(), "files in " + v3Directory,
                Condition.textsByDesign(mapping.skip()));
        run.listener().stepStarted(mapping.name(), source.name(), v3Directory.toString(), database.count(source));
        try {
            for (var page : new RowReader(database, source, mapping.key(), run.batchSize())) {
                counter.read(page.size());
                for (var row : page) {
                    handle(row, counter);
                }
                run.listener().progress(mapping.name(), counter.rowsRead());
            }
        } finally {
            lookups.close();
        }
        var report = counter.report();
        run.listener().stepFinished(report);
        return report;
    }

    private void handle(Map<String, Object> row, StepCounter counter) {
        var key = row.get(mapping.key());
        var context = evaluator.context(row, Map.of());
        for (var condition : mapping.only()) {
            if (!Boolean.TRUE.equals(evaluate(condition.when(), context, key))) {
                counter.passedOver(condition.text(context));
                return;
            }
        }
        for (var condition : mapping.skip()) {
            if (Boolean.TRUE.equals(evaluate(condition.when(), context, key))) {
                counter.skipped(key, condition.text(context));
                return;
            }
        }
        for (var item : mapping.files()) {
            var to = inside(v3Directory, evaluate(item.to(), context, key), item);
            if (item.from() == null) {
                if (!Files.isRegularFile(to)) {
                    counter.note(key + " (" + v3Directory.relativize(to) + ")", item.missing());
                }
                continue;
            }
            var from = inside(v2Root, evaluate(item.from(), context, key), item);
            if (!Files.isRegularFile(from)) {
                counter.note(key + " (" + v2Root.relativize(from) + ")", item.missing());
            } else {
                counter.note(key + " (" + v3Directory.relativize(to) + ")", copy(from, to, item.toPng()));
            }
        }
        counter.written(1, 0);
    }

    /** Copies one file and says what it did. */
    private String copy(Path from, Path to, boolean toPng) {
        try {
            var bytes = Files.readAllBytes(from);
            var png = !toPng || startsWithPngSignature(bytes) ? bytes : toPng(bytes, from);
            if (Files.exists(to)) {
                return Arrays.equals(Files.readAllBytes(to), png) ? "already in place"
                        : "a different file is already there; it was left as it is";
            }
            if (dryRun) {
                return "would be copied" + (png == bytes ? "" : " (as PNG)");
            }
            Files.createDirectories(to.getParent());
            var partial = to.resolveSibling(to.getFileName() + ".partial");
            Files.write(partial, png);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            return png == bytes ? "copied" : "copied (converted to PNG)";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithPngSignature(byte[] bytes) {
        return bytes.length >= PNG_SIGNATURE.length && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE);
    }

    private static byte[] toPng(byte[] bytes, Path from) throws IOException {
        var image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException(from + " is not an image the JDK can read (JPEG, PNG, GIF, BMP)");
        }
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A path under {@code root}; one that would leave it (with ..) is a mapping error. */
    private Path inside(Path root, Object relative, FileMapping.FileItem item) {
        var path = root.resolve(String.valueOf(relative)).normalize();
        if (!path.startsWith(root)) {
            throw new DataException(item.where() + ": the path '" + relative + "' leads out of " + root,
                    "file paths in mappings are relative to V2's web root (from) and V3's directory (to)", null);
        }
        return path;
    }

    private Object evaluate(Expression expression, org.apache.commons.jexl3.MapContext context, Object key) {
        try {
            return expression.evaluate(context);
        } catch (Expression.ExpressionFailure e) {
            throw new DataException(expression.where() + ": the expression failed on the source row with key " + key + ": " + e.getMessage(),
                    "make the expression handle this value, e.g. with ??", e);
        }
    }
}
