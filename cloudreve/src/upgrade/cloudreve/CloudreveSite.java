package upgrade.cloudreve;

import upgrade.UpgradeOptions;
import upgrade.expr.FunctionPacks;
import upgrade.site.SiteProfile;
import upgrade.site.SiteProfiles;
import upgrade.site.SourceSite;
import upgrade.site.TargetConf;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cloudreve as the engine meets it: a V2 (2.0.0-Alpha1) site upgraded into V3. Its defaults are V2's
 * and V3's own (table prefix {@code sd_}, salt {@code sdshare}, V2's times in PRC, V3's thumbnail
 * suffix); V2's settings are read from its web root (application/*.php, version.json), V3's from its
 * conf.ini. The entry scripts call {@link #install()}; in JShell: {@code CloudreveSite.defaults().withV3Prefix("cd_")}.
 */
public final class CloudreveSite implements SiteProfile {
    /** The default name of the folder, in each user's root, that receives folders and files whose V2 folder is gone. */
    public static final String RECOVERY_FOLDER = "Recovered from V2";

    /** Installs, for this process, what the bundled mappings need: this profile and the {@code cloudreve:} function pack. */
    public static void install() {
        SiteProfiles.install(new CloudreveSite());
        FunctionPacks.install(new CloudreveFunctions());
    }

    /** The options of an upgrade of a stock V2 into a V3 with its default table prefix (none). */
    public static UpgradeOptions defaults() {
        return UpgradeOptions.defaults().withV2Prefix("sd_").withSalt("sdshare").withV2TimeZone(ZoneId.of("Asia/Shanghai"))
                .withRecoveryFolder(RECOVERY_FOLDER).withThumbSuffix("._thumb");
    }

    @Override
    public String title() {
        return "Cloudreve V2 -> V3 upgrade toolkit 0.1";
    }

    @Override
    public String description() {
        return "Moves a Cloudreve V2 (2.0.0-Alpha1) site into a freshly started Cloudreve V3 database.";
    }

    @Override
    public String targetApplication() {
        return "Cloudreve V3";
    }

    @Override
    public java.util.ResourceBundle texts() {
        return new CloudreveTexts();
    }

    @Override
    public UpgradeOptions defaultOptions() {
        return defaults();
    }

    @Override
    public Optional<SourceSite> sourceAt(Path directory) {
        return V2WebRoot.at(directory);
    }

    @Override
    public Optional<Path> sourceRootAround(Path directory) {
        return V2WebRoot.rootAround(directory);
    }

    @Override
    public SourceSite readSource(Path root) {
        return V2WebRoot.read(root);
    }

    @Override
    public TargetConf readTarget(Path file) {
        return V3ConfIni.read(file);
    }

    @Override
    public String shareSaltOf(Path file) {
        return V3ConfIni.hashIdSaltOf(file);
    }

    @Override
    public List<String> beforeUpgrade() {
        return List.of("Also stop V2's OneDrive task queue and its crontab, and leave V3 stopped until the upgrade is done.");
    }

    @Override
    public List<String> nextSteps(List<Path> exportFiles) {
        var steps = new ArrayList<>(List.of(
                "Run Cloudreve V3 in V2's web root and keep V2's public/ directory: V3 reads the local files from public/uploads/.",
                "Before starting V3 3.8 or later that ran before, remove its temp/cache_persist.bin (it caches old settings)."));
        exportFiles.forEach(file -> steps.add("Redirect old share links with " + file + " (V2 key -> V3 share and link)."));
        return steps;
    }
}
