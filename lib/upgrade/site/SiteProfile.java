package upgrade.site;

import upgrade.UpgradeOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What the engine may ask of the product it upgrades, which lib/ does not know: the options a run
 * starts from, where a source site keeps its settings (its database, table prefix, salt, ...) and
 * a target application its configuration, and how the command line and its messages name them.
 * The entry script installs one ({@link SiteProfiles#install}), as it installs the function packs
 * its mappings call; without one, {@link SiteProfiles#GENERIC} discovers nothing.
 */
public interface SiteProfile {

    /** The command line's version line, e.g. "Example 1 -> 2 upgrade toolkit 0.1". */
    String title();

    /** What the toolkit does, in one sentence, for the command line's help. */
    String description();

    /** The application that uses the target database, as messages tell the operator to start or stop it. */
    String targetApplication();

    /** The options a run starts from before any flag or discovered setting: this product's prefixes, salts, zones, names. */
    UpgradeOptions defaultOptions();

    /** The source site whose root is {@code directory}, if it is one. */
    Optional<SourceSite> sourceAt(Path directory);

    /** The source site's root that holds {@code directory} (itself or one above), if any: files written there may be served. */
    Optional<Path> sourceRootAround(Path directory);

    /** The source site at {@code root}; a failure names the file and how to do without it. */
    SourceSite readSource(Path root);

    /** The target's configuration file; a failure names the file and how to do without it. */
    TargetConf readTarget(Path file);

    /** Only the salt of the target's share links in its configuration file (whatever database it names); empty when none. */
    String shareSaltOf(Path file);

    /** What the operator must also do before the upgrade, printed by {@code check} after the backup command. */
    List<String> beforeUpgrade();

    /** What the operator does after a successful run that wrote {@code exportFiles}, one step a line (numbered when printed). */
    List<String> nextSteps(List<Path> exportFiles);

    /**
     * The help and prompt texts that name this product's files and settings, in place of the
     * engine's generic ones: option descriptions under the option's name without dashes (picocli's
     * keys: {@code v2-root}, numbered {@code v2-root.0}, {@code v2-root.1} for several lines) and the
     * questions under {@code prompt.*} ({@link upgrade.cli.Texts} lists them). A key it lacks keeps the generic text.
     */
    ResourceBundle texts();
}
