package upgrade;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ChecksFailedException;
import upgrade.check.ToolkitChecks;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.engine.KeyValueStep;
import upgrade.engine.RowStep;
import upgrade.engine.RunContext;
import upgrade.engine.RunListener;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.KeyValueMapping;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.MappingSet;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;
import upgrade.mapping.WriteMode;
import upgrade.mapping.RowMapping;
import upgrade.report.RunReport;
import upgrade.report.StepReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The toolkit as a library, and the handle to use in JShell:
 * <pre>{@code
 * var up = Upgrade.open("jdbc:mysql://localhost/v2?user=root", "jdbc:mysql://localhost/v3?user=root");
 * var report = up.run();
 * }</pre>
 * Opening connects to both databases (the V2 one read-only); {@link #run()} loads and checks the
 * mappings, refuses what must not be upgraded, then writes everything in one transaction, so a
 * failure leaves the V3 database exactly as it was.
 */
public final class Upgrade implements AutoCloseable {
    /** Environment variable with the V2 database password, used instead of one in the URL. */
    public static final String V2_PASSWORD_VARIABLE = "UPGRADE_V2_PASSWORD";
    /** Environment variable with the V3 database password, used instead of one in the URL. */
    public static final String V3_PASSWORD_VARIABLE = "UPGRADE_V3_PASSWORD";

    private final Database source;
    private final Database target;
    private final UpgradeOptions options;

    private Upgrade(Database source, Database target, UpgradeOptions options) {
        this.source = source;
        this.target = target;
        this.options = options;
    }

    /** Connects with the default options (prefixes sd_ and none, salt sdshare, V2 times in Asia/Shanghai). */
    public static Upgrade open(String v2Url, String v3Url) {
        return open(v2Url, v3Url, UpgradeOptions.defaults());
    }

    public static Upgrade open(String v2Url, String v3Url, UpgradeOptions options) {
        return open(ConnectionSpec.of("V2 database", "--from", v2Url, V2_PASSWORD_VARIABLE),
                ConnectionSpec.of("V3 database", "--to", v3Url, V3_PASSWORD_VARIABLE), options);
    }

    public static Upgrade open(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options) {
        var source = Database.open(v2, Database.Role.SOURCE, options.v2Prefix());
        try {
            var target = Database.open(v3, Database.Role.TARGET, options.v3Prefix());
            if (sameTables(v2, v3, options)) {
                source.close();
                target.close();
                throw new DatabaseException("--from and --to name the same database with the same prefix",
                        "V3 must have its own database (or at least its own table prefix); start V3 once on it, then run again");
            }
            return new Upgrade(source, target, options);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static boolean sameTables(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options) {
        return hostAndDatabase(v2.url()).equalsIgnoreCase(hostAndDatabase(v3.url())) && options.v2Prefix().equals(options.v3Prefix());
    }

    /** {@code host:port/database} of a JDBC URL, whichever scheme and parameters it has. */
    private static String hostAndDatabase(String url) {
        return url.replaceFirst("^jdbc:\\w+://", "").replaceFirst("\\?.*$", "");
    }

    public UpgradeOptions options() {
        return options;
    }

    /** The mappings this run would use, loaded and checked against both live schemas. */
    public MappingSet mappings() {
        return mappings(Instant.now());
    }

    private MappingSet mappings(Instant started) {
        var expressions = new Expressions(new Builtins(options.v2TimeZone(), started));
        var files = options.mappings() == null ? MappingFiles.bundled() : options.mappings();
        var set = new MappingLoader(expressions).load(files);
        new MappingValidator(source, target, options.params().keySet()).validate(set);
        return set;
    }

    /**
     * Checks everything the upgrade needs before it writes anything: the toolkit's own conditions
     * (transactional V3 tables that hold every character) and every {@code refuse}/{@code require}
     * check of the upgrade mappings (V2's version, unsupported storage policies, pending tasks,
     * a V3 database as V3 left it at first start...). Writes nothing.
     */
    public CheckReport check() {
        var set = mappings(Instant.now());
        try (var exports = new Exports(options.exportDirectory())) {
            return check(set, context(set, exports, RunListener.NONE));
        }
    }

    private CheckReport check(MappingSet set, RunContext context) {
        var results = new ArrayList<CheckResult>();
        var written = writtenTables(set, Phase.UPGRADE);
        results.add(ToolkitChecks.transactional(target, written.keySet()));
        results.add(ToolkitChecks.fourByteText(target, written.keySet()));
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows && rows.phase() == Phase.UPGRADE) {
                results.addAll(new RowStep(rows, context).checks());
            } else if (mapping instanceof KeyValueMapping keyValue) {
                results.addAll(new KeyValueStep(keyValue, context).checks());
            }
        }
        return new CheckReport(List.copyOf(results));
    }

    public RunReport run() {
        return run(RunListener.NONE);
    }

    public RunReport run(RunListener listener) {
        return run(listener, false);
    }

    /**
     * Checks first (see {@link #check()}); then upgrades everything the mappings describe, in one
     * transaction on the V3 database, so a failure leaves V3 exactly as it was. A dry run does all
     * of it, reports what it would write, and rolls back.
     */
    public RunReport run(RunListener listener, boolean dryRun) {
        var started = Instant.now();
        var set = mappings(started);
        try (var exports = new Exports(options.exportDirectory())) {
            var context = context(set, exports, listener);
            var checks = check(set, context);
            if (!checks.passed()) {
                throw ChecksFailedException.preflight(checks);
            }
            var handle = target.handle();
            List<StepReport> steps;
            handle.begin();
            try {
                var reports = new ArrayList<StepReport>();
                for (var mapping : set.mappings()) {
                    if (mapping instanceof RowMapping rows && rows.phase() == Phase.VERIFY) {
                        continue;
                    }
                    var report = mapping instanceof RowMapping rows ? new RowStep(rows, context).runIfItReads()
                            : java.util.Optional.of(new KeyValueStep((KeyValueMapping) mapping, context).run());
                    if (report.isPresent() && !report.get().balanced()) {
                        throw new IllegalStateException("rows unaccounted for in " + report.get());
                    }
                    report.ifPresent(reports::add);
                }
                steps = List.copyOf(reports);
                if (dryRun) {
                    handle.rollback();
                    exports.discard();
                } else {
                    handle.commit();
                    exports.commit();
                }
            } catch (RuntimeException e) {
                handle.rollback();
                exports.discard();
                throw e;
            }
            return new RunReport(steps, set.checksum(), Duration.between(started, Instant.now()), !dryRun,
                    dryRun ? List.of() : exports.files());
        }
    }

    /**
     * Checks the V3 database against V3's own rules (the {@code phase: verify} mappings, and no
     * NULL in text columns). Writes nothing.
     */
    public CheckReport verify() {
        var set = mappings(Instant.now());
        try (var exports = new Exports(options.exportDirectory())) {
            var context = context(set, exports, RunListener.NONE);
            var results = new ArrayList<CheckResult>();
            var nullable = new java.util.LinkedHashMap<upgrade.db.Table, java.util.Set<String>>();
            writtenTables(set, Phase.UPGRADE).forEach((table, mappings) -> nullable.put(table, mappings.stream()
                    .flatMap(m -> m.nullable().stream()).collect(java.util.stream.Collectors.toSet())));
            results.add(ToolkitChecks.noNullText(target, nullable));
            for (var mapping : set.mappings()) {
                if (mapping instanceof RowMapping rows && rows.phase() == Phase.VERIFY) {
                    results.addAll(new RowStep(rows, context).checks());
                }
            }
            return new CheckReport(List.copyOf(results));
        }
    }

    private RunContext context(MappingSet set, Exports exports, RunListener listener) {
        return new RunContext(source, target, options.params(), options.batchSize(), new IdAllocator(source, target, set), exports, listener);
    }

    /** The V3 tables the mappings of a phase write, with those mappings. */
    private java.util.Map<upgrade.db.Table, List<RowMapping>> writtenTables(MappingSet set, Phase phase) {
        var tables = new java.util.LinkedHashMap<String, upgrade.db.Table>();
        var byTable = new java.util.LinkedHashMap<upgrade.db.Table, List<RowMapping>>();
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows && rows.phase() == phase && rows.write() != WriteMode.NONE) {
                var table = tables.computeIfAbsent(rows.target(), target::table);
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(rows);
            }
        }
        return byTable;
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            source.close();
        }
    }
}
