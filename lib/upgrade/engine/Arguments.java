package upgrade.engine;

import org.jdbi.v3.core.statement.SqlStatement;
import upgrade.db.Dialect;

import java.time.Instant;
import java.util.List;

/** Binds positional arguments the same way everywhere: NULL as SQL NULL, instants in the dialect's form. */
final class Arguments {
    private Arguments() {}

    static <T extends SqlStatement<T>> T bind(T statement, List<?> values, Dialect dialect) {
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            if (value == null) {
                statement.bindNull(i, java.sql.Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.bind(i, dialect.timeValue(instant));
            } else {
                statement.bindByType(i, value, value.getClass());
            }
        }
        return statement;
    }
}
