package paperbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import paperbake.cache.BuildCache;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import paperbake.testing.FileTree;

/**
 * The same {@code build}, run again over a site it built after the content changed, gives the
 * site a clean build of the new content gives, byte for byte and file for file. One archive (the
 * embedded example, with its topics, under an absolute base URL so feeds and sitemaps are in)
 * goes through a new day, a removed digest and an edited one, in that order; after each, the
 * site updated in place is compared with a clean build into a new folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalBuildTest {

    private static final String BASE = "https://example.github.io/archive/";
    private static final String NEW_DAY = "cs.CL/2026-08-21.md";

    @TempDir
    static Path dir;

    static Path content;
    static Path site;
    static int clean;

    @BeforeAll
    static void firstBuild() throws IOException {
        content = dir.resolve("content");
        FileTree.copyTree(Path.of("content"), content);
        Files.move(content.resolve(NEW_DAY), dir.resolve("held-back.md"));
        site = dir.resolve("site");
        assertThat(build(site, false).written()).isTrue();
    }

    static final List<String> notices = new ArrayList<>();

    static BuildReport build(Path output, boolean cleanBuild) throws IOException {
        return new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(content, output, BASE, Path.of("."), "Test archive", 20, "zh", cleanBuild, null),
                notices::add, paperbake.report.Progress.SILENT);
    }

    /** Rebuilds in place, builds the same content clean, and compares the two sites. */
    private static void rebuildAndCompare() throws IOException {
        BuildReport update = build(site, false);
        assertThat(update.written()).isTrue();
        assertThat(update.files().unchanged()).as("pages that did not change are not written").isPositive();
        assertThat(update.files().unchanged()).isLessThan(update.files().total());
        Path fresh = dir.resolve("clean-" + ++clean);
        assertThat(build(fresh, true).written()).isTrue();
        assertThat(FileTree.digests(site)).as("the updated site against a clean build of the same content")
                .isEqualTo(FileTree.digests(fresh));
    }

    @Test
    @Order(1)
    void aNewDay() throws IOException {
        Files.move(dir.resolve("held-back.md"), content.resolve(NEW_DAY));
        rebuildAndCompare();
        assertThat(site.resolve("digests/cs.CL/2026-08-21/index.html")).isRegularFile();
    }

    @Test
    @Order(2)
    void aDigestRemoved() throws IOException {
        Files.delete(content.resolve("econ/2023-10-03.md"));
        rebuildAndCompare();
        assertThat(site.resolve("digests/econ/2023-10-03")).doesNotExist();
    }

    @Test
    @Order(3)
    void aDigestEdited() throws IOException {
        Path digest = content.resolve("q-fin/2023-10-03.md");
        String text = Files.readString(digest);
        String edited = text.replace("Clustering And Deep", "Clustering And Revised Deep");
        assertThat(edited).as("the fixture has the title to edit").isNotEqualTo(text);
        Files.writeString(digest, edited);
        rebuildAndCompare();
    }

    /** The cache beside the site, every entry damaged in one of three ways: the build is the same as without it. */
    @Test
    @Order(4)
    void aDamagedCacheIsIgnored() throws IOException {
        Files.copy(content.resolve("econ/2026-08-21.md"), content.resolve("econ/2026-08-22.md"));
        int n = 0;
        // Every entry: the digests' parses, the index's slices, the table of rendered pages.
        try (Stream<Path> s = Files.walk(dir.resolve(BuildCache.DEFAULT_NAME))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.endsWith("CACHEDIR.TAG")).toList()) {
                byte[] b = Files.readAllBytes(p);
                switch (n++ % 3) {
                    case 0 -> b[b.length / 2] ^= 0x20;
                    case 1 -> b = Arrays.copyOf(b, b.length / 2);
                    default -> b = new byte[0];
                }
                Files.write(p, b);
            }
        }
        assertThat(n).as("the earlier builds filled the cache").isGreaterThan(30);
        rebuildAndCompare();
    }

    /** A cache another Paperbake made (its stamp names other code) is emptied, not read. */
    @Test
    @Order(5)
    void aCacheOfOtherCodeIsStartedAfresh() throws IOException {
        Path stamp = dir.resolve(BuildCache.DEFAULT_NAME + "/CACHEDIR.TAG");
        Files.writeString(stamp, Files.readString(stamp).replaceFirst("made by \\w+", "made by 0123456789abcdef"));
        Files.delete(content.resolve("cs.IR/2023-10-03.md"));
        notices.clear();
        rebuildAndCompare();
        assertThat(notices).anyMatch(s -> s.contains("made by another version of Paperbake; started it afresh"));
    }

    /** A cache folder inside the site would be published with it: the build runs without one and says so. */
    @Test
    @Order(7)
    void aCacheInsideTheOutputIsNotUsed() throws IOException {
        notices.clear();
        BuildReport report = new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(content, site, BASE, Path.of("."), "Test archive", 20, "zh", false, site.resolve("cache")),
                notices::add, paperbake.report.Progress.SILENT);
        assertThat(report.written()).isTrue();
        assertThat(notices).anyMatch(n -> n.contains("would be mixed with " + site.toAbsolutePath().normalize()));
        assertThat(site.resolve("cache")).doesNotExist();
    }

    /**
     * Pages whose inputs did not change are not rendered again, but only while the output still
     * holds them as rendered: a page edited (same size, so only its CRC tells), one cut short
     * and one deleted in the output are all rendered anew.
     */
    @Test
    @Order(6)
    void pagesChangedInTheOutputAreRenderedAgain() throws IOException {
        BuildReport quiet = build(site, false);
        assertThat(quiet.pages().kept()).as("nothing changed: no page rendered").isEqualTo(quiet.pages().pages());
        assertThat(quiet.files().unchanged()).isEqualTo(quiet.files().total());
        Path edited = site.resolve("papers/2310.01319/index.html");
        byte[] page = Files.readAllBytes(edited);
        int at = new String(page, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Clustering");
        assertThat(at).isPositive();
        page[at] = 'K';
        Files.write(edited, page);
        Path cut = site.resolve("index.html");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(cut), 100));
        Files.delete(site.resolve("digests/econ/2026-08-22/index.html"));
        rebuildAndCompare();
    }
}
