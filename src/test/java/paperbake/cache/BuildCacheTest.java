package paperbake.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private BuildCache open(String code) {
        return BuildCache.open(dir.resolve("cache"), code, notices::add).orElseThrow();
    }

    private static byte[] key(String s) {
        return BuildCache.key(s.getBytes(UTF_8));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("cache/k"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void whatIsPutIsThereForTheNextBuild() {
        open("v1").put("k", key("a"), "payload".getBytes(UTF_8));
        assertThat(open("v1").get("k", key("a"))).hasValueSatisfying(p -> assertThat(new String(p, UTF_8)).isEqualTo("payload"));
        assertThat(open("v1").get("k", key("b"))).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void aDamagedOrCutOffEntryReadsAsAbsent() throws IOException {
        BuildCache cache = open("v1");
        cache.put("k", key("flipped"), "payload one".getBytes(UTF_8));
        cache.put("k", key("cut"), "payload two".getBytes(UTF_8));
        cache.put("k", key("empty"), "payload three".getBytes(UTF_8));
        for (Path p : entries()) {
            byte[] b = Files.readAllBytes(p);
            if (p.getFileName().toString().equals(hex(key("flipped")))) {
                b[b.length - 6] ^= 1; // inside the payload: only the CRC tells
                Files.write(p, b);
            } else if (p.getFileName().toString().equals(hex(key("cut")))) {
                Files.write(p, java.util.Arrays.copyOf(b, b.length - 3));
            } else {
                Files.write(p, new byte[0]);
            }
        }
        BuildCache again = open("v1");
        assertThat(again.get("k", key("flipped"))).isEmpty();
        assertThat(again.get("k", key("cut"))).isEmpty();
        assertThat(again.get("k", key("empty"))).isEmpty();
    }

    @Test
    void anEntryCopiedUnderAnotherKeyIsNotTakenForIt() throws IOException {
        BuildCache cache = open("v1");
        cache.put("k", key("a"), "for a".getBytes(UTF_8));
        cache.put("k", key("b"), "for b".getBytes(UTF_8));
        Path a = entries().stream().filter(p -> p.getFileName().toString().equals(hex(key("a")))).findFirst().orElseThrow();
        Path b = entries().stream().filter(p -> p.getFileName().toString().equals(hex(key("b")))).findFirst().orElseThrow();
        Files.copy(a, b, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(open("v1").get("k", key("b"))).isEmpty();
        assertThat(open("v1").get("k", key("a"))).isPresent();
    }

    @Test
    void aCacheMadeByOtherCodeIsStartedAfresh() {
        open("v1").put("k", key("a"), "old".getBytes(UTF_8));
        BuildCache next = open("v2");
        assertThat(next.get("k", key("a"))).isEmpty();
        assertThat(notices).singleElement().asString().contains("made by another version of Paperbake; started it afresh");
        assertThat(dir.resolve("cache/k")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotACacheIsNeitherUsedNorTouched() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(mine.resolve("thesis.tex"), "years of work");
        assertThat(BuildCache.open(mine, "v1", notices::add)).isEmpty();
        assertThat(notices).singleElement().asString().contains("is not a Paperbake cache", "left alone");
        try (Stream<Path> s = Files.list(mine)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("thesis.tex");
        }
    }

    @Test
    void anotherToolsCacheTagIsLeftAlone() throws IOException {
        Path theirs = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(theirs.resolve(BuildCache.STAMP), "Signature: 8a477f597d28d172789f06886806bc55\n# other tool\n");
        Files.createDirectories(theirs.resolve("k"));
        assertThat(BuildCache.open(theirs, "v1", notices::add)).isEmpty();
        assertThat(theirs.resolve("k")).exists();
    }

    @Test
    void entriesNoBuildUsedAreForgotten() throws IOException {
        BuildCache first = open("v1");
        first.put("k", key("kept"), "1".getBytes(UTF_8));
        first.put("k", key("gone"), "2".getBytes(UTF_8));
        BuildCache second = open("v1");
        assertThat(second.get("k", key("kept"))).isPresent();
        second.forgetUnused("k");
        assertThat(entries()).extracting(p -> p.getFileName().toString()).containsExactly(hex(key("kept")));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
