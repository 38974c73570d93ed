package upgrade.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A V2 web root's public/ files for the sample site, as V2 leaves them on disk. */
public final class FakeV2Root {
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("jdbc:mysql://([^:]+):(\\d+)/([^?]+)\\?user=(\\w+)");

    private FakeV2Root() {}

    /** V2's application/ settings as the V2 installers leave them, pointing at the test site's V2 database. */
    public static void application(TestSite site, Path root, String version) throws IOException {
        var url = URL.matcher(site.v2Url());
        if (!url.find()) {
            throw new IllegalStateException("unexpected URL " + site.v2Url());
        }
        Files.createDirectories(root.resolve("application"));
        Files.writeString(root.resolve("application/database.php"), """
                <?php
                return [
                    // 数据库类型
                    'type'            => 'mysql',
                    // 服务器地址
                    'hostname'        => '%s',
                    // 数据库名
                    'database'        => '%s',
                    // 用户名
                    'username'        => '%s',
                    // 密码
                    'password'        => '%s',
                    // 端口
                    'hostport'        => '%s',
                    'charset'         => 'utf8',
                    // 数据库表前缀
                    'prefix'          => 'sd_',
                    'fields_strict'   => true,
                    'datetime_format' => 'Y-m-d H:i:s',
                ];
                """.formatted(url.group(1), url.group(3), url.group(4), password(site.v2Url()), url.group(2)));
        Files.writeString(root.resolve("application/config.php"), """
                <?php
                return [
                    'app_debug'              => false,
                    'salt'                   => 'sdshare',
                    'default_timezone'       => 'PRC',
                    'upload' => [
                        'chunk_size' => 10*1024*1024,
                    ],
                ];
                """);
        Files.writeString(root.resolve("application/version.json"),
                "{\"type\":\"\",\"version\":\"" + version + "\",\"version_id\":7,\"db_version\":5}");
    }


    /** The password in a test server's URL (empty for the embedded server), as the site's settings files hold it. */
    public static String password(String url) {
        var matcher = java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(url);
        return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    /**
     * A V2 web root with its application/ settings, the sample site's uploads (but file 7's), two
     * thumbnails, and bob's avatar (a JPEG and two PNGs).
     */
    public static Path create(TestSite site) throws IOException {
        var root = Files.createTempDirectory(site.exports(), "v2root");
        for (var file : site.v2Rows("SELECT id, pre_name FROM sd_files WHERE policy_id = 1 AND id <> 7")) {
            write(root.resolve("public/uploads/" + file.get("pre_name")), ("blob " + file.get("id")).getBytes());
        }
        write(root.resolve("public/thumb/20190317/2/2_AbCdEfGh_photo.jpg_thumb"), image("png", 200, 230));
        write(root.resolve("public/thumb/20190317/2/2_QwErTyUi_beach.png_thumb"), image("png", 200, 230));
        write(root.resolve("public/avatars/5c8e1a2b3c4d5.jpg"), image("jpg", 200, 200));
        write(root.resolve("public/avatars/5c8e1a2b3c4d5.jpg_130"), image("png", 130, 130));
        write(root.resolve("public/avatars/5c8e1a2b3c4d5.jpg_50"), image("png", 50, 50));
        application(site, root, "2.0.0-Alpha1");
        return root;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

}
