///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Benchmark: ways to send a page of rows to MySQL/MariaDB (hand-built multi-row INSERT, Jdbi batches), 100,000 V3 files.
//JAVA 17+
//SOURCES ../demo.java
//DEPS org.mariadb.jdbc:mariadb-java-client:3.5.7
//FILES demo/=../demo/*.sql
//FILES mappings/=../mappings/*.yaml

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import upgrade.cli.UpgradeCommand;
import upgrade.demo.DemoSite;
import upgrade.demo.MariaDbServer;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Prints figures, asserts nothing: how fast 100,000 rows (default; first argument) reach V3's
 * {@code files} table when each page of 500 rows (second argument) is sent as the toolkit could
 * send it, and committed on its own as a run commits its pages:
 * <ul>
 *   <li>one hand-built {@code INSERT ... VALUES (...), (...)} per page (what RowWriter sent before);</li>
 *   <li>a Jdbi {@code PreparedBatch} of one-row INSERTs, with the MariaDB driver's defaults
 *       ({@code useBulkStmtsForInserts}: the server's bulk protocol on MariaDB), with bulk switched
 *       off (plain pipelined statements, as against a MySQL server), and with MySQL Connector/J's
 *       {@code rewriteBatchedStatements=true} (the driver rewrites the batch into a multi-row INSERT).</li>
 * </ul>
 * The server is {@code --server URL} or {@code UPGRADE_TEST_DB_URL} (e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/?user=root&password=PW}), else an embedded MariaDB.
 * Each way runs {@code --rounds} times (default 3), interleaved, into a table emptied before; the median is printed.
 * {@code --driver mariadb} or {@code --driver mysql} runs only the ways on that driver.
 */
class batching {
    private static final String COLUMNS = "id, created_at, updated_at, name, source_name, user_id, size, pic_info, folder_id, policy_id";

    interface Way {
        void send(Handle handle, List<List<Object>> page);
    }

    public static void main(String... args) throws Exception {
        UpgradeCommand.commandLine(); // quiet library logging
        var numbers = new ArrayList<Integer>();
        String serverUrl = System.getenv("UPGRADE_TEST_DB_URL");
        int rounds = 3;
        String driver = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> serverUrl = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--driver" -> driver = args[++i];
                default -> numbers.add(Integer.parseInt(args[i]));
            }
        }
        int rows = numbers.isEmpty() ? 100_000 : numbers.get(0);
        int page = numbers.size() < 2 ? 500 : numbers.get(1);
        try (var server = serverUrl == null || serverUrl.isBlank() ? MariaDbServer.embedded() : MariaDbServer.existing(serverUrl)) {
            var database = "bench_batching";
            server.recreateDatabase(database);
            DemoSite.createV3(server, database, "");
            var mariadb = "jdbc:mariadb://" + server.hostAndPort() + "/" + database;
            var mysql = "jdbc:mysql://" + server.hostAndPort() + "/" + database;
            record Contender(String name, String url, Way way) {}
            var all = List.of(
                    new Contender("multi-row INSERT text (MariaDB driver)", mariadb, batching::multiRow),
                    new Contender("Jdbi PreparedBatch, MariaDB driver defaults (bulk protocol)", mariadb, batching::batch),
                    new Contender("Jdbi PreparedBatch, MariaDB driver, useBulkStmtsForInserts=false", mariadb + "?useBulkStmtsForInserts=false", batching::batch),
                    new Contender("multi-row INSERT text (MySQL Connector/J)", mysql, batching::multiRow),
                    new Contender("Jdbi PreparedBatch, MySQL Connector/J rewriteBatchedStatements=true", mysql + "?rewriteBatchedStatements=true", batching::batch));
            var only = ":" + driver; // --driver mariadb|mysql: only the contenders on that driver
            var contenders = all.stream().filter(c -> c.url().startsWith("jdbc" + only)).toList();
            var times = new ArrayList<List<Long>>();
            contenders.forEach(c -> times.add(new ArrayList<>()));
            System.out.printf("%,d rows into files, pages of %d, each page committed; %d rounds%n", rows, page, rounds);
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < contenders.size(); c++) {
                    var contender = contenders.get(c);
                    server.execute(database, "TRUNCATE TABLE files");
                    var millis = time(contender.url(), server, contender.way(), rows, page);
                    times.get(c).add(millis);
                    System.out.printf("  round %d  %-75s %6d ms%n", round + 1, contender.name(), millis);
                }
            }
            System.out.println("Medians:");
            for (int c = 0; c < contenders.size(); c++) {
                var sorted = new ArrayList<>(times.get(c));
                Collections.sort(sorted);
                long median = sorted.get(sorted.size() / 2);
                System.out.printf("  %-75s %6d ms  %,8d rows/s%n", contenders.get(c).name(), median, rows * 1000L / Math.max(1, median));
            }
            server.dropDatabase(database);
        }
    }

    private static long time(String url, MariaDbServer server, Way way, int rows, int page) throws Exception {
        var properties = new Properties(); // user and password, from the server's own URL
        var query = server.serverUrl().substring(server.serverUrl().indexOf('?') + 1);
        for (var pair : query.split("&")) {
            var cut = pair.indexOf('=');
            properties.setProperty(pair.substring(0, cut), java.net.URLDecoder.decode(pair.substring(cut + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var connection = DriverManager.getConnection(url, properties)) {
            try (var statement = connection.createStatement()) {
                statement.execute("SET time_zone = '+00:00'");
                statement.execute("SET SESSION sql_mode = CONCAT_WS(',', @@SESSION.sql_mode, 'STRICT_ALL_TABLES')");
            }
            var handle = Jdbi.create(connection).open();
            long started = System.nanoTime();
            handle.begin();
            for (int from = 1; from <= rows; from += page) {
                var values = new ArrayList<List<Object>>();
                for (int id = from; id < Math.min(rows + 1, from + page); id++) {
                    values.add(List.of(id, "2020-01-02 03:04:05", "2020-01-02 03:04:05", "photo " + id + ".jpg",
                            "public/uploads/2020/01/02/" + id + "_photo.jpg", 1 + id % 100, 1000L + id, "", 1 + id % 1000, 1));
                }
                way.send(handle, values);
                handle.commit();
                handle.begin();
            }
            handle.commit();
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    /** One statement per page, its text built for the page's row count. */
    private static void multiRow(Handle handle, List<List<Object>> page) {
        var one = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        var update = handle.createUpdate("INSERT INTO files (" + COLUMNS + ") VALUES " + String.join(", ", Collections.nCopies(page.size(), one)));
        int i = 0;
        for (var row : page) {
            for (var value : row) {
                update.bind(i++, value);
            }
        }
        update.execute();
    }

    /** One one-row statement, bound once per row, sent as a JDBC batch. */
    private static void batch(Handle handle, List<List<Object>> page) {
        var batch = handle.prepareBatch("INSERT INTO files (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (var row : page) {
            for (int i = 0; i < row.size(); i++) {
                batch.bind(i, row.get(i));
            }
            batch.add();
        }
        batch.execute();
    }
}
