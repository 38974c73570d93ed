package upgrade.cli;

import picocli.CommandLine;
import upgrade.site.SiteProfiles;

/**
 * The defaults of the options that depend on the product upgraded (table prefix, salt, zone,
 * folder and suffix names): the installed site profile's, so that lib/ names none of them and
 * {@code --help} shows the profile's values.
 */
final class ProfileDefaults implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        var defaults = SiteProfiles.current().defaultOptions();
        return switch (option.longestName()) {
            case "--v2-prefix" -> defaults.v2Prefix();
            case "--salt" -> defaults.salt();
            case "--v2-timezone" -> defaults.v2TimeZone().getId();
            case "--recovery-folder" -> defaults.recoveryFolder();
            case "--thumb-suffix" -> defaults.thumbSuffix();
            default -> null; // the option's own default, if any
        };
    }
}
