package upgrade.cli;

import upgrade.site.SiteProfiles;

import java.util.MissingResourceException;

/**
 * The questions {@link Prompts} asks and the hints that name the target's files, in the installed site profile's words where it has them
 * ({@link upgrade.site.SiteProfile#texts()}), else in the engine's own, which name no product.
 */
public enum Texts {
    /** Heading before the target database is asked for. */
    TARGET_HEADING("prompt.targetHeading", "The target database (its application must have started on it once):"),
    /** The first question: the target's configuration file or SQLite file. */
    TARGET_FILE("prompt.targetFile", "  the target's configuration file, or its SQLite file (.db) (empty: type the settings)"),
    /** The same question again after an answer that could not be read. */
    TARGET_FILE_AGAIN("prompt.targetFileAgain", "  the configuration file or SQLite file (empty: type the settings)"),
    /** The table prefix of a SQLite file. */
    SQLITE_PREFIX("prompt.sqlitePrefix", "  table prefix"),
    /** The database name's default when typed setting by setting. */
    DEFAULT_DATABASE("prompt.defaultDatabase", ""),
    /** The table prefix when typed setting by setting. */
    TYPED_PREFIX("prompt.typedPrefix", "  table prefix"),
    /** Why the salt of the share links is asked for. */
    SHARE_SALT_WHY("prompt.shareSaltWhy", "The salt of the target's share links lets the export list give each old share link its new link."),
    /** The question for the salt. */
    SHARE_SALT("prompt.shareSalt", "  the share links' salt, or the path of the target's configuration file (empty: leave the new links out)"),
    /** Said of a configuration file without the salt ({@code %s}: the file). */
    SHARE_SALT_MISSING("prompt.shareSaltMissing", "  %s names no share-link salt."),
    /** How to name the target database when nothing did. */
    MISSING_TARGET("hint.missingTarget", "give --to JDBC_URL, or --v3-conf FILE (the target's configuration file), or run on a terminal without --yes to be asked");

    private final String key;
    private final String generic;

    Texts(String key, String generic) {
        this.key = key;
        this.generic = generic;
    }

    /** The profile's text for this key, or the generic one. */
    public String text() {
        try {
            return SiteProfiles.current().texts().getString(key);
        } catch (MissingResourceException e) {
            return generic;
        }
    }

    /** The resource key a profile gives this text under. */
    public String key() {
        return key;
    }
}
