package upgrade.engine;

import org.jdbi.v3.core.statement.StatementException;
import upgrade.check.CheckResult;
import upgrade.db.Column;
import upgrade.db.Database;
import upgrade.db.Table;
import upgrade.db.TextComparison;
import upgrade.mapping.Check;
import upgrade.mapping.LookupSpec;
import upgrade.mapping.Side;
import upgrade.mapping.RowMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A mapping's {@code refuse} checks run by the database: per check, one query per range of rows
 * gives the rows that fail it ({@link ConditionInSql}), so the rows that pass never leave the
 * server. The rows it gives are evaluated here as well, and only a failure the mapping's own
 * expressions confirm counts, with the message they render. Ranges of {@value #RANGE} rows in key
 * order let the run's listener tell how far the checks are, and each check keeps its first
 * failures in key order, as reading every row would. On a table of more than one range, the range
 * after each is asked of a second connection meanwhile ({@link SecondConnection}; its answers are
 * taken in range order), so the server works on two queries at once.
 */
final class ServerSideChecks {
    /** Rows per range: a few seconds of work for the server, so progress moves. */
    static final int RANGE = 50_000;
    private static final String ROW = "r";

    private final RowMapping mapping;
    private final RunContext run;
    private final Database database;
    private final Table table;
    private final Column key;
    private final String conditions;
    private final List<Object> conditionArguments;
    private final List<ConditionInSql.Sql> refuse;

    private ServerSideChecks(RowMapping mapping, RunContext run, Database database, Table table, List<ConditionInSql.Sql> only,
                             List<ConditionInSql.Sql> refuse) {
        this.mapping = mapping;
        this.run = run;
        this.database = database;
        this.table = table;
        this.key = table.column(mapping.key()).orElseThrow();
        this.conditions = String.join("", only.stream().map(condition -> " AND " + condition.text()).toList());
        this.conditionArguments = only.stream().flatMap(condition -> condition.arguments().stream()).toList();
        this.refuse = refuse;
    }

    /** The mapping's checks in SQL; empty when one of them, or of its {@code only} conditions, has no SQL form of the same meaning. */
    static Optional<ServerSideChecks> of(RowMapping mapping, RunContext run) {
        var database = run.database(mapping.sourceSide());
        var table = database.table(mapping.source());
        var collations = new HashMap<String, Map<String, TextComparison>>();
        var translator = new ConditionInSql(database.dialect(), table, ROW, mapping.lookups(), spec -> indexedHere(spec, mapping, database),
                of -> collations.computeIfAbsent(of.name(), name -> database.dialect().textComparisons(database.handle(), name)));
        var only = new ArrayList<ConditionInSql.Sql>();
        for (var condition : mapping.only()) {
            var sql = translator.of(condition.when());
            if (sql.isEmpty()) {
                return Optional.empty();
            }
            only.add(sql.get());
        }
        var refuse = new ArrayList<ConditionInSql.Sql>();
        for (var check : mapping.refuse()) {
            var sql = translator.of(check.expression());
            if (sql.isEmpty() || !check.failsWhenTrue()) {
                return Optional.empty();
            }
            refuse.add(sql.get());
        }
        return Optional.of(new ServerSideChecks(mapping, run, database, table, only, refuse));
    }

    /**
     * The lookup's table, when it is in the database of the checked rows and found by an index: V2
     * has none but its primary keys (see {@link LookupSet}), so a lookup there by other columns,
     * or a V2 sum or count, would scan the table once per row.
     */
    private static Optional<Table> indexedHere(LookupSpec spec, RowMapping mapping, Database database) {
        if (spec.side() != mapping.sourceSide()) {
            return Optional.empty();
        }
        var table = database.table(spec.table());
        return spec.side() == Side.TARGET || (!spec.aggregate() && spec.key().equals(table.primaryKey())) ? Optional.of(table) : Optional.empty();
    }

    /**
     * Adds each check's failures (at most {@link CheckResult#FAILURES_KEPT}) to {@code failures}.
     *
     * @param messagesOf the mapping's own evaluation of a row: per refuse check its "key: message" or null, empty when the row is not the mapping's
     * @param rows       the rows of the table, as counted when the checks started
     * @return the rows checked ({@code rows}); -1 when the database refused a query (a collation it cannot compare, say): then nothing was added
     */
    long run(Map<Check, List<String>> failures, Function<Map<String, Object>, List<String>> messagesOf, long rows) {
        var listener = run.listener();
        long covered = 0;
        Object from = null;
        // more than a range: the range after each is asked of a second connection meanwhile, so the server works on two
        try (var second = rows > RANGE ? SecondConnection.open(database) : null) {
            while (true) {
                var to = boundary(from);
                Optional<Object> nextTo = Optional.empty();
                Future<List<List<Map<String, Object>>>> next = null;
                if (second != null && to.isPresent()) {
                    nextTo = boundary(to.get());
                    var nextFrom = to.get();
                    var nextEnd = nextTo.orElse(null);
                    next = second.submit(reader -> failingEach(reader, nextFrom, nextEnd));
                }
                for (int c = 0; c < refuse.size(); c++) {
                    check(c, from, to.orElse(null), failures.get(mapping.refuse().get(c)), messagesOf, null);
                }
                if (to.isEmpty()) {
                    break;
                }
                covered += RANGE;
                listener.progress(mapping.name(), covered);
                from = to.get();
                if (next != null) {
                    var answers = SecondConnection.await(next);
                    for (int c = 0; c < refuse.size(); c++) {
                        check(c, from, nextTo.orElse(null), failures.get(mapping.refuse().get(c)), messagesOf, answers.get(c));
                    }
                    if (nextTo.isEmpty()) {
                        break;
                    }
                    covered += RANGE;
                    listener.progress(mapping.name(), covered);
                    from = nextTo.get();
                }
            }
        } catch (StatementException e) {
            database.refusal(e); // a lost connection or a lock conflict stops the run here
            mapping.refuse().forEach(check -> failures.get(check).clear());
            return -1;
        }
        listener.progress(mapping.name(), rows);
        return rows;
    }

    /**
     * Each check's first failing rows of the range ({@code from}, {@code to}], as many as a check
     * keeps (asked before the range before is done, so before it is known how many it still keeps),
     * asked of {@code database}.
     */
    private List<List<Map<String, Object>>> failingEach(Database database, Object from, Object to) {
        var answers = new ArrayList<List<Map<String, Object>>>();
        for (var check : refuse) {
            answers.add(failing(database, check, from, to, CheckResult.FAILURES_KEPT));
        }
        return answers;
    }

    /**
     * Check {@code c} on the range ({@code from}, {@code to}]: the rows the database gives are
     * confirmed here; as some may pass (where the expression could fail, see {@link ConditionInSql#of}),
     * a full answer is followed by the rows after it until the check has kept all it keeps.
     *
     * @param first the database's first answer for the range, when the second connection asked it; null: asked here
     */
    private void check(int c, Object from, Object to, List<String> found, Function<Map<String, Object>, List<String>> messagesOf,
                       List<Map<String, Object>> first) {
        var after = from;
        var answer = first;
        while (found.size() < CheckResult.FAILURES_KEPT) {
            var limit = CheckResult.FAILURES_KEPT - found.size();
            // an answer asked ahead may hold more rows than the check still keeps: those after are not its first
            var rows = answer != null ? answer.subList(0, Math.min(answer.size(), limit)) : failing(database, refuse.get(c), after, to, limit);
            answer = null;
            for (var row : rows) {
                var messages = messagesOf.apply(row);
                if (c < messages.size() && messages.get(c) != null) {
                    found.add(table.name() + " row " + messages.get(c));
                }
            }
            if (rows.size() < limit) {
                return;
            }
            after = rows.get(rows.size() - 1).get(key.name());
        }
    }

    /** The key {@value #RANGE} rows after {@code from} (the range's last); empty when fewer rows are left. */
    private Optional<Object> boundary(Object from) {
        var dialect = database.dialect();
        var name = ROW + "." + dialect.quote(key.name());
        var sql = "SELECT " + name + " FROM " + dialect.quote(table.name()) + " " + ROW + (from == null ? "" : " WHERE " + name + " > ?")
                + " ORDER BY " + name + " LIMIT 1 OFFSET " + (RANGE - 1);
        var arguments = from == null ? List.of() : List.of(from);
        return database.first(sql, arguments, rs -> rs.getObject(1));
    }

    /** The rows of the range ({@code from}, {@code to}] that fail {@code check}, in key order, at most {@code limit}; asked of {@code database}. */
    private List<Map<String, Object>> failing(Database database, ConditionInSql.Sql check, Object from, Object to, int limit) {
        var dialect = database.dialect();
        var name = ROW + "." + dialect.quote(key.name());
        var arguments = new ArrayList<>();
        var sql = new StringBuilder("SELECT ").append(String.join(", ", table.columnNames().stream().map(c -> ROW + "." + dialect.quote(c)).toList()))
                .append(" FROM ").append(dialect.quote(table.name())).append(' ').append(ROW).append(" WHERE 1 = 1");
        if (from != null) {
            sql.append(" AND ").append(name).append(" > ?");
            arguments.add(from);
        }
        if (to != null) {
            sql.append(" AND ").append(name).append(" <= ?");
            arguments.add(to);
        }
        sql.append(conditions).append(" AND ").append(check.text()).append(" ORDER BY ").append(name).append(" LIMIT ").append(limit);
        arguments.addAll(conditionArguments);
        arguments.addAll(check.arguments());
        var rows = new ArrayList<Map<String, Object>>();
        database.query(sql.toString(), arguments, rs -> rows.add(RowReader.row(table, rs)));
        return rows;
    }
}
