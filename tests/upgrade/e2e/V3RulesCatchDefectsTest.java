package upgrade.e2e;

import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;
import upgrade.support.V3Rules;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker the tree tests rely on finds each kind of defect when one is planted. */
class V3RulesCatchDefectsTest {

    @Test
    void eachPlantedDefectIsFound() {
        try (var site = TestSite.sample("cd_")) {
            try (var upgrade = site.open()) {
                upgrade.run();
            }
            assertThat(V3Rules.broken(site)).isEmpty();
            site.v3("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (500, '/', NULL, 2)")      // a second root
                .v3("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (501, 'x', 3, 2)")         // in bob's root, alice's
                .v3("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (502, 'y', 503, 2)")       // a cycle
                .v3("INSERT INTO {p}folders (id, name, parent_id, owner_id) VALUES (503, 'z', 502, 2)")
                .v3("UPDATE {p}files SET name = 'PHOTOS' WHERE id = 5")                                        // like folder 'photos' in root 2
                .v3("UPDATE {p}users SET storage = 1 WHERE id = 4")
                .v3("UPDATE {p}shares SET source_id = 6 WHERE id = 1")                                         // bob's file, alice's share
                .v3("DELETE FROM {p}folders WHERE owner_id = 7");                                              // frank without root
            assertThat(V3Rules.broken(site)).containsExactlyInAnyOrder(
                    "user 2 has more than one root folder",
                    "user 7 has no root folder",
                    "folder 501 is in a folder of another user",
                    "folder 502 is in a cycle",
                    "folder 503 is in a cycle",
                    "file 5 has the same name as folder 8 in folder 2: 'PHOTOS'",
                    "user 4 has storage 1, but its files add up to 0",
                    "share 1 points at a files row that is missing or not its user's");
        }
    }
}
