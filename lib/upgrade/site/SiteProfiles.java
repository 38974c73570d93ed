package upgrade.site;

import upgrade.UpgradeOptions;
import upgrade.db.DatabaseException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The site profile installed for this process: the entry script installs its product's profile
 * once, before the command line or the facade opens anything (as it installs the function packs);
 * until then, and for an engine run on its own (a toy schema), {@link #GENERIC} holds.
 */
public final class SiteProfiles {
    /** No product: generic options, nothing discovered, every database given by its URL. */
    public static final SiteProfile GENERIC = new Generic();

    private static volatile SiteProfile installed = GENERIC;

    private SiteProfiles() {}

    /** Installs {@code profile} for this process (the same kind again changes nothing). */
    public static synchronized void install(SiteProfile profile) {
        if (installed != GENERIC && installed.getClass() != profile.getClass()) {
            throw new IllegalStateException("the site profile " + installed.getClass().getName() + " is installed already");
        }
        installed = profile;
    }

    /** The profile installed, or {@link #GENERIC}. */
    public static SiteProfile current() {
        return installed;
    }

    private static final class Generic implements SiteProfile {
        @Override
        public String title() {
            return "Database upgrade toolkit";
        }

        @Override
        public String description() {
            return "Moves a site's database into another application's freshly created database, as the mappings say.";
        }

        @Override
        public String targetApplication() {
            return "the application that uses the target database";
        }

        @Override
        public java.util.ResourceBundle texts() {
            return new java.util.ListResourceBundle() {
                @Override
                protected Object[][] getContents() {
                    return new Object[0][];
                }
            };
        }

        @Override
        public UpgradeOptions defaultOptions() {
            return UpgradeOptions.defaults();
        }

        @Override
        public Optional<SourceSite> sourceAt(Path directory) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> sourceRootAround(Path directory) {
            return Optional.empty();
        }

        @Override
        public SourceSite readSource(Path root) {
            throw new DatabaseException("no site profile is installed, so the settings of the site at " + root + " cannot be read",
                    "give the source database's URL instead (--from)");
        }

        @Override
        public TargetConf readTarget(Path file) {
            throw new DatabaseException("no site profile is installed, so " + file + " cannot be read", "give the target database's URL instead (--to)");
        }

        @Override
        public String shareSaltOf(Path file) {
            return "";
        }

        @Override
        public List<String> beforeUpgrade() {
            return List.of();
        }

        @Override
        public List<String> nextSteps(List<Path> exportFiles) {
            return List.of();
        }
    }
}
