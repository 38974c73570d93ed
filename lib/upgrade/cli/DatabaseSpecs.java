package upgrade.cli;

import upgrade.Upgrade;
import upgrade.db.ConnectionSpec;
import upgrade.db.DatabaseException;
import upgrade.site.SourceSite;
import upgrade.site.TargetConf;

import java.nio.file.Path;
import java.util.Optional;

/** The source and target databases as the options, the source site's files and the target's configuration file name them, with passwords from the environment where set. */
final class DatabaseSpecs {
    private DatabaseSpecs() {}

    /** V2's database: {@code --from}, else the one V2's web root names; empty when neither is known. */
    static Optional<ConnectionSpec> v2(String from, Optional<SourceSite> root) {
        var password = env(Upgrade.V2_PASSWORD_VARIABLE);
        if (from != null) {
            var spec = new ConnectionSpec("V2 database", "--from", from, password.orElse(null));
            if (spec.isSqlite()) {
                throw new DatabaseException("V2 database: --from names a SQLite file, but the toolkit reads the site it upgrades from MySQL/MariaDB only.",
                        "give --from as V2's jdbc:mysql://HOST:PORT/DATABASE?user=USER (V3's SQLite file goes to --to)");
            }
            return Optional.of(spec);
        }
        return root.map(site -> new ConnectionSpec("V2 database", site.where() + " (or give --from)", site.url(), password.orElse(site.password())));
    }

    /** V3's database from {@code --to}: a JDBC URL, or {@code sqlite:PATH} (a relative path seen from {@code workingDirectory}). */
    static ConnectionSpec v3(String to, Path workingDirectory) {
        var given = new ConnectionSpec(Prompts.V3_LABEL, "--to", to, null);
        var url = given.isSqlite() ? ConnectionSpec.sqliteUrl(workingDirectory.resolve(to.substring(to.indexOf("sqlite:") + "sqlite:".length()))) : to;
        return new ConnectionSpec(Prompts.V3_LABEL, "--to", url, env(Upgrade.V3_PASSWORD_VARIABLE).orElse(null));
    }

    /** The target database as its configuration file names it. */
    static ConnectionSpec v3(TargetConf conf) {
        return new ConnectionSpec(Prompts.V3_LABEL, conf.where(), conf.url(),
                env(Upgrade.V3_PASSWORD_VARIABLE).orElse(conf.password()));
    }

    /** The database typed at the prompts, with the environment's V3 password when it is set. */
    static ConnectionSpec withV3Password(ConnectionSpec typed) {
        return env(Upgrade.V3_PASSWORD_VARIABLE).map(typed::withPassword).orElse(typed);
    }

    private static Optional<String> env(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isEmpty());
    }
}
