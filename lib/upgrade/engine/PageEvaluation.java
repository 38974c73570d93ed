package upgrade.engine;

import upgrade.expr.LookupCall;
import upgrade.expr.LookupTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates a page of rows with each lookup's keys fetched for the whole page at once: one query
 * per lookup and page instead of one per row (for run steps and verify checks alike).
 *
 * <p>The keys of lookups asked with the row's columns and constants only are known before any
 * row is evaluated, and fetched first ({@link LookupCall}). Each row is then evaluated while the lookups only note the keys they are asked and do not
 * know yet. A row that asked none (and met no {@code ensure} rule, which creates nothing meanwhile)
 * is done: its result is kept, not worked out again. The noted keys are then fetched, one query
 * per lookup, and the rows not done are evaluated the same way again (a round finds keys that
 * depend on the answers before), for up to {@link #ROUNDS} rounds. Rows still not done are
 * evaluated for real, in page order; a key the rounds missed is then looked up alone.
 *
 * <p>The first recording round reads only what was fetched before it, and asks the database
 * nothing; a caller may use the target's connection meanwhile ({@link Quiet}: the step writes the
 * page before, {@link WriteBehind}). When the lookups read on a connection of their own, the
 * target's is left alone from the fetching of the page's keys until the rows are evaluated for
 * real (which may create rows, by ensure rules).
 *
 * <p>A kept result is what a real evaluation gives: every answer it read came from the lookups'
 * caches, which a real evaluation reads first. Only a row an {@code ensure} rule creates can turn a
 * remembered miss into a hit, so once one does, the results kept before it are worked out again.
 */
final class PageEvaluation {
    /**
     * Recording rounds per page at most: each finds keys that depend on the answers before (a
     * share's file, then that file's name). A round re-evaluates only the rows not done yet, and
     * ends the rounds when they asked no new key.
     */
    private static final int ROUNDS = 4;

    private final LookupSet lookups;
    private final RuleEvaluator evaluator;
    private final WriteCount created;
    private final Set<LookupCall> calls;

    /** @param calls the lookups the mapping asks with keys of the row's columns and constants only, fetched before any row is evaluated */
    PageEvaluation(LookupSet lookups, RuleEvaluator evaluator, WriteCount created, Set<LookupCall> calls) {
        this.lookups = lookups;
        this.evaluator = evaluator;
        this.created = created;
        this.calls = calls;
    }

    /**
     * Told when the evaluation of a page leaves the target's connection alone for a while (its first
     * recording round; with lookups apart, from the fetching of the page's keys on) and when it needs
     * it again, so that another thread may use the connection meanwhile ({@link WriteBehind}).
     */
    interface Quiet {
        Quiet NONE = new Quiet() {
            @Override
            public void begins() {}

            @Override
            public void ends() {}
        };

        /** From now until {@link #ends()} the evaluation uses nothing of the target's connection; may be told again before then. */
        void begins();

        /** Returns when the target's connection is the evaluation's again; may be told again. */
        void ends();
    }

    /** {@code evaluation} of each row of the page, in page order. */
    <T> List<T> evaluate(List<Map<String, Object>> page, Function<Map<String, Object>, T> evaluation) {
        return evaluate(page, evaluation, Quiet.NONE);
    }

    /** As {@link #evaluate(List, Function)}, telling {@code quiet} while the evaluation leaves the target's connection alone. */
    <T> List<T> evaluate(List<Map<String, Object>> page, Function<Map<String, Object>, T> evaluation, Quiet quiet) {
        var results = new ArrayList<T>(Collections.nCopies(page.size(), null));
        var keptAt = new long[page.size()]; // the rows ensure rules had created when the result was kept; -1: not kept
        java.util.Arrays.fill(keptAt, -1);
        var open = new ArrayList<Integer>(page.size());
        for (int i = 0; i < page.size(); i++) {
            open.add(i);
        }
        var prefetchers = lookups.prefetchers();
        try {
            if (lookups.apart()) {
                quiet.begins(); // the lookups' queries go to their own connection
            }
            fetchKnownKeys(page);
            quiet.begins();
            for (int round = 0; round < ROUNDS && !prefetchers.isEmpty() && !open.isEmpty(); round++) {
                var stillOpen = new ArrayList<Integer>();
                var asked = record(page, open, evaluation, results, keptAt, stillOpen, quiet);
                open = stillOpen;
                if (!asked) {
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            try {
                quiet.ends();
            } catch (RuntimeException | Error also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        quiet.ends();
        for (int i = 0; i < page.size(); i++) {
            if (keptAt[i] < 0 || keptAt[i] != created.value()) {
                results.set(i, evaluation.apply(page.get(i)));
            }
        }
        return results;
    }

    /**
     * One recording round over the open rows; fetches the keys they noted (once {@code quiet} has
     * the database back) and says whether there were any.
     */
    private <T> boolean record(List<Map<String, Object>> page, List<Integer> open, Function<Map<String, Object>, T> evaluation,
                               List<T> results, long[] keptAt, List<Integer> stillOpen, Quiet quiet) {
        var prefetchers = lookups.prefetchers();
        prefetchers.keySet().forEach(LookupTable::startRecording);
        evaluator.recording(true);
        var noted = new LinkedHashMap<LookupTable, Set<List<Object>>>();
        try {
            for (var i : open) {
                var unknown = unknownAnswers();
                var ensures = evaluator.recordingAsked();
                try {
                    var result = evaluation.apply(page.get(i));
                    if (unknownAnswers() == unknown && evaluator.recordingAsked() == ensures) {
                        results.set(i, result);
                        keptAt[i] = created.value();
                        continue;
                    }
                } catch (RuntimeException ignored) {
                    // a lookup found nothing yet, so an expression may fail here; the real evaluation will tell
                }
                stillOpen.add(i);
            }
        } finally {
            evaluator.recording(false);
            prefetchers.keySet().forEach(table -> noted.put(table, table.stopRecording()));
        }
        if (!lookups.apart()) {
            quiet.ends();
        }
        var asked = false;
        for (var entry : noted.entrySet()) {
            asked |= !entry.getValue().isEmpty();
            prefetchers.get(entry.getKey()).accept(entry.getValue());
        }
        return asked;
    }

    /**
     * The keys the mapping's lookup calls ask for the page's rows, worked out from the rows alone
     * ({@link LookupCall#key}) and fetched at once: a row whose every lookup has such a key is
     * then done in the first round, evaluated once. A key with a NULL part is asked of no table.
     */
    private void fetchKnownKeys(List<Map<String, Object>> page) {
        var keys = new LinkedHashMap<LookupTable, Set<List<Object>>>();
        for (var call : calls) {
            var table = lookups.tables().get(call.lookup());
            if (table != null && lookups.prefetchers().containsKey(table)) {
                var asked = keys.computeIfAbsent(table, t -> new LinkedHashSet<>());
                for (var row : page) {
                    var key = call.key(row);
                    if (!key.contains(null)) {
                        asked.add(key);
                    }
                }
            }
        }
        keys.forEach((table, asked) -> lookups.prefetchers().get(table).accept(asked));
    }

    private long unknownAnswers() {
        long sum = 0;
        for (var table : lookups.prefetchers().keySet()) {
            sum += table.unknownAnswers();
        }
        return sum;
    }
}
