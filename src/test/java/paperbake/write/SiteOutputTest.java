package paperbake.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteOutputTest {

    @TempDir
    Path dir;

    private Path site() {
        return dir.resolve("site");
    }

    private long siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void swapsTheNewSiteInOnlyOnCommit() throws IOException {
        Files.createDirectories(site());
        Files.writeString(site().resolve("old.html"), "old");
        try (SiteOutput out = SiteOutput.begin(site())) {
            out.write("papers/1/index.html", "new".getBytes(UTF_8));
            assertThat(site().resolve("old.html")).as("untouched while building").exists();
            assertThat(out.staging().getParent()).isEqualTo(dir.toAbsolutePath());
            out.commit();
        }
        assertThat(site().resolve("old.html")).doesNotExist();
        assertThat(site().resolve("papers/1/index.html")).hasContent("new");
        assertThat(siblings()).as("no staging or retired folder left").isEqualTo(1);
    }

    @Test
    void anAbandonedBuildLeavesThePreviousSite() throws IOException {
        Files.createDirectories(site());
        Files.writeString(site().resolve("index.html"), "previous");
        try (SiteOutput out = SiteOutput.begin(site())) {
            out.write("index.html", "half".getBytes(UTF_8));
        }
        assertThat(site().resolve("index.html")).hasContent("previous");
        assertThat(siblings()).isEqualTo(1);
    }

    @Test
    void leftoversOfAKilledBuildAreRemovedByTheNext() throws IOException {
        Files.createDirectories(dir.resolve(".site.partial-123/papers"));
        try (SiteOutput out = SiteOutput.begin(site())) {
            out.commit();
        }
        assertThat(dir.resolve(".site.partial-123")).doesNotExist();
    }

    @Test
    void refusesPathsOutsideTheSite() throws IOException {
        try (SiteOutput out = SiteOutput.begin(site())) {
            assertThatThrownBy(() -> out.write("../escape.html", new byte[0])).isInstanceOf(IOException.class);
        }
        assertThat(dir.resolve("escape.html")).doesNotExist();
    }
}
