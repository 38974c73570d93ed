package upgrade.e2e;


/**
 * The dirty site upgraded into V3 3.8.3's SQLite file, with the same checks as into 3.0.0's. Its
 * columns after 3.0.0 (files.upload_session_id, webdavs.use_proxy, ...) need the per-version
 * mappings (issue 13, point 1), which come from another branch: enable this once they are merged.
 */
class SqliteTarget383UpgradeTest extends SqliteTargetUpgradeTest {
    @Override
    String version() {
        return "3.8.3";
    }
}
