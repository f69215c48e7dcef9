package paperbake.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteOutputTest {

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private Path site() {
        return dir.resolve("site");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private SiteOutput begin() throws IOException {
        return SiteOutput.begin(site(), new OutputGuard(List.of()), notices::add, false, () -> { });
    }

    /** A site as a previous build leaves it: marked, so the next build may replace it. */
    private void build(String file, String text) throws IOException {
        try (SiteOutput out = begin()) {
            out.write(file, text.getBytes(UTF_8));
            out.commit();
        }
    }

    @Test
    void swapsTheNewSiteInOnlyOnCommit() throws IOException {
        build("old.html", "old");
        try (SiteOutput out = begin()) {
            out.write("papers/1/index.html", "new".getBytes(UTF_8));
            assertThat(site().resolve("old.html")).as("untouched while building").exists();
            assertThat(out.staging().getParent()).isEqualTo(dir.toAbsolutePath());
            out.commit();
        }
        assertThat(site().resolve("old.html")).doesNotExist();
        assertThat(site().resolve("papers/1/index.html")).hasContent("new");
        assertThat(siblings()).as("no staging, retired or scratch folder left").containsExactly("site");
        assertThat(notices).isEmpty();
    }

    @Test
    void anAbandonedBuildLeavesThePreviousSite() throws IOException {
        build("index.html", "previous");
        try (SiteOutput out = begin()) {
            out.write("index.html", "half".getBytes(UTF_8));
        }
        assertThat(site().resolve("index.html")).hasContent("previous");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void leftoversOfAKilledBuildAreRemovedByTheNext() throws IOException {
        Files.createDirectories(dir.resolve(".site.partial-123/papers"));
        Files.createDirectories(dir.resolve(".site.work-456/paperbake-theme"));
        try (SiteOutput out = begin()) {
            out.commit();
        }
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void refusesPathsOutsideTheSite() throws IOException {
        try (SiteOutput out = begin()) {
            assertThatThrownBy(() -> out.write("../escape.html", new byte[0])).isInstanceOf(IOException.class);
        }
        assertThat(dir.resolve("escape.html")).doesNotExist();
    }

    @Test
    void everySiteIsMarkedKeepsItsCnameAndTellsGitHubPagesNotToRunJekyll() throws IOException {
        Files.createDirectories(site());
        Files.writeString(site().resolve("CNAME"), "papers.example.org\n");
        build("index.html", "one");
        build("index.html", "two");
        assertThat(site().resolve("CNAME")).hasContent("papers.example.org");
        assertThat(site().resolve(".nojekyll")).exists();
        assertThat(SiteMarker.read(site())).hasValueSatisfying(names -> assertThat(names).containsExactly("index.html"));
    }

    @Test
    void theSiteFolderIsReadableByAWebServerRunningAsAnotherUser() throws IOException {
        build("index.html", "one");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(site())))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void theScratchFolderIsBesideTheOutputAndGoesWithTheBuild() throws IOException {
        Path scratch;
        try (SiteOutput out = begin()) {
            scratch = out.scratch();
            Files.writeString(scratch.resolve("unpacked.ftl"), "x");
            assertThat(scratch.getParent()).isEqualTo(dir.toAbsolutePath());
            out.commit();
        }
        assertThat(scratch).doesNotExist();
    }

    @Test
    void aFailureBetweenTheRenamesPutsThePreviousSiteBack() throws IOException {
        build("index.html", "previous");
        try (SiteOutput out = SiteOutput.begin(site(), new OutputGuard(List.of()), notices::add, false, () -> {
            assertThat(site()).as("inside the window the old site is aside").doesNotExist();
            throw new IllegalStateException("disk gone");
        })) {
            out.write("index.html", "new".getBytes(UTF_8));
            assertThatThrownBy(out::commit).hasMessage("disk gone");
        }
        assertThat(site().resolve("index.html")).hasContent("previous");
        assertThat(siblings()).containsExactly("site");
    }

    /** The state a kill between the renames leaves: no output, the old site retired, the new one staged. */
    private void killedBetweenTheRenames() throws IOException {
        Path retired = dir.resolve(".site.retired-1");
        Files.createDirectories(retired);
        Files.writeString(retired.resolve("index.html"), "previous");
        SiteMarker.write(retired);
        Path staged = dir.resolve(".site.partial-2");
        Files.createDirectories(staged);
        Files.writeString(staged.resolve("index.html"), "new");
        SiteMarker.write(staged);
    }

    @Test
    void theNextBuildRestoresThePreviousSiteAKillBetweenTheRenamesLeftAside() throws IOException {
        killedBetweenTheRenames();
        try (SiteOutput out = begin()) {
            assertThat(site().resolve("index.html")).as("restored before the build starts").hasContent("previous");
            assertThat(notices).singleElement().asString()
                    .contains("restored the previous site to " + site().toAbsolutePath(), ".site.retired-1");
        }
        assertThat(site().resolve("index.html")).as("an abandoned build keeps the restored site").hasContent("previous");
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void withNoPreviousSiteTheFinishedStagedSiteIsMovedIn() throws IOException {
        Path staged = dir.resolve(".site.partial-2");
        Files.createDirectories(staged);
        Files.writeString(staged.resolve("index.html"), "new");
        SiteMarker.write(staged);
        Files.createDirectories(dir.resolve(".site.partial-3")); // unfinished: no marker
        try (SiteOutput out = begin()) {
            assertThat(site().resolve("index.html")).hasContent("new");
            assertThat(notices).singleElement().asString().contains("moved it from .site.partial-2");
        }
        assertThat(siblings()).containsExactly("site");
    }

    @Test
    void aHalfDeletedRetiredSiteIsNeverRestored() throws IOException {
        Path retired = dir.resolve(".site.retired-1");
        Files.createDirectories(retired.resolve("papers"));
        try (SiteOutput out = begin()) {
            assertThat(site()).doesNotExist();
            assertThat(notices).isEmpty();
        }
        assertThat(siblings()).isEmpty();
    }
}
