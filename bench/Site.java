package bench;

/**
 * The size and shape of a generated V2 site, and how much dirt it carries. Counts of dirty rows
 * are part of the totals: a site of 1,000,000 files has 1,000,000 rows in sd_files, some of them dirty.
 *
 * @param users          users besides V2's installer admin (ids 2..users+1)
 * @param foldersPerUser folders below each user's root
 * @param topLevel       of these, how many sit directly in the root; the others hang below, {@code branching} per parent
 * @param branching      children per folder below the top level
 * @param files          rows in sd_files
 * @param shares         rows in sd_shares
 * @param dirty          whether the site carries the dirt real V2 sites hold (v2-database.md §6)
 */
public record Site(int users, int foldersPerUser, int topLevel, int branching, int files, int shares, boolean dirty) {

    /** 1 user in 100 was deleted (its folders, files and shares stay behind): {@code u % 100 == DELETED}. */
    static final int DELETED = 37;
    /** 1 user in 100 lost its root folder (V2 wrote user and root without a transaction): {@code u % 100 == ROOTLESS}. */
    static final int ROOTLESS = 73;

    public Site {
        if (users < 1 || foldersPerUser < 0 || topLevel < 1 || branching < 1 || files < 0 || shares < 0) {
            throw new IllegalArgumentException("impossible site: " + this);
        }
    }

    /**
     * The proportions of issue 12's site (10k users, 100k folders, 20k shares per 1M files): each user
     * has a root and 9 folders three levels deep, and about 100 files spread over them; with dirt.
     */
    public static Site withFiles(int files) {
        return new Site(Math.max(10, files / 100), 9, 2, 2, files, files / 50, true);
    }

    /** Users of a clean site whose index {@code u} (0-based) matches {@code residue} modulo 100. */
    private int usersWith(int residue) {
        return dirty ? users / 100 + (users % 100 > residue ? 1 : 0) : 0;
    }

    public int deletedUsers() {
        return usersWith(DELETED);
    }

    public int rootlessUsers() {
        return usersWith(ROOTLESS);
    }

    public int treeFolders() {
        return users * foldersPerUser;
    }

    /** Folders that repeat a sibling's name (half of them differing only in case). */
    public int duplicateFolders() {
        return dirty ? treeFolders() / 1000 : 0;
    }

    /** Folders whose path V2's LIKE-based rename damaged: their position does not continue their parent's path. */
    public int damagedFolders() {
        return dirty ? treeFolders() / 500 : 0;
    }

    /** Folders whose parent path no longer exists (deleted by path, leaving the child behind). */
    public int orphanFolders() {
        return dirty ? treeFolders() / 500 : 0;
    }

    /** Every row in sd_folders but the admin's root. */
    public int folders() {
        return users - rootlessUsers() + treeFolders() + duplicateFolders() + damagedFolders() + orphanFolders();
    }

    /** Files with the same name as another file in their folder. */
    public int duplicateFiles() {
        return dirty ? files / 200 : 0;
    }

    /** Files whose name differs from another file's in their folder only in case. */
    public int caseDuplicateFiles() {
        return dirty ? files / 200 : 0;
    }

    /** Files named like a folder beside them. */
    public int filesBesideFolder() {
        return dirty ? files / 1000 : 0;
    }

    /** Files whose folder is gone (neither its id nor its path exists). */
    public int filesInVanishedFolder() {
        return dirty ? files / 200 : 0;
    }

    public int cleanFiles() {
        return files - duplicateFiles() - caseDuplicateFiles() - filesBesideFolder() - filesInVanishedFolder();
    }

    /** Shares whose file or folder is gone. */
    public int danglingShares() {
        return dirty ? shares / 20 : 0;
    }

    public int folderShares() {
        return shares * 15 / 100;
    }

    public int fileShares() {
        return shares - folderShares() - danglingShares();
    }

    /** A paragraph saying what the site holds, for the benchmark's output. */
    public String describe() {
        var text = String.format("%,d users, %,d folders, %,d files, %,d shares", users, folders(), files, shares);
        if (!dirty) {
            return text;
        }
        return text + String.format("%n  dirt: %,d users deleted (their folders, files and shares left behind), %,d users without root;"
                        + "%n  folders: %,d duplicate names (half differing in case), %,d damaged paths, %,d whose parent path is gone;"
                        + "%n  files: %,d duplicate names, %,d differing only in case, %,d beside a folder of the same name, %,d whose folder is gone;"
                        + "%n  shares: %,d of files, %,d of folders, %,d whose file or folder is gone",
                deletedUsers(), rootlessUsers(), duplicateFolders(), damagedFolders(), orphanFolders(), duplicateFiles(),
                caseDuplicateFiles(), filesBesideFolder(), filesInVanishedFolder(), fileShares(), folderShares(), danglingShares());
    }
}
