package upgrade;

import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.engine.Exports;
import upgrade.engine.IdAllocator;
import upgrade.engine.KeyValueStep;
import upgrade.engine.RefusedException;
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

    public RunReport run() {
        return run(RunListener.NONE);
    }

    /** Upgrades everything the mappings describe, in one transaction on the V3 database. */
    public RunReport run(RunListener listener) {
        var started = Instant.now();
        var set = mappings(started);
        try (var exports = new Exports(options.exportDirectory())) {
            var context = new RunContext(source, target, options.params(), options.batchSize(),
                    new IdAllocator(source, target, set), exports, listener);
            refuseWhatMustNotBeUpgraded(set, context);
            List<StepReport> steps;
            try {
                steps = target.handle().inTransaction(handle -> {
                    var reports = new ArrayList<StepReport>();
                    for (var mapping : set.mappings()) {
                        var report = mapping instanceof RowMapping rows ? new RowStep(rows, context).run()
                                : new KeyValueStep((KeyValueMapping) mapping, context).run();
                        if (!report.balanced()) {
                            throw new IllegalStateException("rows unaccounted for in " + report);
                        }
                        reports.add(report);
                    }
                    return reports;
                });
            } catch (RuntimeException e) {
                exports.discard();
                throw e;
            }
            exports.commit();
            return new RunReport(List.copyOf(steps), set.checksum(), Duration.between(started, Instant.now()), true, exports.files());
        }
    }

    private static void refuseWhatMustNotBeUpgraded(MappingSet set, RunContext context) {
        var refusals = new ArrayList<String>();
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping rows) {
                refusals.addAll(new RowStep(rows, context).refusals());
            }
        }
        if (!refusals.isEmpty()) {
            throw new RefusedException("the V2 site has data this upgrade cannot carry over; nothing was written:\n  - "
                    + String.join("\n  - ", refusals),
                    "V3 has no equivalent for these; move their files to a supported storage policy in V2 first, or remove them");
        }
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
