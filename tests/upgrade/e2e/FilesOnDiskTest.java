package upgrade.e2e;

import org.junit.jupiter.api.Test;
import upgrade.Upgrade;
import upgrade.engine.RunListener;
import upgrade.report.StepReport;
import upgrade.support.FakeV2Root;
import upgrade.support.TestSite;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Thumbnails and avatars move into V3's layout from a fake V2 web root; blobs are checked; V2's files stay as they were. */
class FilesOnDiskTest {

    /** Every file under a directory with its bytes' hash. */
    private static Map<String, Integer> tree(Path root) throws IOException {
        var files = new TreeMap<String, Integer>();
        try (var walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), java.util.Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static Map<String, StepReport> steps(upgrade.report.RunReport report) {
        var steps = new TreeMap<String, StepReport>();
        report.steps().forEach(step -> steps.put(step.name(), step));
        return steps;
    }

    @Test
    void thumbnailsAndAvatarsMoveIntoV3sLayoutAndASecondRunDoesNothing() throws IOException {
        try (var site = TestSite.sample("cd_")) {
            site.v2("UPDATE sd_users SET avatar = 'f.gone.png' WHERE id = 6"); // an uploaded avatar whose files are lost
            var root = FakeV2Root.create(site);
            var v2Before = tree(root);
            var options = site.options().withV2Root(root);
            try (var upgrade = Upgrade.open(site.v2Url(), site.v3Url(), options)) {
                var plan = steps(upgrade.run(RunListener.NONE, true));
                assertThat(plan.get("thumbnails").notes()).containsEntry("would be copied", 2L);
                assertThat(tree(root)).as("a dry run copies nothing").isEqualTo(v2Before);

                var steps = steps(upgrade.run());
                var thumbnails = steps.get("thumbnails");
                assertThat(thumbnails.noteKeys()).containsEntry("copied", List.of(
                        "1 (public/uploads/20190317/2/2_AbCdEfGh_photo.jpg._thumb)", "2 (public/uploads/20190317/2/2_QwErTyUi_beach.png._thumb)"));
                assertThat(thumbnails.noteKeys()).containsEntry("no thumbnail in V2 (V2 made one on first view only); V3 makes it when needed",
                        List.of("6 (public/thumb/20190316/3/3_HgFdSaQw_sunset.jpg_thumb)"));
                assertThat(Files.readAllBytes(root.resolve("public/uploads/20190317/2/2_AbCdEfGh_photo.jpg._thumb")))
                        .isEqualTo(Files.readAllBytes(root.resolve("public/thumb/20190317/2/2_AbCdEfGh_photo.jpg_thumb")));

                var large = ImageIO.read(root.resolve("avatar/avatar_3_2.png").toFile());
                assertThat(large.getWidth()).isEqualTo(200);
                assertThat(Files.readAllBytes(root.resolve("avatar/avatar_3_2.png"))).startsWith(0x89, 'P', 'N', 'G');
                assertThat(steps.get("avatars").noteKeys().get("copied (converted to PNG)")).containsExactly("3 (avatar/avatar_3_2.png)");
                assertThat(Files.readAllBytes(root.resolve("avatar/avatar_3_1.png")))
                        .isEqualTo(Files.readAllBytes(root.resolve("public/avatars/5c8e1a2b3c4d5.jpg_130")));
                assertThat(root.resolve("avatar/avatar_3_0.png")).exists();
                assertThat(steps.get("avatars").noteKeys().get("the large avatar image is missing in V2")).containsExactly("6 (public/avatars/gone.png)");

                assertThat(site.rows("SELECT id, avatar FROM {p}users WHERE id IN (3, 6) ORDER BY id"))
                        .extracting(r -> r.get("avatar")).containsExactly("file", "");
                assertThat(steps.get("avatar-fallback").noteKeys())
                        .containsEntry("the avatar's images are missing; the user has no avatar in V3 and may upload one again", List.of("6"));
                assertThat(steps.get("blobs").noteKeys()).containsEntry(
                        "the stored file (blob) is missing under V3's directory; V3 will fail to serve it",
                        List.of("7 (public/uploads/20190317/3/3_ErTyUiOp_todo.txt)"));

                var after = tree(root);
                v2Before.forEach((file, hash) -> assertThat(after).as("V2's files are unchanged").containsEntry(file, hash));
                assertThat(after.size() - v2Before.size()).as("2 thumbnails and 3 avatar images added").isEqualTo(5);

                var again = steps(upgrade.files(RunListener.NONE, false));
                assertThat(again.get("thumbnails").notes()).containsEntry("already in place", 2L).doesNotContainKey("copied");
                assertThat(again.get("avatars").notes()).containsEntry("already in place", 3L).doesNotContainKeys("copied", "copied (converted to PNG)");
                assertThat(tree(root)).isEqualTo(after);
            }
        }
    }
}
