package upgrade;

import upgrade.check.CheckReport;
import upgrade.check.CheckResult;
import upgrade.check.ChecksFailedException;
import upgrade.check.ToolkitChecks;
import upgrade.db.ConnectionSpec;
import upgrade.db.Database;
import upgrade.db.DatabaseException;
import upgrade.db.Table;
import upgrade.engine.CancelledException;
import upgrade.engine.Checkpoints;
import upgrade.engine.DataException;
import upgrade.engine.Exports;
import upgrade.engine.FileStep;
import upgrade.engine.IdAllocator;
import upgrade.engine.KeyValueStep;
import upgrade.engine.Ledger;
import upgrade.engine.RowReader;
import upgrade.engine.RowStep;
import upgrade.engine.RunContext;
import upgrade.engine.RunListener;
import upgrade.engine.RunStatus;
import upgrade.engine.WriteCount;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.Drift;
import upgrade.mapping.FileMapping;
import upgrade.mapping.KeyValueMapping;
import upgrade.mapping.Mapping;
import upgrade.mapping.MappingException;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.MappingSet;
import upgrade.mapping.MappingValidator;
import upgrade.mapping.Phase;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Where;
import upgrade.mapping.WriteMode;
import upgrade.report.RunReport;
import upgrade.report.StepReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The toolkit as a library, and the handle to use in JShell:
 * <pre>{@code
 * var up = Upgrade.open("jdbc:mysql://localhost/v2?user=root", "jdbc:mysql://localhost/v3?user=root");
 * var report = up.run();
 * }</pre>
 * Opening connects to both databases (the V2 one read-only); {@link #run()} loads and checks the
 * mappings, refuses what must not be upgraded, then commits page by page with its progress, so a
 * run that dies continues where it stopped, and a row that fails puts V3 back as at its first start.
 * {@link #openV3} connects to V3 alone, for {@link #verify()} and {@link #reset()} after the upgrade.
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

    /**
     * Connects to the V3 database only, for what needs nothing of V2 ({@link #verify()},
     * {@link #reset()}): after the upgrade, V2's database may be gone.
     */
    public static Upgrade openV3(String v3Url, UpgradeOptions options) {
        return openV3(ConnectionSpec.of("V3 database", "--to", v3Url, V3_PASSWORD_VARIABLE), options);
    }

    public static Upgrade openV3(ConnectionSpec v3, UpgradeOptions options) {
        return new Upgrade(null, Database.open(v3, Database.Role.TARGET, options.v3Prefix()), options);
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
        var set = loadMappings(started);
        new MappingValidator(v2(), target, options.params().keySet()).validate(set);
        return set;
    }

    /** The V2 database; a clear failure when this handle was opened with {@link #openV3} only. */
    private Database v2() {
        if (source == null) {
            throw new DatabaseException("this needs the V2 database, but only the V3 database was opened",
                    "open both: Upgrade.open(v2Url, v3Url, options) (the commands: give --from or --v2-root)");
        }
        return source;
    }

    /** The mappings as parsed, not yet checked against the live databases (drift must work where they do not fit). */
    private MappingSet loadMappings(Instant started) {
        var expressions = new Expressions(new Builtins(options.v2TimeZone(), started));
        var files = options.mappings() == null ? MappingFiles.bundled() : options.mappings();
        return new MappingLoader(expressions).load(files);
    }

    /**
     * Checks everything the upgrade needs before it writes anything: the toolkit's own conditions
     * (transactional V3 tables that hold every character) and every {@code refuse}/{@code require}
     * check of the upgrade mappings (V2's version, unsupported storage policies, pending tasks,
     * a V3 database as V3 left it at first start...). Writes nothing.
     */
    public CheckReport check() {
        var resuming = new Ledger(target).state().filter(state -> state.stage() != Ledger.Stage.PREPARING).isPresent();
        var set = mappings(Instant.now());
        return check(set, context(set, new Exports(options.exportDirectory(), null), RunListener.NONE, null, resuming));
    }

    /**
     * The run recorded in V3's ledger, if any: how far it got and what running again does. A V3 with
     * such a run passes the check that it is fresh from its first start: its rows are the run's own.
     */
    public Optional<RunStatus> status() {
        var ledger = new Ledger(target);
        if (ledger.state().isEmpty()) {
            return Optional.empty();
        }
        return status(mappings(Instant.now()), ledger);
    }

    private Optional<RunStatus> status(MappingSet set, Ledger ledger) {
        return ledger.state().map(state -> {
            var steps = ledger.steps();
            var done = new ArrayList<String>();
            String current = null;
            for (var mapping : set.mappings()) {
                var reads = mapping instanceof KeyValueMapping || mapping instanceof RowMapping rows && rows.source() != null;
                if (phaseOf(mapping) != Phase.UPGRADE || !reads) {
                    continue;
                }
                var step = steps.get(mapping.name());
                if (step != null && step.done()) {
                    done.add(mapping.name());
                } else if (current == null) {
                    current = mapping.name();
                }
            }
            var lastKey = current == null || !steps.containsKey(current) ? null : steps.get(current).lastKey();
            return new RunStatus(state.stage(), state.started(), state.finished(), state.verified(), state.failedChecks(),
                    List.copyOf(done), state.stage() == Ledger.Stage.FINISHED ? null : current, lastKey);
        });
    }

    /** Records in V3's ledger that the verification after a run ended, and how many checks failed; for the next run to tell. */
    public void recordVerification(CheckReport verification) {
        var ledger = new Ledger(target);
        if (ledger.state().filter(state -> state.stage() == Ledger.Stage.FINISHED).isPresent()) {
            ledger.verified(verification.failed().size());
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
     * Checks first (see {@link #check()}); then upgrades everything the mappings describe, and
     * ends with the files on disk. What a run does depends on what V3's ledger records:
     * <ul>
     *   <li>nothing (or a run stopped while preparing, before any V3 row was written): the V3 tables
     *       the run writes are copied as V3 left them at first start; each page of rows is then
     *       committed with its progress in a ledger beside them;</li>
     *   <li>an interrupted run: it continues after the last committed page (unless the mapping files
     *       changed since);</li>
     *   <li>a finished run: its rows stay as they are; the export files are written again from the
     *       ledger and the files step is redone (both can be repeated), so verifying can follow;</li>
     *   <li>an interrupted reset: it is finished first, then the run starts from the beginning.</li>
     * </ul>
     * When a row fails, V3 is put back as it was at first start: nothing is left half-written. A
     * failure after every row is committed keeps them. A dry run does all the work in one
     * transaction, reports it, and rolls back.
     */
    public RunReport run(RunListener listener, boolean dryRun) {
        stopRequested = false; // from here on, a stop is for this run, even before its first page
        var began = Instant.now();
        var ledger = new Ledger(target);
        var recorded = dryRun ? Optional.<Ledger.RunState>empty() : ledger.state();
        var resetting = recorded.filter(state -> state.stage() == Ledger.Stage.RESETTING).isPresent();
        var earlier = recorded.filter(state -> state.stage() == Ledger.Stage.RUNNING || state.stage() == Ledger.Stage.FINISHED);
        var resuming = earlier.isPresent();
        var started = resuming ? earlier.get().started() : began;
        var set = mappings(started);
        if (dryRun) {
            refuseToPlanOverARecordedRun(set, ledger);
        }
        if (resuming && earlier.get().checksum() != set.checksum() && !options.resumeChangedMappings()) {
            throw changedMappings(earlier.get(), set);
        }
        var handle = target.handle();
        var checkpoints = new Checkpoints(dryRun ? null : ledger, handle);
        var exports = new Exports(options.exportDirectory(), dryRun ? null : ledger);
        set.mappings().stream().filter(m -> m instanceof RowMapping rows && rows.export() != null).map(m -> ((RowMapping) m).export())
                .forEach(export -> exports.file(export.file(), List.copyOf(export.columns().keySet())));
        var context = context(set, exports, listener, checkpoints, resuming);
        if (resetting) {
            ledger.reset(); // an interrupted reset is finished before V3 is checked; then this run starts from the beginning
        }
        var checks = check(set, context);
        if (!checks.passed()) {
            throw ChecksFailedException.preflight(checks);
        }
        if (!dryRun && !resuming) {
            ledger.begin(set.checksum(), started, writtenTables(set, Phase.UPGRADE).keySet(), listener::snapshotTaken);
        }
        this.stopper = checkpoints;
        if (stopRequested) {
            checkpoints.requestStop();
        }
        try {
            var reports = new ArrayList<StepReport>();
            upgradeRows(set, context, ledger, dryRun, reports);
            if (dryRun) {
                return new RunReport(List.copyOf(reports), set.checksum(), Duration.between(began, Instant.now()), false, List.of());
            }
            listener.committed();
            return afterCommit(set, context, exports, reports, began);
        } catch (CancelledException e) {
            throw dryRun ? e : e.keeping(status(set, ledger).orElseThrow());
        } finally {
            this.stopper = null;
            this.stopRequested = false;
        }
    }

    /** A dry run plans from V3 as at its first start; over a run recorded in V3 it would only find V3 "not fresh". */
    private void refuseToPlanOverARecordedRun(MappingSet set, Ledger ledger) {
        var recorded = status(set, ledger).filter(status -> status.stage() != Ledger.Stage.PREPARING);
        if (recorded.isPresent()) {
            throw ChecksFailedException.preflight(new CheckReport(List.of(new CheckResult("no run of this upgrade is recorded in V3 (a dry run"
                    + " plans from V3 as at its first start)", "toolkit", List.of(recorded.get().onCheck()),
                    "run 'run' to continue or verify the recorded run, or 'reset' first to plan from V3's first start"))));
        }
    }

    private MappingException changedMappings(Ledger.RunState earlier, MappingSet set) {
        var checksums = String.format("checksum %08x then, %08x now", earlier.checksum(), set.checksum());
        if (earlier.stage() == Ledger.Stage.FINISHED) {
            return new MappingException(new Where(set.origin(), 0, 0), "the mapping files changed since this V3 was upgraded (" + checksums + ")",
                    "to upgrade again with the new mapping files, run 'reset' first; or put the mappings back;"
                            + " --resume-changed-mappings redoes the files on disk and the verification with the new ones");
        }
        return new MappingException(new Where(set.origin(), 0, 0), "the mapping files changed since the interrupted run (" + checksums + ")",
                "run 'reset' and start again, or put the mappings back; --resume-changed-mappings continues anyway");
    }

    /**
     * Every upgrade step, page by page, each page committed with its progress (a step the ledger has
     * done gives its recorded counts); ends with every row committed, or everything rolled back for
     * a dry run. A failing row puts V3 back as at its first start.
     */
    private void upgradeRows(MappingSet set, RunContext context, Ledger ledger, boolean dryRun, List<StepReport> reports) {
        var handle = target.handle();
        handle.begin();
        try {
            for (var mapping : set.mappings()) {
                if (phaseOf(mapping) != Phase.UPGRADE) {
                    continue;
                }
                var report = mapping instanceof RowMapping rows ? new RowStep(rows, context).runIfItReads()
                        : Optional.of(new KeyValueStep((KeyValueMapping) mapping, context).run());
                if (report.isPresent() && !report.get().balanced()) {
                    throw new IllegalStateException("rows unaccounted for in " + report.get());
                }
                report.ifPresent(reports::add);
            }
            if (dryRun) {
                reports.addAll(files(set, context, true));
                handle.rollback();
                return;
            }
            ledger.finish();
            handle.commit();
        } catch (CancelledException e) {
            handle.rollback(); // the pages committed so far stay, with their progress, for the next run
            throw e;
        } catch (RuntimeException e) {
            throwIfInterrupted(e);
            handle.rollback();
            if (!dryRun) {
                ledger.reset();
            }
            if (e instanceof UpgradeException u && !dryRun) {
                throw new DataException(u.getMessage() + "\n  V3 was put back as it was at its first start: nothing of this run was kept.",
                        u.hint(), e);
            }
            throw e;
        }
    }

    /**
     * Once every row is committed: the export files (from the ledger) and the files step, both of
     * which can be repeated, so a run that dies here is finished by the next one. A failure here
     * keeps the committed rows.
     */
    private RunReport afterCommit(MappingSet set, RunContext context, Exports exports, List<StepReport> reports, Instant began) {
        var handle = target.handle();
        var written = exports.writeFiles();
        context.listener().exportsWritten(written);
        try {
            handle.begin(); // inside: a connection lost before it is told as such
            reports.addAll(files(set, context, false));
            handle.commit();
        } catch (RuntimeException e) {
            throwIfInterrupted(e);
            handle.rollback();
            if (e instanceof DataException d) {
                throw new DataException(d.getMessage() + "\n  Every row of the upgrade is committed and kept; fix the cause and run the same"
                        + " command again: it redoes the export files, the files on disk and the verification.", d.hint(), e);
            }
            throw e;
        }
        return new RunReport(List.copyOf(reports), set.checksum(), Duration.between(began, Instant.now()), true, written);
    }

    /**
     * A lost connection or a lock conflict is no row's fault: it is thrown as such, and nothing is
     * put back (the pages committed so far stay for the next run); a dead connection is not rolled back.
     */
    private void throwIfInterrupted(RuntimeException e) {
        var interrupted = Database.interruption(e, target, source);
        if (interrupted.isPresent()) {
            target.rollbackQuietly();
            throw interrupted.get();
        }
    }

    /**
     * Copies the files on disk that go with the upgraded rows ({@code phase: files} mappings:
     * thumbnails and avatars into V3's layout) and checks the stored blobs; can be repeated any
     * time: files already in place are left alone. A dry run only says what it would copy.
     */
    public RunReport files(RunListener listener, boolean dryRun) {
        var started = Instant.now();
        var set = mappings(started);
        var handle = target.handle();
        var context = context(set, new Exports(options.exportDirectory(), null), listener, null, false);
        handle.begin();
        try {
            var reports = files(set, context, dryRun);
            if (dryRun) {
                handle.rollback();
            } else {
                handle.commit();
            }
            return new RunReport(reports, set.checksum(), Duration.between(started, Instant.now()), !dryRun, List.of());
        } catch (RuntimeException e) {
            handle.rollback();
            throw e;
        }
    }

    private List<StepReport> files(MappingSet set, RunContext context, boolean dryRun) {
        var reports = new ArrayList<StepReport>();
        if (options.v2Root() == null) {
            return reports; // without V2's web root there are no V2 files to copy; the CLI says so
        }
        for (var mapping : set.mappings()) {
            if (mapping instanceof FileMapping files) {
                reports.add(new FileStep(files, context, options.v2Root(), options.v3DirectoryOrV2Root(), dryRun).run());
            } else if (mapping instanceof RowMapping rows && rows.phase() == Phase.FILES) {
                new RowStep(rows, context).runIfItReads().ifPresent(reports::add);
            }
        }
        return reports;
    }

    private static Phase phaseOf(Mapping mapping) {
        if (mapping instanceof RowMapping rows) {
            return rows.phase();
        }
        return mapping instanceof FileMapping ? Phase.FILES : Phase.UPGRADE;
    }

    // ---- for JShell: look at one mapping, one row --------------------------------------------------

    /** What the mapping {@code name} would make of its first {@code rows} source rows (nothing is written). */
    public List<Trace> preview(String name, int rows) {
        var step = rowStep(name);
        return step.firstRows(rows).stream().map(step::trace).toList();
    }

    /** One V2 row (by its key) through the mapping {@code name}: each rule's input and output (nothing is written). */
    public Trace trace(String name, Object key) {
        var step = rowStep(name);
        var row = step.sourceRow(key);
        if (row == null) {
            throw new DatabaseException("mapping '" + name + "' has no source row with key " + key, "preview(\"" + name + "\", 5) shows the first rows");
        }
        return step.trace(row);
    }

    /** A V2 row and the V3 row with the same key, side by side. */
    public Map<String, Map<String, Object>> compare(String name, Object key) {
        var set = mappings(Instant.now());
        var mapping = rowMapping(set, name);
        var v3 = new RowReader(target, target.table(mapping.target()), mapping.targetKey().get(0), 1).rowWithKey(key);
        var pair = new LinkedHashMap<String, Map<String, Object>>();
        pair.put("v2", new RowStep(mapping, byHand(set)).sourceRow(key));
        pair.put("v3", v3);
        return pair;
    }

    /** Runs just the mapping {@code name} and commits it, without checks or ledger: to try one table by hand. */
    public StepReport runOne(String name) {
        var set = mappings(Instant.now());
        var mapping = set.find(name).orElseThrow(() -> new DatabaseException("no mapping named '" + name + "'",
                "mappings().mappings() lists them"));
        var handle = target.handle();
        handle.begin();
        try {
            var report = mapping instanceof RowMapping rows ? new RowStep(rows, byHand(set)).run()
                    : new KeyValueStep((KeyValueMapping) mapping, byHand(set)).run();
            handle.commit();
            return report;
        } catch (RuntimeException e) {
            handle.rollback();
            throw e;
        }
    }

    private RowStep rowStep(String name) {
        var set = mappings(Instant.now());
        return new RowStep(rowMapping(set, name), byHand(set));
    }

    private static RowMapping rowMapping(MappingSet set, String name) {
        return (RowMapping) set.find(name).filter(m -> m instanceof RowMapping)
                .orElseThrow(() -> new DatabaseException("no row mapping named '" + name + "'", "mappings().mappings() lists them"));
    }

    /** The context of a step run by hand from JShell: no ledger, no listener, exports where the options say. */
    private RunContext byHand(MappingSet set) {
        return context(set, new Exports(options.exportDirectory(), null), RunListener.NONE, null, false);
    }

    /**
     * Where V2 and the mappings disagree: what V2 has that no mapping accounts for (tables, and
     * columns neither read nor 'ignored'), and what the mappings read that V2 lacks.
     */
    public List<Drift.Finding> drift() {
        return Drift.of(loadMappings(Instant.now()), v2());
    }

    private volatile Checkpoints stopper;
    /** A stop asked for before the run reached its first page (checks, copying V3's tables) waits for it there. */
    private volatile boolean stopRequested;

    /** Asks a running {@link #run()} (in another thread) to stop after the page it is writing; for Ctrl-C. */
    public void stop() {
        stopRequested = true;
        var checkpoints = stopper;
        if (checkpoints != null) {
            checkpoints.requestStop();
        }
    }

    /**
     * Puts V3 back as it was at its first start: every table this toolkit wrote is emptied and
     * refilled from the copy taken before the first write (tables are never dropped), and the
     * ledger is removed. Returns the tables restored.
     */
    public List<String> reset() {
        return new Ledger(target).reset();
    }

    /**
     * Checks the V3 database against V3's own rules (the {@code phase: verify} mappings, and no
     * NULL in text columns). Needs only V3 (see {@link #openV3}); writes nothing.
     */
    public CheckReport verify() {
        var set = loadMappings(Instant.now());
        new MappingValidator(source, target, options.params().keySet()).validateVerify(set);
        {
            var exports = new Exports(options.exportDirectory(), null);
            var context = context(set, exports, RunListener.NONE, null, false);
            var results = new ArrayList<CheckResult>();
            results.add(ToolkitChecks.noNullText(target, writtenTables(set, Phase.UPGRADE)));
            for (var mapping : set.mappings()) {
                if (mapping instanceof RowMapping rows && rows.phase() == Phase.VERIFY) {
                    results.addAll(new RowStep(rows, context).checks());
                }
            }
            return new CheckReport(List.copyOf(results));
        }
    }

    /**
     * Per verify mapping file, the upgrade mapping files that write the V3 table it checks: where a
     * defect it finds comes from, when a mapping wrote the rows wrong.
     */
    public Map<String, List<String>> verifyWriters() {
        var set = loadMappings(Instant.now()); // names and tables only: V2 is not needed
        var writers = new LinkedHashMap<String, List<String>>();
        for (var mapping : set.mappings()) {
            if (mapping instanceof RowMapping verify && verify.phase() == Phase.VERIFY && verify.source() != null) {
                var files = writers.computeIfAbsent(verify.origin().file(), file -> new ArrayList<>());
                set.mappings().stream().filter(writer -> writes(writer) && verify.source().equals(writer.target()))
                        .map(writer -> writer.origin().file()).filter(file -> !files.contains(file)).forEach(files::add);
            }
        }
        return writers;
    }

    private static boolean writes(Mapping mapping) {
        return mapping instanceof KeyValueMapping
                || mapping instanceof RowMapping rows && rows.phase() != Phase.VERIFY && rows.write() != WriteMode.NONE;
    }

    private RunContext context(MappingSet set, Exports exports, RunListener listener, Checkpoints checkpoints, boolean resuming) {
        var params = new HashMap<>(options.params());
        params.put("resuming", resuming);
        return new RunContext(source, target, Map.copyOf(params), options.batchSize(), new IdAllocator(source, target, set),
                exports, listener, new WriteCount(),
                checkpoints == null ? new Checkpoints(null, target.handle()) : checkpoints);
    }

    /** The V3 tables the mappings of a phase write, with the text columns each may leave NULL. */
    private Map<Table, Set<String>> writtenTables(MappingSet set, Phase phase) {
        var tables = new LinkedHashMap<String, Table>();
        var byTable = new LinkedHashMap<Table, Set<String>>();
        for (var mapping : set.mappings()) {
            var writes = mapping instanceof RowMapping rows ? rows.phase() == phase && rows.write() != WriteMode.NONE
                    : mapping instanceof KeyValueMapping && phase == Phase.UPGRADE;
            if (writes) {
                var table = tables.computeIfAbsent(mapping.target(), target::table);
                var nullable = byTable.computeIfAbsent(table, t -> new HashSet<>());
                if (mapping instanceof RowMapping rows) {
                    nullable.addAll(rows.nullable());
                }
            }
        }
        return byTable;
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }
}
