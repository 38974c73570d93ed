package upgrade.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.UpgradeOptions;
import upgrade.check.CheckResult;
import upgrade.demo.MariaDbServer;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingException;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.report.JsonReport;
import upgrade.support.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine on a made-up application that is not Cloudreve: a legacy CRM's customers and
 * countries into a new CRM's accounts and regions, with mappings the test writes. Nothing of
 * Cloudreve is needed: no function pack, no target.yaml, no Cloudreve check; text may be NULL
 * where the columns allow it, and times are not clamped to 2038.
 */
class ToySchemaTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final String REGIONS = """
            target: crm_regions
            source: legacy_countries
            key: code
            columns:
              iso: {copy: code}
              name: {expr: "row.label.trim()"}
            """;

    private static final String ACCOUNTS = """
            target: crm_accounts
            source: legacy_customers
            after: [regions]
            lookups:
              region: {target: crm_regions, key: iso, value: id}
            skip:
              - when: "row.closed == 1"
                reason: "closed in the legacy CRM; not carried over"
                by_design: true
            notes:
              - when: "fn:blank(row.email)"
                note: "no e-mail address; the account cannot sign in"
            columns:
              id: {copy: id}
              display_name: {expr: "fn:truncate(row.full_name.trim(), 40)"}
              email: {expr: "fn:blank(row.email) ? null : row.email.trim()"}
              region_id: {lookup: region, key: {copy: country}}
              signed_up_at: {expr: "fn:time(row.signed_up)"}
            """;

    private final MariaDbServer server = TestServer.get();
    private String legacy;
    private String crm;
    private Path mappings;
    private Path exports;

    @BeforeEach
    void createBothDatabases() throws IOException {
        var n = ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        legacy = "t_v2_toy_" + n;
        crm = "t_v3_toy_" + n;
        server.recreateDatabase(legacy);
        server.recreateDatabase(crm);
        server.execute(legacy, "CREATE TABLE legacy_countries (code CHAR(2) PRIMARY KEY, label VARCHAR(60) NOT NULL) ENGINE=InnoDB");
        server.execute(legacy, "CREATE TABLE legacy_customers (id INT PRIMARY KEY, full_name VARCHAR(100) NOT NULL, email VARCHAR(100),"
                + " country CHAR(2), signed_up VARCHAR(19) NOT NULL, closed TINYINT NOT NULL DEFAULT 0) ENGINE=InnoDB");
        server.execute(legacy, "INSERT INTO legacy_countries VALUES ('DE', ' Germany '), ('FR', 'France')");
        server.execute(legacy, "INSERT INTO legacy_customers VALUES"
                + " (1, 'Anna Schmidt', 'anna@example.de', 'DE', '2019-03-17 09:12:45', 0),"
                + " (2, 'Bernard Dupont', '', 'FR', '2099-01-01 00:00:00', 0),"
                + " (3, 'Closed Customer', 'c@example.com', 'DE', '2020-01-01 00:00:00', 1),"
                + " (4, 'Nobody From Nowhere', 'n@example.com', 'XX', '2021-06-30 12:00:00', 0)");
        server.execute(crm, "CREATE TABLE crm_regions (id INT AUTO_INCREMENT PRIMARY KEY, iso CHAR(2) NOT NULL UNIQUE,"
                + " name VARCHAR(60) NOT NULL) ENGINE=InnoDB");
        server.execute(crm, "CREATE TABLE crm_accounts (id INT PRIMARY KEY, display_name VARCHAR(40) NOT NULL, email VARCHAR(100),"
                + " region_id INT, signed_up_at DATETIME, remarks TEXT) ENGINE=InnoDB");
        mappings = Files.createTempDirectory("toy-mappings-");
        exports = Files.createTempDirectory("toy-exports-");
        Files.writeString(mappings.resolve("regions.yaml"), REGIONS);
        Files.writeString(mappings.resolve("accounts.yaml"), ACCOUNTS);
    }

    @AfterEach
    void dropBothDatabases() throws IOException {
        server.dropDatabase(legacy);
        server.dropDatabase(crm);
        for (var dir : List.of(mappings, exports)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private UpgradeOptions options() {
        return UpgradeOptions.defaults().withV2Prefix("").withV3Prefix("").withV2TimeZone(ZoneOffset.UTC)
                .withMappings(MappingFiles.directory(mappings)).withExportDirectory(exports);
    }

    @Test
    void theEngineUpgradesAnApplicationThatIsNotCloudreve() {
        // the mappings load without any function pack installed
        var bare = new MappingLoader(new Expressions(new Builtins(ZoneOffset.UTC, Instant.now()), List.of()));
        assertThat(bare.load(MappingFiles.directory(mappings)).mappings()).hasSize(2);

        try (var upgrade = Upgrade.open(server.url(legacy), server.url(crm), options())) {
            assertThat(upgrade.check().results()).extracting(CheckResult::title).containsExactly(
                    "the target tables are transactional (InnoDB)", "the target text columns can hold every character (utf8mb4)");
            var run = upgrade.run();

            var accounts = run.step("accounts").orElseThrow();
            assertThat(accounts.read()).isEqualTo(4);
            assertThat(accounts.written()).isEqualTo(3);
            assertThat(accounts.skipped()).containsExactly(Map.entry("closed in the legacy CRM; not carried over", 1L));
            assertThat(accounts.skippedKeys().get("closed in the legacy CRM; not carried over")).containsExactly("3");
            assertThat(accounts.noteKeys()).containsExactly(Map.entry("no e-mail address; the account cannot sign in", List.of("2")));
            assertThat(JsonReport.of("toy", run, null, null).droppedByDesign())
                    .containsExactly(Map.entry("legacy_customers: closed in the legacy CRM; not carried over", 1L));

            var regions = rows(crm, "SELECT iso, id FROM crm_regions ORDER BY iso");
            var germany = regions.get(0).get("id");
            assertThat(rows(crm, "SELECT id, display_name, email, region_id, CAST(signed_up_at AS CHAR) AS signed_up_at, remarks FROM crm_accounts ORDER BY id"))
                    .containsExactly(
                            row(1, "Anna Schmidt", "anna@example.de", germany, "2019-03-17 09:12:45", null),
                            // NULL text where the column allows it, and a time after 2038: no Cloudreve rule applies
                            row(2, "Bernard Dupont", null, regions.get(1).get("id"), "2099-01-01 00:00:00", null),
                            // the lookup finds no region 'XX': the rule gives null
                            row(4, "Nobody From Nowhere", "n@example.com", null, "2021-06-30 12:00:00", null));

            assertThat(upgrade.verify().results()).as("no check of Cloudreve's").isEmpty();
        }
    }

    @Test
    void aTargetThatReadsTextAsStringsIsDeclaredNotBuiltIn() throws IOException {
        Files.writeString(mappings.resolve("target.yaml"), "target: {name: the new CRM, text_not_null: true}\n");
        try (var upgrade = Upgrade.open(server.url(legacy), server.url(crm), options())) {
            assertThatThrownBy(upgrade::check).isInstanceOf(MappingException.class)
                    .hasMessageEndingWith("nothing fills the text column 'crm_accounts.remarks', which the new CRM reads as a string (it would be NULL)");
        }
    }

    private static Map<String, Object> row(Object... values) {
        var names = List.of("id", "display_name", "email", "region_id", "signed_up_at", "remarks");
        var row = new LinkedHashMap<String, Object>();
        for (int i = 0; i < values.length; i++) {
            row.put(names.get(i), values[i]);
        }
        return row;
    }

    private List<Map<String, Object>> rows(String database, String sql) {
        return server.query(database, sql);
    }
}
