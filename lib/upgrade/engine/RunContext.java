package upgrade.engine;

import upgrade.db.Database;

import java.util.Map;

/**
 * What every step of a run shares: both databases, the run parameters expressions see as
 * {@code param.*}, the page/batch size, and the listener that hears about progress.
 */
public record RunContext(Database source, Database target, Map<String, Object> params, int batchSize, RunListener listener) {}
