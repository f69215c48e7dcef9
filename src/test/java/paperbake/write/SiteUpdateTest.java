package paperbake.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.testing.FileTree;

/** A rebuild over a Paperbake site, applied in place ({@link SiteUpdate} through {@link SiteOutput}). */
class SiteUpdateTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private Path site() {
        return dir.resolve("site");
    }

    private SiteOutput begin(Runnable beforeApplying) throws IOException {
        return SiteOutput.begin(site(), new OutputGuard(List.of()), notices::add, true, beforeApplying);
    }

    private long build(Map<String, String> files) throws IOException {
        return build(files, () -> { });
    }

    /** @return the files the build did not have to write */
    private long build(Map<String, String> files, Runnable beforeApplying) throws IOException {
        try (SiteOutput out = begin(beforeApplying)) {
            for (var f : files.entrySet()) {
                out.write(f.getKey(), f.getValue().getBytes(UTF_8));
            }
            out.commit();
            return out.unchanged();
        }
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(site().relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOnlyTheFilesThatChangedAndDeletesWhatIsGone() throws IOException {
        build(Map.of("index.html", "home", "papers/1/index.html", "one", "papers/2/index.html", "two",
                "old/deep/page.html", "old"));
        Path kept = site().resolve("papers/1/index.html");
        Files.setLastModifiedTime(kept, LONG_AGO);

        long unchanged = build(Map.of("index.html", "home, again", "papers/1/index.html", "one",
                "papers/3/index.html", "three"));

        assertThat(Files.getLastModifiedTime(kept)).as("an identical file is not written").isEqualTo(LONG_AGO);
        assertThat(unchanged).as("papers/1 and .nojekyll").isEqualTo(2);
        Map<String, String> files = snapshot();
        assertThat(files).containsEntry("index.html", "home, again").containsEntry("papers/3/index.html", "three")
                .doesNotContainKeys("papers/2/index.html", "old/deep/page.html");
        assertThat(site().resolve("papers/2")).as("emptied folders go too").doesNotExist();
        assertThat(site().resolve("old")).doesNotExist();
        assertThat(SiteMarker.read(site())).hasValueSatisfying(n -> assertThat(n).containsExactly("index.html", "papers"));
        assertThat(siblings()).as("no staging or scratch folder left").containsExactly("site");
    }

    @Test
    void theResultIsTheSiteANewTreeWouldHave() throws IOException {
        Map<String, String> first = Map.of("a.html", "1", "b/c.html", "2", "d/e.html", "3");
        Map<String, String> second = Map.of("a.html", "1", "b/c.html", "two", "f/g.html", "4");
        build(first);
        build(second);
        Map<String, String> updated = snapshot();
        try (SiteOutput out = SiteOutput.begin(dir.resolve("fresh"), new OutputGuard(List.of()), notices::add, true,
                () -> { })) {
            for (var f : second.entrySet()) {
                out.write(f.getKey(), f.getValue().getBytes(UTF_8));
            }
            out.commit();
        }
        Map<String, String> fresh = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir.resolve("fresh"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                fresh.put(dir.resolve("fresh").relativize(p).toString(), Files.readString(p));
            }
        }
        assertThat(updated).isEqualTo(fresh);
    }

    /** A file of the old site where the new one has a folder, and the other way round. */
    @Test
    void aFileMayBecomeAFolderAndAFolderAFile() throws IOException {
        build(Map.of("a", "file", "b/c.html", "in a folder"));
        build(Map.of("a/index.html", "now a folder", "b", "now a file"));
        assertThat(snapshot()).containsEntry("a/index.html", "now a folder").containsEntry("b", "now a file")
                .doesNotContainKeys("a", "b/c.html");
    }

    /** A folder made or checked by one move is not checked again, but a file below it still is. */
    @Test
    void filesDeeperInAFolderAlreadyMovedIntoStillReplaceAFileInTheirWay() throws IOException {
        build(Map.of("p/q", "a file", "x", "a file too"));
        build(Map.of("p/a.html", "first", "p/q/r.html", "below the old file", "x/deep/one.html", "1", "x/deep/two.html", "2",
                "x/other.html", "3"));
        assertThat(snapshot()).containsEntry("p/a.html", "first").containsEntry("p/q/r.html", "below the old file")
                .containsEntry("x/deep/one.html", "1").containsEntry("x/deep/two.html", "2").containsEntry("x/other.html", "3")
                .doesNotContainKeys("p/q", "x");
    }

    @Test
    void aCnameIsKept() throws IOException {
        Files.createDirectories(site());
        Files.writeString(site().resolve("CNAME"), "papers.example.org\n");
        build(Map.of("index.html", "one"));
        build(Map.of("index.html", "two"));
        assertThat(site().resolve("CNAME")).hasContent("papers.example.org");
        assertThat(site().resolve("index.html")).hasContent("two");
    }

    @Test
    void anAbandonedUpdateLeavesThePreviousSite() throws IOException {
        build(Map.of("index.html", "previous", "gone.html", "x"));
        Map<String, String> before = snapshot();
        try (SiteOutput out = begin(() -> { })) {
            out.write("index.html", "half".getBytes(UTF_8));
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(siblings()).containsExactly("site");
    }

    /**
     * A kill after the update was sealed leaves its staging folder (copied aside here, since
     * an exception, unlike a kill, lets the build clean up): the next build finishes it first.
     */
    @Test
    void anUpdateKilledWhileBeingAppliedIsFinishedByTheNextBuild() throws IOException {
        build(Map.of("index.html", "previous", "gone/page.html", "x"));
        Path leftBehind = dir.resolve(".site.partial-killed");
        assertThatThrownBy(() -> build(Map.of("index.html", "new", "papers/1/index.html", "one"), () -> {
            try (Stream<Path> s = Files.list(dir)) {
                Path staging = s.filter(p -> p.getFileName().toString().startsWith(".site.partial-")).findFirst().orElseThrow();
                FileTree.copyTree(staging, leftBehind);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("killed");
        })).hasMessage("killed");
        assertThat(site().resolve("index.html")).as("not applied yet").hasContent("previous");

        try (SiteOutput out = begin(() -> { })) {
            assertThat(notices).singleElement().asString()
                    .contains("killed while updating", "finished its update from .site.partial-killed");
            assertThat(snapshot()).containsEntry("index.html", "new").containsEntry("papers/1/index.html", "one")
                    .doesNotContainKey("gone/page.html");
        }
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void aSiteHoldingALinkIsReplacedAsAWholeSoNoWriteFollowsIt() throws IOException {
        build(Map.of("index.html", "one", "papers/0/index.html", "zero"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(site().resolve("papers/1"), elsewhere);
        build(Map.of("index.html", "two", "papers/1/index.html", "one"));
        assertThat(elsewhere).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(site().resolve("papers/1"))).isFalse();
        assertThat(site().resolve("papers/1/index.html")).hasContent("one");
        assertThat(site().resolve("papers/0")).doesNotExist();
    }
}
