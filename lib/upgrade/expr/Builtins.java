package upgrade.expr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named functions mapping expressions may call as {@code fn:NAME(...)}. Each is small, total
 * (bad input gives null or an empty list rather than an exception, so mappings can fall back with
 * {@code ??}), general (what is true of one application only belongs in a {@link FunctionPack})
 * and documented in docs/mapping-reference.md.
 */
public final class Builtins {
    /** The names offered to mapping authors; kept in step with the public methods below. */
    public static final List<String> NAMES = List.of(
            "time", "now", "json", "jsonValue", "ids", "number", "truncate", "md5", "trimSlashes", "blank",
            "origin", "host", "fitName", "lastSegment", "slashes", "hashid", "isJson", "jsonList", "fileExists", "plusAddress");

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.S]");

    /** Time range bounds kept once read; a mapping writes a handful. */
    private static final int MAX_BOUNDS = 100;

    private final ZoneId sourceZone;
    private final Instant runStarted;
    private final Map<String, Instant> bounds = new ConcurrentHashMap<>();

    public Builtins(ZoneId sourceZone, Instant runStarted) {
        this.sourceZone = sourceZone;
        this.runStarted = runStarted;
    }

    /**
     * A wall-clock time ({@code 2019-03-17 10:00:00}, or a date), read in the source's zone, as an
     * instant; null for empty, zero ({@code 0000-00-00 ...}) or unreadable values.
     */
    public Instant time(Object wallClock) {
        if (wallClock == null) {
            return null;
        }
        var text = wallClock.toString().trim();
        if (text.isEmpty() || text.startsWith("0000-00-00") || text.startsWith("0000-")) {
            return null;
        }
        try {
            var local = text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text, WALL_CLOCK);
            return local.atZone(sourceZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * As {@link #time(Object)}, and null for an instant outside {@code earliest}..{@code latest}
     * (instants such as {@code '2000-01-01T00:00:00Z'}): the range the target's time columns hold,
     * which the mapping declares, e.g. {@code fn:time(row.date, '1900-01-01T00:00:00Z', '2100-01-01T00:00:00Z')}.
     */
    public Instant time(Object wallClock, Object earliest, Object latest) {
        var instant = time(wallClock);
        return instant == null || instant.isBefore(instant(earliest)) || instant.isAfter(instant(latest)) ? null : instant;
    }

    /**
     * A bound of a time range, as the mapping wrote it; a bound that is no instant is the mapping's
     * mistake, named. Bounds are the mapping's literals, asked for every row: each is read once.
     */
    private Instant instant(Object bound) {
        if (bound instanceof Instant instant) {
            return instant;
        }
        var text = String.valueOf(bound);
        var known = bounds.get(text);
        if (known != null) {
            return known;
        }
        try {
            var instant = Instant.parse(text.trim());
            if (bounds.size() < MAX_BOUNDS) {
                bounds.put(text, instant);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the time range bound '" + bound + "' is not an instant such as '2000-01-01T00:00:00Z'");
        }
    }

    /** The moment this run started: one value for the whole run, so fallbacks are consistent. */
    public Instant now() {
        return runStarted;
    }

    /** A map or list as compact JSON text. */
    public String json(Object value) {
        return JsonText.write(value);
    }

    /**
     * A value inside JSON kept as text, by a dotted path: {@code fn:jsonValue(row.options, 'preferTheme')},
     * {@code fn:jsonValue(row.sk, 'token.data.refresh_token')}. Null when the text is not JSON or has no such value.
     */
    public Object jsonValue(Object jsonText, String path) {
        var node = JsonText.readOrNull(jsonText);
        for (var key : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : JsonText.toJava(node);
    }

    /** True when a regular file is at this path (read-only: files mappings copy, expressions only look). */
    public boolean fileExists(Object path) {
        return path != null && !path.toString().isEmpty() && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path.toString()));
    }

    /** True when the text is valid JSON. */
    public boolean isJson(Object text) {
        return JsonText.readOrNull(text) != null;
    }

    /** The items of a JSON array kept as text ({@code '[1,2]'} gives [1, 2]); empty for anything else. */
    public List<Object> jsonList(Object text) {
        var node = JsonText.readOrNull(text);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        var items = new ArrayList<Object>();
        node.forEach(item -> items.add(JsonText.toJava(item)));
        return items;
    }

    /** Whole-number text as a number ({@code '512'} is 512); null for blank or non-numeric text. */
    public Long number(Object text) {
        if (text instanceof Number n) {
            return n.longValue();
        }
        try {
            return text == null ? null : Long.valueOf(text.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code scheme://host[:port]} of a URL, without path or trailing slash; null when it is not a URL. */
    public String origin(Object url) {
        var uri = uri(url);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** The host of a URL ({@code https://a.b.com/x} gives {@code a.b.com}), or of a bare host name; null otherwise. */
    public String host(Object url) {
        if (url == null) {
            return null;
        }
        var text = url.toString().trim();
        var uri = uri(text.contains("://") ? text : "http://" + text);
        return uri == null ? null : uri.getHost();
    }

    /**
     * A file or folder name of at most {@code max} characters: a longer one is cut before its
     * extension, so {@code fn:fitName('long...name.pdf', 255)} still ends in {@code .pdf}.
     */
    public String fitName(Object name, int max) {
        if (name == null) {
            return null;
        }
        var text = name.toString();
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        var dot = text.lastIndexOf('.');
        var ext = dot > 0 && text.length() - dot <= 16 ? text.substring(dot) : "";
        var room = Math.max(1, max - ext.codePointCount(0, ext.length()));
        return text.substring(0, text.offsetByCodePoints(0, room)) + ext;
    }

    /** The last segment of a slash-separated path: {@code fn:lastSegment('/photos/2019')} is {@code 2019}. */
    public String lastSegment(Object path) {
        if (path == null) {
            return null;
        }
        var text = path.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    /** The text with Windows back-slashes turned into forward slashes. */
    public String slashes(Object text) {
        return text == null ? null : text.toString().replace('\\', '/');
    }

    /**
     * The Hashids (hashids.org) encoding of the numbers with {@code salt} and the default alphabet
     * and length: {@code fn:hashid(salt, 7, 0)}. Empty when the salt is empty, or a number is not one.
     */
    public String hashid(Object salt, Object... numbers) {
        if (salt == null || salt.toString().isEmpty() || numbers.length == 0) {
            return "";
        }
        var values = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            var number = number(numbers[i]);
            if (number == null || number < 0) {
                return "";
            }
            values[i] = number;
        }
        return new org.hashids.Hashids(salt.toString()).encode(values);
    }

    private static java.net.URI uri(Object url) {
        try {
            return url == null ? null : new java.net.URI(url.toString().trim());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Distinct positive integer ids from comma-separated texts, in order: {@code fn:ids('2', '2,1')} is [2, 1]. */
    public List<Long> ids(Object... texts) {
        var ids = new LinkedHashSet<Long>();
        for (var text : texts) {
            if (text == null) {
                continue;
            }
            for (var part : text.toString().split(",")) {
                try {
                    var id = Long.parseLong(part.trim());
                    if (id > 0) {
                        ids.add(id);
                    }
                } catch (NumberFormatException ignored) {
                    // not an id: free text, nothing to carry over
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * An e-mail address with a tag: {@code fn:plusAddress('ann@example.com', 'v2-8', 100)} is
     * {@code ann+v2-8@example.com} (sub-addressing: mail still reaches the same mailbox on most
     * servers). Surrounding spaces are dropped; the part before the last {@code @} is shortened until
     * the address has at most {@code max} characters. Text without {@code @} gets the tag at its end.
     */
    public String plusAddress(Object email, Object tag, int max) {
        if (email == null) {
            return null;
        }
        var text = email.toString().strip();
        var at = text.lastIndexOf('@');
        var local = at >= 0 ? text.substring(0, at) : text;
        var rest = "+" + tag + (at >= 0 ? text.substring(at) : "");
        var room = max - rest.codePointCount(0, rest.length());
        if (local.codePointCount(0, local.length()) > room) {
            local = room <= 0 ? "" : local.substring(0, local.offsetByCodePoints(0, room));
        }
        return truncate(local + rest, max);
    }

    /** At most {@code max} characters (code points) of {@code text}. */
    public String truncate(Object text, int max) {
        if (text == null) {
            return null;
        }
        var s = text.toString();
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    /** Lower-case hex MD5 of the UTF-8 text. */
    public String md5(Object text) {
        try {
            var digest = MessageDigest.getInstance("MD5").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The text without leading and trailing slashes (either kind). */
    public String trimSlashes(Object text) {
        if (text == null) {
            return null;
        }
        var s = text.toString();
        int from = 0;
        int to = s.length();
        while (from < to && isSlash(s.charAt(from))) {
            from++;
        }
        while (to > from && isSlash(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** True for null, empty or only-blank text, and for empty lists and maps. */
    public boolean blank(Object value) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return value == null || value.toString().isBlank();
    }
}
