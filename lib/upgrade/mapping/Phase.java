package upgrade.mapping;

/** When a mapping runs: as part of the upgrade, or afterwards to verify the result ({@code verify}). */
public enum Phase {
    UPGRADE, VERIFY
}
