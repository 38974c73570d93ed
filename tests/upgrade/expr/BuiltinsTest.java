package upgrade.expr;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fn: functions of mapping expressions, called directly. */
class BuiltinsTest {
    private static final Instant RUN_STARTED = Instant.parse("2024-05-01T12:00:00Z");
    private final Builtins fn = new Builtins(ZoneId.of("Asia/Shanghai"), RUN_STARTED);
    /** The range of V3's timestamp columns, as the bundled mappings give it to fn:time. */
    private static final String V3_EARLIEST = "1970-01-01T00:00:01Z";
    private static final String V3_LATEST = "2038-01-19T03:14:07Z";

    @Test
    void namesListExactlyThePublicInstanceMethods() {
        var methods = Arrays.stream(Builtins.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .distinct()
                .toList();
        assertThat(Builtins.NAMES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(methods);
    }

    @Test
    void timeReadsV2WallClockInTheSourceZone() {
        assertThat(fn.time("2019-03-17 09:12:45")).isEqualTo(Instant.parse("2019-03-17T01:12:45Z"));
        assertThat(fn.time("  2019-03-17 09:12:45 ")).isEqualTo(Instant.parse("2019-03-17T01:12:45Z"));
    }

    @Test
    void timeOfADateIsTheStartOfThatDay() {
        assertThat(fn.time("2019-03-17")).isEqualTo(Instant.parse("2019-03-16T16:00:00Z"));
    }

    @Test
    void timeAcceptsFractionsOfSeconds() {
        assertThat(fn.time("2019-03-17 09:12:45.123")).isEqualTo(Instant.parse("2019-03-17T01:12:45.123Z"));
    }

    @Test
    void timeIsNullForMissingZeroAndUnreadableValues() {
        assertThat(fn.time(null)).isNull();
        assertThat(fn.time("")).isNull();
        assertThat(fn.time("   ")).isNull();
        assertThat(fn.time("0000-00-00 00:00:00")).isNull();
        assertThat(fn.time("0000-00-00")).isNull();
        assertThat(fn.time("garbage")).isNull();
        assertThat(fn.time("2019-13-45 99:00:00")).isNull();
        assertThat(fn.time("17/03/2019")).isNull();
    }

    @Test
    void timeRespectsTheZoneItWasGiven() {
        var utc = new Builtins(ZoneId.of("UTC"), RUN_STARTED);
        assertThat(utc.time("2019-03-17 09:12:45")).isEqualTo(Instant.parse("2019-03-17T09:12:45Z"));
        assertThat(utc.time("2019-03-17")).isEqualTo(Instant.parse("2019-03-17T00:00:00Z"));
    }

    @Test
    void timeWithARangeIsNullOutsideIt() {
        assertThat(fn.time("2019-03-17 09:12:45", V3_EARLIEST, V3_LATEST)).isEqualTo(Instant.parse("2019-03-17T01:12:45Z"));
        assertThat(fn.time("2038-01-19 11:14:07", V3_EARLIEST, V3_LATEST)).as("the last second, in Shanghai").isEqualTo(Instant.parse(V3_LATEST));
        assertThat(fn.time("2038-01-19 11:14:08", V3_EARLIEST, V3_LATEST)).isNull();
        assertThat(fn.time("0000-00-00 00:00:00", V3_EARLIEST, V3_LATEST)).isNull();
        assertThat(fn.time("2099-01-01 00:00:00", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isNotNull();
        assertThatThrownBy(() -> fn.time("2019-03-17", "2019", V3_LATEST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time range bound '2019' is not an instant such as '2000-01-01T00:00:00Z'");
    }

    @Test
    void timeWithoutARangeReadsAnyYear() {
        assertThat(fn.time("2099-01-01 00:00:00")).isEqualTo(Instant.parse("2098-12-31T16:00:00Z"));
        assertThat(fn.time("1969-12-31 23:00:00")).isEqualTo(Instant.parse("1969-12-31T15:00:00Z"));
    }

    @Test
    void nowIsTheRunStartEveryTime() {
        assertThat(fn.now()).isEqualTo(RUN_STARTED);
        assertThat(fn.now()).isEqualTo(fn.now());
    }

    @Test
    void jsonWritesMapsAndListsCompactly() {
        var map = new LinkedHashMap<String, Object>();
        map.put("a", 1);
        map.put("b", List.of("x", true));
        map.put("c", null);
        assertThat(fn.json(map)).isEqualTo("{\"a\":1,\"b\":[\"x\",true],\"c\":null}");
        assertThat(fn.json(List.of(1L, 2L, 3L))).isEqualTo("[1,2,3]");
        assertThat(fn.json(List.of())).isEqualTo("[]");
        assertThat(fn.json(Map.of())).isEqualTo("{}");
        assertThat(fn.json("text")).isEqualTo("\"text\"");
    }

    @Test
    void jsonValueReadsTopLevelKeys() {
        assertThat(fn.jsonValue("{\"preferTheme\":\"#3f51b5\"}", "preferTheme")).isEqualTo("#3f51b5");
        assertThat(fn.jsonValue("{\"n\":5}", "n")).isEqualTo("5");
    }

    @Test
    void jsonValueFollowsDottedPaths() {
        var sk = "{\"token\":{\"data\":{\"refresh_token\":\"R-123\",\"expires\":3600}}}";
        assertThat(fn.jsonValue(sk, "token.data.refresh_token")).isEqualTo("R-123");
        assertThat(fn.jsonValue(sk, "token.data")).isEqualTo(Map.of("refresh_token", "R-123", "expires", 3600));
    }

    @Test
    void jsonValueIsNullWhenMissingOrNotJson() {
        var sk = "{\"token\":{\"data\":{\"refresh_token\":\"R-123\"}},\"empty\":null}";
        assertThat(fn.jsonValue(sk, "nope")).isNull();
        assertThat(fn.jsonValue(sk, "token.nope.refresh_token")).isNull();
        assertThat(fn.jsonValue(sk, "token.data.refresh_token.deeper")).isNull();
        assertThat(fn.jsonValue(sk, "empty")).isNull();
        assertThat(fn.jsonValue("[1,2]", "a")).isNull();
        assertThat(fn.jsonValue("not json at all", "a")).isNull();
        assertThat(fn.jsonValue("{broken", "a")).isNull();
        assertThat(fn.jsonValue("", "a")).isNull();
        assertThat(fn.jsonValue("   ", "a")).isNull();
        assertThat(fn.jsonValue(null, "a")).isNull();
    }

    @Test
    void idsAreDistinctPositiveIntegersInOrder() {
        assertThat(fn.ids("2", "2,1")).containsExactly(2L, 1L);
        assertThat(fn.ids("2", "2,1", " 3 ,x,-1,0")).containsExactly(2L, 1L, 3L);
        assertThat(fn.ids(" 3 ,x,-1,0")).containsExactly(3L);
        assertThat(fn.ids(null, "", "4")).containsExactly(4L);
        assertThat(fn.ids(5, 5L)).containsExactly(5L);
        assertThat(fn.ids()).isEmpty();
    }

    @Test
    void numberReadsWholeNumbers() {
        assertThat(fn.number("512")).isEqualTo(512L);
        assertThat(fn.number(" 7 ")).isEqualTo(7L);
        assertThat(fn.number("-3")).isEqualTo(-3L);
        assertThat(fn.number(42)).isEqualTo(42L);
        assertThat(fn.number(2.9d)).isEqualTo(2L);
        assertThat(fn.number(null)).isNull();
        assertThat(fn.number("")).isNull();
        assertThat(fn.number("1.5")).isNull();
        assertThat(fn.number("abc")).isNull();
    }

    @Test
    void truncateCountsCodePoints() {
        assertThat(fn.truncate("abcdef", 3)).isEqualTo("abc");
        assertThat(fn.truncate("abc", 3)).isEqualTo("abc");
        assertThat(fn.truncate("abc", 10)).isEqualTo("abc");
        assertThat(fn.truncate("", 3)).isEqualTo("");
        assertThat(fn.truncate(null, 3)).isNull();
        // CJK: one char each
        assertThat(fn.truncate("测试用户名", 2)).isEqualTo("测试");
        // U+1F600 is two UTF-16 chars but one code point: never cut in half
        var grin = new String(Character.toChars(0x1F600));
        assertThat(fn.truncate("a" + grin + "b", 2)).isEqualTo("a" + grin);
        assertThat(fn.truncate(grin + grin + grin, 2)).isEqualTo(grin + grin);
        assertThat(fn.truncate("测" + grin + "试", 3)).isEqualTo("测" + grin + "试");
        assertThat(fn.truncate("测" + grin + "试", 1)).isEqualTo("测");
        assertThat(fn.truncate(12345, 2)).isEqualTo("12");
    }

    @Test
    void plusAddressTagsTheNameBeforeTheLastAtAndFitsTheLength() {
        assertThat(fn.plusAddress("Alice@Example.com", "v2-8", 100)).isEqualTo("Alice+v2-8@Example.com");
        assertThat(fn.plusAddress(" alice@example.com  ", "v2-8", 100)).isEqualTo("alice+v2-8@example.com");
        assertThat(fn.plusAddress("a\"b@c\"@example.com", "t", 100)).isEqualTo("a\"b@c\"+t@example.com");
        // too long: the name is shortened, the tag and domain stay
        var name = "n".repeat(90);
        assertThat(fn.plusAddress(name + "@example.com", "v2-12", 100)).isEqualTo("n".repeat(82) + "+v2-12@example.com").hasSize(100);
        var grin = new String(Character.toChars(0x1F600));
        assertThat(fn.plusAddress(grin + grin + "@x.y", "t", 7)).isEqualTo(grin + "+t@x.y");
        // no '@': the tag goes at the end
        assertThat(fn.plusAddress("admin", "v2-3", 100)).isEqualTo("admin+v2-3");
        assertThat(fn.plusAddress(null, "v2-3", 100)).isNull();
    }

    @Test
    void md5IsLowerCaseHexOfUtf8() {
        assertThat(fn.md5("sdshareadmin")).isEqualTo("d8446059f8846a2c111a7f53515665fb");
        assertThat(fn.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(fn.md5("0")).isEqualTo("cfcd208495d565ef66e7dff9f98764da"); // leading zeros kept
        assertThat(fn.md5("0")).hasSize(32);
    }

    @Test
    void trimSlashesRemovesBothKindsAtBothEnds() {
        assertThat(fn.trimSlashes("/a/b/")).isEqualTo("a/b");
        assertThat(fn.trimSlashes("\\a\\b\\")).isEqualTo("a\\b");
        assertThat(fn.trimSlashes("/\\//uploads/{uid}/{path}\\/")).isEqualTo("uploads/{uid}/{path}");
        assertThat(fn.trimSlashes("plain")).isEqualTo("plain");
        assertThat(fn.trimSlashes("///")).isEqualTo("");
        assertThat(fn.trimSlashes("")).isEqualTo("");
        assertThat(fn.trimSlashes(null)).isNull();
    }

    @Test
    void blankCoversNullTextListsAndMaps() {
        assertThat(fn.blank(null)).isTrue();
        assertThat(fn.blank("")).isTrue();
        assertThat(fn.blank(" \t\n")).isTrue();
        assertThat(fn.blank(List.of())).isTrue();
        assertThat(fn.blank(Map.of())).isTrue();
        assertThat(fn.blank("x")).isFalse();
        assertThat(fn.blank("0")).isFalse();
        assertThat(fn.blank(0)).isFalse();
        assertThat(fn.blank(List.of(1))).isFalse();
        assertThat(fn.blank(Map.of("a", 1))).isFalse();
    }

    @Test
    void originIsSchemeHostAndPort() {
        assertThat(fn.origin("https://pan.example.com/sub/")).isEqualTo("https://pan.example.com");
        assertThat(fn.origin("https://pan.example.com/")).isEqualTo("https://pan.example.com");
        assertThat(fn.origin("http://pan.example.com:8080/sub/page?x=1")).isEqualTo("http://pan.example.com:8080");
        assertThat(fn.origin(" https://pan.example.com ")).isEqualTo("https://pan.example.com");
    }

    @Test
    void originIsNullForWhatIsNotAUrl() {
        assertThat(fn.origin("not a url")).isNull();
        assertThat(fn.origin("pan.example.com")).isNull();
        assertThat(fn.origin("")).isNull();
        assertThat(fn.origin(null)).isNull();
    }

    @Test
    void hostOfAUrlOrABareHostName() {
        assertThat(fn.host("https://a.b.com/x")).isEqualTo("a.b.com");
        assertThat(fn.host("http://a.b.com:8080/x")).isEqualTo("a.b.com");
        assertThat(fn.host("a.b.com")).isEqualTo("a.b.com");
        assertThat(fn.host("bucket.oss-cn-hangzhou.aliyuncs.com")).isEqualTo("bucket.oss-cn-hangzhou.aliyuncs.com");
        assertThat(fn.host(null)).isNull();
        assertThat(fn.host("not a url")).isNull();
    }

    @Test
    void hashidsAgreeWithTheGoLibraryV3Uses() {
        // go-hashids' own published result for this salt and the default (zero) minimum length
        assertThat(new org.hashids.Hashids("this is my salt").encode(45, 434, 1313, 99)).isEqualTo("7nnhzEsDkiYa");
        // a V3 share link hashes [id, 0]
        assertThat(fn.hashid("this is my salt", 1, 0)).isEqualTo(new org.hashids.Hashids("this is my salt").encode(1, 0)).isNotEmpty();
        assertThat(fn.hashid("", 1, 0)).isEmpty();
        assertThat(fn.hashid("this is my salt", 45, 434, 1313, 99)).isEqualTo("7nnhzEsDkiYa");
        assertThat(fn.hashid("this is my salt", "x", 0)).isEmpty();
        assertThat(fn.hashid("this is my salt")).isEmpty();
        assertThat(fn.hashid(null, 1, 0)).isEmpty();
    }

    @Test
    void namesPathsAndSlashes() {
        assertThat(fn.fitName("short.txt", 255)).isEqualTo("short.txt");
        assertThat(fn.fitName("a".repeat(300) + ".pdf", 255)).hasSize(255).endsWith("a.pdf");
        assertThat(fn.fitName("b".repeat(300), 255)).isEqualTo("b".repeat(255));
        assertThat(fn.lastSegment("/photos/2019")).isEqualTo("2019");
        assertThat(fn.lastSegment("/")).isEmpty();
        assertThat(fn.slashes("a\\b\\c.txt")).isEqualTo("a/b/c.txt");
        assertThat(fn.time("2099-01-01 00:00:00", V3_EARLIEST, V3_LATEST)).as("after 2038: not a V3 timestamp").isNull();
        assertThat(fn.time("1969-12-31 23:00:00", V3_EARLIEST, V3_LATEST)).as("before 1970").isNull();
    }
}
