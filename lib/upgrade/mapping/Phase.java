package upgrade.mapping;

/**
 * When a mapping runs: as part of the upgrade; with the files on disk ({@code files}: after the
 * upgrade is committed, and on its own with the {@code files} command); or to verify the result.
 */
public enum Phase {
    UPGRADE, FILES, VERIFY
}
