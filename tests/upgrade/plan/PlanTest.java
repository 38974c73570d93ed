package upgrade.plan;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.db.DatabaseException;
import upgrade.engine.RunListener;
import upgrade.mapping.MappingFiles;
import upgrade.support.TestSite;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plan, then run: the mappings are loaded, checked and the ledger read once into a plan, which
 * check, run, files and verify carry out; a plan is a value made before anything is written.
 */
class PlanTest {

    /** Stands for the process dying at that moment. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    /** The bundled mapping files, counting how often they are read (each load reads them a fixed number of times). */
    static final class CountedFiles extends AbstractList<MappingFiles.File> {
        private final List<MappingFiles.File> files = MappingFiles.bundled().files();
        int reads;

        @Override
        public MappingFiles.File get(int index) {
            return files.get(index);
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public Iterator<MappingFiles.File> iterator() {
            reads++;
            return super.iterator();
        }

        @Override
        public Spliterator<MappingFiles.File> spliterator() {
            reads++;
            return super.spliterator();
        }
    }

    @Test
    void theMappingsAreLoadedOnceForCheckRunFilesAndVerify() {
        try (var site = TestSite.sample("cd_")) {
            var counted = new CountedFiles();
            var options = site.options().withMappings(new MappingFiles("counted", counted));
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                upgrade.draft();
                var perLoad = counted.reads;
                assertThat(perLoad).isPositive();
                counted.reads = 0;

                var plan = upgrade.plan();
                var checks = upgrade.check(plan);
                assertThat(checks.passed()).isTrue();
                var report = upgrade.run(plan, checks, RunListener.NONE, false);
                assertThat(report.step("users").get().written()).isEqualTo(7);
                upgrade.files(plan, RunListener.NONE, true);
                assertThat(upgrade.verify(plan).passed()).isTrue();
                upgrade.verifyWriters(plan);
                assertThat(counted.reads).as("one load for the whole command").isEqualTo(perLoad);
            }
        }
    }

    @Test
    void eachStepCarriesItsStateFromTheLedger() {
        try (var site = TestSite.sample("cd_")) {
            var options = site.options().withBatchSize(3);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                var fresh = upgrade.plan();
                assertThat(fresh.recorded()).isEmpty();
                assertThat(fresh.steps()).allSatisfy(step -> assertThat(step.state()).isEqualTo(StepState.PENDING));
                assertThatThrownBy(() -> upgrade.run(new RunListener() {
                    @Override
                    public void progress(String name, long rowsRead) {
                        if (name.equals("files") && rowsRead > 3) {
                            throw new Killed(); // the second page of files is written but not committed
                        }
                    }
                })).isInstanceOf(Killed.class);
            }
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                var plan = upgrade.plan();
                assertThat(plan.step("users").orElseThrow().state()).isEqualTo(StepState.DONE);
                assertThat(plan.step("files").orElseThrow().state()).isEqualTo(new StepState.Interrupted("3"));
                assertThat(plan.step("shares").orElseThrow().state()).isEqualTo(StepState.PENDING);
                assertThat(plan.continued()).isPresent();
                assertThat(plan.started()).as("expressions see the time the interrupted run began").isEqualTo(plan.recorded().get().started());
                assertThat(plan.status().orElseThrow().current()).isEqualTo("files");
                assertThat(plan.status()).isEqualTo(upgrade.status());
                assertThat(plan.step("users").orElseThrow().lookups()).containsKey("v3_group");
            }
        }
    }

    @Test
    void aPlanIsMadeBeforeAnythingIsWrittenAndARunRefusesOneThatV3HasOvertaken() {
        try (var site = TestSite.sample("cd_");
             var first = site.open();
             var second = site.open()) {
            var stale = first.plan();
            var before = site.snapshotV3();
            second.run();
            assertThat(site.snapshotV3()).isNotEqualTo(before);
            assertThatThrownBy(() -> first.run(stale, RunListener.NONE, false)).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("V3's record of this upgrade changed since the plan was made");
            assertThat(first.plan().continued()).as("a new plan sees the finished run").isPresent();
        }
    }

    @Test
    void withV3AloneThePlanChecksOnlyTheVerifyMappingsAndIsOnlyForVerifying() {
        try (var site = TestSite.sample("cd_")) {
            try (var upgrade = site.open()) {
                upgrade.run();
            }
            try (var upgrade = Upgrade.openV3(site.v3Url(), site.options())) {
                var plan = upgrade.plan();
                assertThat(plan.scope()).isEqualTo(Plan.Scope.VERIFY);
                assertThat(upgrade.verify(plan).passed()).isTrue();
                assertThat(upgrade.verifyWriters(plan)).hasEntrySatisfying("verify-users.yaml",
                        files -> assertThat(files).contains("users.yaml", "storage.yaml"));
                assertThatThrownBy(() -> upgrade.check(plan)).isInstanceOf(DatabaseException.class)
                        .hasMessage("this needs the V2 database, but only the V3 database was opened");
                assertThatThrownBy(() -> upgrade.run(plan, RunListener.NONE, true)).isInstanceOf(DatabaseException.class);
                assertThatThrownBy(upgrade::drift).isInstanceOf(DatabaseException.class)
                        .hasMessage("this needs the V2 database, but only the V3 database was opened");
            }
        }
    }
}
