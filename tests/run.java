///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Runs every test of the toolkit (JUnit 5) against a real MariaDB; see README, "Tests".
//JAVA 17+
//SOURCES ../demo.java
//SOURCES upgrade/**.java
//DEPS org.junit.jupiter:junit-jupiter:5.14.1
//DEPS org.junit.platform:junit-platform-launcher:1.14.1
//DEPS org.assertj:assertj-core:3.27.7
//DEPS com.networknt:json-schema-validator:1.5.6
//DEPS org.mariadb.jdbc:mariadb-java-client:3.5.7
//FILES mappings/=../mappings/*.yaml
//FILES demo/=../demo/*.sql
//FILES fixtures/=fixtures/*.sql

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.PrintWriter;
import upgrade.cli.UpgradeCommand;

/**
 * Discovers the test classes (names ending in Test) and runs them, printing one line per test and
 * a closing "N passed, N failed" line. Arguments narrow the run to classes whose simple name
 * contains one of them: {@code ./jbang tests/run.java UsersMapping}.
 */
class run {
    public static void main(String... args) {
        UpgradeCommand.commandLine(); // sets the quiet library logging the CLI uses
        upgrade.installFunctionPacks(); // as upgrade.java does: the bundled mappings call the cloudreve functions
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("upgrade"))
                .filters(ClassNameFilter.includeClassNamePatterns(args.length == 0 ? ".*Test"
                        : ".*(" + String.join("|", args) + ").*Test"))
                .build();
        var summary = new SummaryGeneratingListener();
        var launcher = LauncherFactory.create();
        launcher.execute(request, summary, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    System.out.printf("%-10s %s%s%n", result.getStatus(), test.getDisplayName(),
                            result.getThrowable().map(t -> "\n    " + t).orElse(""));
                }
            }
        });
        var totals = summary.getSummary();
        totals.printFailuresTo(new PrintWriter(System.out), 25);
        long failed = totals.getTotalFailureCount();
        long passed = totals.getTestsSucceededCount();
        System.out.println();
        // Tests that need ../shared (absent on a newcomer's clone) abort on an assumption: counted as skipped.
        long skipped = totals.getTestsSkippedCount() + totals.getTestsAbortedCount();
        System.out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
