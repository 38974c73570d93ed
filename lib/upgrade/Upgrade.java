package upgrade;

import upgrade.check.CheckReport;
import upgrade.db.ConnectionSpec;
import upgrade.engine.Ledger;
import upgrade.engine.RunListener;
import upgrade.engine.RunStatus;
import upgrade.mapping.Drift;
import upgrade.mapping.MappingSet;
import upgrade.plan.Draft;
import upgrade.plan.MappingKinds;
import upgrade.plan.Plan;
import upgrade.plan.Planner;
import upgrade.report.RunReport;
import upgrade.report.StepReport;
import upgrade.run.ByHand;
import upgrade.run.FilesOnDisk;
import upgrade.run.Preflight;
import upgrade.run.Runner;
import upgrade.run.Session;
import upgrade.run.Verification;
import upgrade.site.SiteProfiles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The toolkit as a library, and the handle to use in JShell:
 * <pre>{@code
 * var up = Upgrade.open("jdbc:mysql://localhost/v2?user=root", "jdbc:mysql://localhost/v3?user=root");
 * var report = up.run();
 * }</pre>
 * A thin facade: {@link #plan()} loads the mappings, checks them against both live schemas and
 * reads V3's ledger, once, into a {@link Plan}; {@code check}, {@code run}, {@code files} and
 * {@code verify} carry a plan out ({@code upgrade.run}). The methods without a plan make one first.
 * {@link #openV3} connects to V3 alone, for {@link #verify()} and {@link #reset()} after the upgrade.
 * Every method that reaches a database tells a lost connection or a lock held by another session
 * as a {@link upgrade.db.DatabaseInterruptedException} (exit 4), never as a row's or a mapping's fault.
 */
public final class Upgrade implements AutoCloseable {
    /** Environment variable with the V2 database password, used instead of one in the URL. */
    public static final String V2_PASSWORD_VARIABLE = "UPGRADE_V2_PASSWORD";
    /** Environment variable with the V3 database password, used instead of one in the URL. */
    public static final String V3_PASSWORD_VARIABLE = "UPGRADE_V3_PASSWORD";

    private final Session session;
    private final Planner planner;
    private final Runner runner;

    private Upgrade(Session session) {
        this.session = session;
        this.planner = new Planner(session.source(), session.target(), session.options());
        this.runner = new Runner(session, planner);
    }

    /** Connects with the installed site profile's default options (for Cloudreve: {@code CloudreveSite.defaults()}). */
    public static Upgrade open(String v2Url, String v3Url) {
        return open(v2Url, v3Url, SiteProfiles.current().defaultOptions());
    }

    public static Upgrade open(String v2Url, String v3Url, UpgradeOptions options) {
        return open(ConnectionSpec.of("V2 database", "--from", v2Url, V2_PASSWORD_VARIABLE),
                ConnectionSpec.of("V3 database", "--to", v3Url, V3_PASSWORD_VARIABLE), options);
    }

    /** Connects to the V3 database only, for what needs nothing of V2 ({@link #verify()}, {@link #reset()}): V2's may be gone. */
    public static Upgrade openV3(String v3Url, UpgradeOptions options) {
        return openV3(ConnectionSpec.of("V3 database", "--to", v3Url, V3_PASSWORD_VARIABLE), options);
    }

    public static Upgrade openV3(ConnectionSpec v3, UpgradeOptions options) {
        return new Upgrade(Session.openV3(v3, options));
    }

    /** Connects to both databases (V2 read-only); refuses the same database with the same prefix for both. */
    public static Upgrade open(ConnectionSpec v2, ConnectionSpec v3, UpgradeOptions options) {
        return new Upgrade(Session.open(v2, v3, options));
    }

    public UpgradeOptions options() {
        return session.options();
    }

    // ---- planning --------------------------------------------------------------------------------

    /** The mapping files loaded and V3's ledger read, not yet checked against the live schemas (see {@link #plan(Draft)}). */
    public Draft draft() {
        return session.reading(planner::draft);
    }

    /** The plan of {@code draft}: checked against both live schemas (with V3 alone when only V3 is open: for {@link #verify}). */
    public Plan plan(Draft draft) {
        return session.reading(() -> planner.plan(draft));
    }

    /** What the commands will do: the mappings loaded and checked, once, with each step's state from V3's ledger. Writes nothing. */
    public Plan plan() {
        return plan(draft());
    }

    /** The mappings this run would use, loaded and checked against both live schemas. */
    public MappingSet mappings() {
        return plan().requireFull().mappings();
    }

    /**
     * Where V2 and the mappings disagree: what V2 has that no mapping accounts for (tables, and
     * columns neither read nor 'ignored'), and what the mappings read that V2 lacks.
     */
    public List<Drift.Finding> drift() {
        return drift(draft());
    }

    /** The drift of the mappings of {@code draft}, which need not fit V2 (the drift says where they do not). */
    public List<Drift.Finding> drift(Draft draft) {
        return session.reading(() -> Drift.of(MappingKinds.columnsRead(draft.mappings()), session.v2()));
    }

    /** The run recorded in V3's ledger, if any: how far it got and what running again does. */
    public Optional<RunStatus> status() {
        return session.reading(() -> new Ledger(session.target()).state().isEmpty() ? Optional.empty() : plan().requireFull().status());
    }

    // ---- carrying a plan out ---------------------------------------------------------------------

    /** The checks before the upgrade writes anything (see {@link Preflight}); writes nothing. */
    public CheckReport check() {
        return check(plan());
    }

    public CheckReport check(Plan plan) {
        return session.reading(() -> Preflight.of(session, plan, plan.holdsARun()));
    }

    public RunReport run() {
        return run(RunListener.NONE);
    }

    public RunReport run(RunListener listener) {
        return run(listener, false);
    }

    /** Plans, checks, then upgrades (see {@link Runner}); a dry run does the work in a transaction it rolls back. */
    public RunReport run(RunListener listener, boolean dryRun) {
        return run(plan(), listener, dryRun);
    }

    public RunReport run(Plan plan, RunListener listener, boolean dryRun) {
        return session.writing(() -> runner.run(plan, listener, dryRun));
    }

    /** Runs {@code plan} with {@code checks} already made by {@link #check(Plan)} (they must have passed; they are not made again). */
    public RunReport run(Plan plan, CheckReport checks, RunListener listener, boolean dryRun) {
        return session.writing(() -> runner.run(plan, checks, listener, dryRun));
    }

    /** Asks a running {@code run} (in another thread) to stop after the page it is writing; for Ctrl-C. */
    public void stop() {
        runner.stop();
    }

    /** The files on disk on their own (see {@link FilesOnDisk}); can be repeated; a dry run only says what it would copy. */
    public RunReport files(RunListener listener, boolean dryRun) {
        return files(plan(), listener, dryRun);
    }

    public RunReport files(Plan plan, RunListener listener, boolean dryRun) {
        return session.writing(() -> FilesOnDisk.run(session, plan, listener, dryRun));
    }

    /** V3 against V3's own rules (see {@link Verification}). Needs only V3 (see {@link #openV3}); writes nothing. */
    public CheckReport verify() {
        return verify(session.reading(() -> planner.plan(draft(), Plan.Scope.VERIFY)));
    }

    public CheckReport verify(Plan plan) {
        return verify(plan, RunListener.NONE);
    }

    /** Verifies, telling {@code listener} how far each verify mapping's checks have read. */
    public CheckReport verify(Plan plan, RunListener listener) {
        return session.reading(() -> Verification.of(session, plan, listener));
    }

    /** Per verify mapping file, the upgrade mapping files that write the table it checks: where a defect comes from. */
    public Map<String, List<String>> verifyWriters() {
        return verifyWriters(session.reading(() -> planner.plan(draft(), Plan.Scope.VERIFY)));
    }

    public Map<String, List<String>> verifyWriters(Plan plan) {
        return Verification.writers(plan);
    }

    /** Records in V3's ledger that the verification after a run ended, and how many checks failed; for the next run to tell. */
    public void recordVerification(CheckReport verification) {
        session.writing(() -> {
            var ledger = new Ledger(session.target());
            if (ledger.state().filter(state -> state.stage() == Ledger.Stage.FINISHED).isPresent()) {
                ledger.verified(verification.failed().size());
            }
            return null;
        });
    }

    /**
     * Puts V3 back as it was at its first start: every table this toolkit wrote is emptied and
     * refilled from the copy taken before the first write (tables are never dropped), and the
     * ledger is removed. Returns the tables restored.
     */
    public List<String> reset() {
        return session.writing(() -> new Ledger(session.target()).reset());
    }

    // ---- for JShell: look at one mapping, one row ------------------------------------------------

    /** What the mapping {@code name} would make of its first {@code rows} source rows (nothing is written). */
    public List<Trace> preview(String name, int rows) {
        return session.reading(() -> new ByHand(session).preview(plan(), name, rows));
    }

    /** One V2 row (by its key) through the mapping {@code name}: each rule's input and output (nothing is written). */
    public Trace trace(String name, Object key) {
        return session.reading(() -> new ByHand(session).trace(plan(), name, key));
    }

    /** A V2 row and the V3 row with the same key, side by side. */
    public Map<String, Map<String, Object>> compare(String name, Object key) {
        return session.reading(() -> new ByHand(session).compare(plan(), name, key));
    }

    /** Runs just the mapping {@code name} and commits it, without checks or ledger: to try one table by hand. */
    public StepReport runOne(String name) {
        return session.writing(() -> new ByHand(session).runOne(plan(), name));
    }

    @Override
    public void close() {
        session.close();
    }
}
