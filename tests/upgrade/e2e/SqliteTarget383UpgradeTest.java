package upgrade.e2e;

/**
 * The dirty site upgraded into V3 3.8.3's SQLite file, with the same checks as into 3.0.0's (and
 * 3.8.3's own rules, which V3Rules applies by the tables and columns the file has): its columns
 * after 3.0.0 (files.upload_session_id, webdavs.use_proxy, ...) are filled by the release files.
 */
class SqliteTarget383UpgradeTest extends SqliteTargetUpgradeTest {
    @Override
    String version() {
        return "3.8.3";
    }
}
