package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.engine.RunListener;
import upgrade.support.TestSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static upgrade.cli.UpgradeCommandTest.execute;

/** 'plan' and 'check' print the plan: the steps in order, what each reads and writes, and how far V3's ledger says each got. */
class PlanPrintedTest {

    private static String[] args(String command, TestSite site) {
        return new String[] {command, "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_",
                "--export-dir", site.exports().toString(), "--batch-size", "3", "--yes"};
    }

    @Test
    void planPrintsTheStepsInOrderBeforeItsDryRun() {
        try (var site = TestSite.sample("cd_")) {
            var plan = execute(args("plan", site));
            assertThat(plan.code()).as(plan.out() + plan.err()).isZero();
            assertThat(plan.out()).containsPattern("The plan: \\d+ mappings \\(checksum [0-9a-f]{8}\\), in the order they run:")
                    .containsPattern("\n  upgrade +users +users -> users +pending\n")
                    .containsPattern("\n  upgrade +v3-first-start +\\(no table\\) +checks only\n")
                    .containsPattern("\n  files +thumbnails +files +after the commit\n")
                    .containsPattern("\n  verify +verify-users +users +verification\n");
            assertThat(plan.out().indexOf("The plan:")).isLessThan(plan.out().indexOf("This was a dry run"));
        }
    }

    @Test
    void checkPrintsHowFarAnInterruptedRunGotStepByStep() {
        try (var site = TestSite.sample("cd_")) {
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withBatchSize(3))) {
                assertThatThrownBy(() -> upgrade.run(new RunListener() {
                    @Override
                    public void progress(String name, long rowsRead) {
                        if (name.equals("files") && rowsRead > 3) {
                            throw new InterruptedRunsTest.Killed(); // the second page of files is written but not committed
                        }
                    }
                })).isInstanceOf(InterruptedRunsTest.Killed.class);
            }
            var check = execute(args("check", site));
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).containsPattern("\n  upgrade +users +users -> users +done\n")
                    .containsPattern("\n  upgrade +files +files -> files +interrupted after key 3\n")
                    .containsPattern("\n  upgrade +shares +shares -> shares +pending\n");
        }
    }
}
