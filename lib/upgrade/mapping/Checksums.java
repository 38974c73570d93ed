package upgrade.mapping;

import java.util.zip.CRC32;

/** Line-based CRC32 of a text: line endings and a byte-order mark do not change it. */
public final class Checksums {
    private Checksums() {}

    public static long of(String text) {
        var crc = new CRC32();
        var body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        body.lines().forEach(line -> {
            crc.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            crc.update('\n');
        });
        return crc.getValue();
    }
}
