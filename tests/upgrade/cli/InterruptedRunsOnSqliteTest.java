package upgrade.cli;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.db.DatabaseInterruptedException;
import upgrade.db.SqlError;
import upgrade.demo.SqliteFile;
import upgrade.engine.RunListener;
import upgrade.support.FakeV2Root;
import upgrade.support.TestSite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static upgrade.cli.UpgradeCommandTest.execute;

/**
 * Every interrupted run and reset of {@link InterruptedRunsTest}, with V3 in a SQLite file; and what
 * SQLite has instead of a lost connection: another process writing the file (V3 started meanwhile),
 * which stops the run (exit 4) with what it committed kept, to be continued once that writer is gone.
 */
class InterruptedRunsOnSqliteTest extends InterruptedRunsTest {
    @Override
    TestSite.Engine engine() {
        return TestSite.Engine.SQLITE;
    }

    @Test
    void anotherWriterOfTheFileStopsTheRunWhichContinuesOnceItIsGone() throws IOException, SQLException {
        try (var site = newSite()) {
            var root = FakeV2Root.create(site);
            Connection[] writer = new Connection[1];
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), site.options().withV2Root(root).withBatchSize(3).withV2Version("2.0.0-Alpha1"))) {
                var e = catchThrowable(() -> upgrade.run(new RunListener() {
                    @Override
                    public void snapshotTaken(String table) {
                        if (table.equals("cd_users") && writer[0] == null) {
                            try { // another process begins writing the file, and keeps its write lock
                                writer[0] = new SqliteFile(site.v3File()).connect();
                                writer[0].setAutoCommit(false);
                                writer[0].createStatement().execute("UPDATE cd_settings SET value = value WHERE id = 1");
                            } catch (SQLException failed) {
                                throw new IllegalStateException(failed);
                            }
                        }
                    }
                }));
                assertThat(e).isInstanceOf(DatabaseInterruptedException.class);
                assertThat(((DatabaseInterruptedException) e).kind()).isEqualTo(SqlError.LOCK_CONFLICT);
                assertThat(((DatabaseInterruptedException) e).exitCode()).isEqualTo(ExitCodes.DATABASE);
                assertThat(e.getMessage()).contains("another session held rows or tables it writes");
            } finally {
                if (writer[0] != null) {
                    writer[0].rollback();
                    writer[0].close();
                }
            }
            var run = execute("run", "--from", site.v2Url(), "--to", site.v3Url(), "--v3-prefix", "cd_", "--v2-root", root.toString(),
                    "--export-dir", site.exports().toString(), "--batch-size", "3", "--yes");
            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("An earlier run was stopped while it copied V3's tables, before it wrote any row; starting again.",
                    "The V3 database follows V3's rules.");
        }
    }
}
