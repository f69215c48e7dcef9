package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.cache.BuildCache;
import paperbake.testing.FileTree;
import paperbake.write.SiteOutput;

/**
 * A build killed mid-write (a separate JVM, {@code destroyForcibly}, as a CI timeout or an
 * out-of-memory kill would) leaves the previous site exactly as it was, nothing half-written
 * inside the output folder, and a staging folder that the next build removes.
 */
class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void aBuildKilledMidWriteLeavesThePreviousSiteIntact() throws Exception {
        Path small = dir.resolve("small");
        write(small.resolve("econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text());
        Path big = bigArchive(dir.resolve("big"), 1500);
        Path out = dir.resolve("out");
        Path site = out.resolve("site");
        assertThat(Cli.run("build", "--content", small.toString(), "--output", site.toString()).exit()).isZero();
        Map<String, String> before = snapshot(site);
        assertThat(before).containsKey("index.html");

        // Started outside the repository (whose templates/ would be used in place) with a temp folder of its own.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process build = Cli.separateJvm(dir, List.of("-Djava.io.tmpdir=" + tmp),
                "build", "--content", big.toString(), "--output", site.toString())
                .redirectOutput(dir.resolve("killed-build.log").toFile()).start();
        Path staging = awaitStagingWithFiles(out, build, 200);
        build.destroyForcibly();
        assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(list(tmp)).as("no unpacked theme left in the temp folder")
                .noneMatch(p -> p.getFileName().toString().startsWith("paperbake-theme"));

        assertThat(Files.isDirectory(staging)).as("the kill really happened mid-write").isTrue();
        assertThat(snapshot(site)).as("the previous site, byte for byte").isEqualTo(before);
        assertThat(staging.getParent()).as("staging is beside the output, never inside it").isEqualTo(site.getParent());
        assertThat(staging.getFileName().toString()).startsWith(".");

        assertThat(Cli.run("build", "--content", small.toString(), "--output", site.toString()).exit()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .as("the next build removed the killed build's staging and scratch folders")
                    .containsExactlyInAnyOrder("site", BuildCache.DEFAULT_NAME);
        }
    }

    /**
     * The window between the two renames of the swap, where the output path holds nothing: the
     * build is paused there by its test hook and killed. The next build (which fails, so that
     * only recovery can put a site back) restores the previous site, says so, and says truly
     * what is at the output path; the one after that replaces it as usual. ({@code --clean}: a
     * rebuild without it updates the site in place, below.)
     */
    @Test
    void aBuildKilledBetweenTheRenamesIsRecoveredByTheNextWhoseMessagesAreTrue() throws Exception {
        Path small = dir.resolve("small");
        write(small.resolve("econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text());
        Path other = dir.resolve("other");
        write(other.resolve("econ/2025-02-06.md"), BaseDigest.load("/hostile/econ-2025-02-06.md").text());
        Path out = dir.resolve("out");
        Path site = out.resolve("site");
        assertThat(Cli.run("build", "--content", small.toString(), "--output", site.toString()).exit()).isZero();
        Map<String, String> before = snapshot(site);

        Path paused = dir.resolve("paused");
        Process build = Cli.separateJvm(dir, List.of("-D" + SiteOutput.PAUSE_BETWEEN_RENAMES + "=" + paused),
                "build", "--content", other.toString(), "--output", site.toString(), "--clean")
                .redirectOutput(dir.resolve("paused-build.log").toFile()).start();
        awaitFile(paused, build);
        assertThat(site).as("inside the window the output path is empty").doesNotExist();
        assertThat(list(out)).map(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith(".site.retired-")).anyMatch(n -> n.startsWith(".site.partial-"));
        build.destroyForcibly();
        assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Path brokenTheme = dir.resolve("broken-theme");
        write(brokenTheme.resolve("templates/index.ftl"), "${");
        Cli failed = Cli.run("build", "--content", other.toString(), "--output", site.toString(), "--theme", brokenTheme.toString());
        assertThat(failed.exit()).as(failed.err()).isEqualTo(2);
        assertThat(failed.err())
                .contains("an earlier build was killed while swapping in its site; restored the previous site to " + site)
                .contains("nothing was written; " + site + " still holds the previous site");
        assertThat(snapshot(site)).as("the previous site, byte for byte").isEqualTo(before);
        assertThat(list(out)).map(p -> p.getFileName().toString()).containsExactlyInAnyOrder("site", BuildCache.DEFAULT_NAME);

        Cli next = Cli.run("build", "--content", other.toString(), "--output", site.toString());
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.err()).doesNotContain("restored");
        assertThat(snapshot(site)).isNotEqualTo(before);
        assertThat(site.resolve("digests/econ/2025-02-06/index.html")).isRegularFile();
    }

    /**
     * A rebuild in place killed after its update was sealed, before or while its files are moved
     * into the site: the next build finishes that update before anything else (and says so), so
     * the site is the one the killed build made, the same as a clean build of that content.
     */
    @Test
    void anUpdateKilledBeforeItWasAppliedIsFinishedByTheNextBuild() throws Exception {
        Path small = dir.resolve("small");
        write(small.resolve("econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text());
        Path other = dir.resolve("other");
        write(other.resolve("econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text());
        write(other.resolve("econ/2025-02-06.md"), BaseDigest.load("/hostile/econ-2025-02-06.md").text());
        Path out = dir.resolve("out");
        Path site = out.resolve("site");
        assertThat(Cli.run("build", "--content", small.toString(), "--output", site.toString()).exit()).isZero();
        Map<String, String> before = snapshot(site);
        Path clean = dir.resolve("clean");
        assertThat(Cli.run("build", "--content", other.toString(), "--output", clean.toString()).exit()).isZero();

        Path paused = dir.resolve("paused");
        Process build = Cli.separateJvm(dir, List.of("-D" + SiteOutput.PAUSE_BETWEEN_RENAMES + "=" + paused),
                "build", "--content", other.toString(), "--output", site.toString())
                .redirectOutput(dir.resolve("paused-build.log").toFile()).start();
        awaitFile(paused, build);
        build.destroyForcibly();
        assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(snapshot(site)).as("killed before its first move: the previous site").isEqualTo(before);

        Path brokenTheme = dir.resolve("broken-theme");
        write(brokenTheme.resolve("templates/index.ftl"), "${");
        Cli failed = Cli.run("build", "--content", small.toString(), "--output", site.toString(), "--theme", brokenTheme.toString());
        assertThat(failed.exit()).as(failed.err()).isEqualTo(2);
        assertThat(failed.err()).contains("an earlier build was killed while updating " + site + " in place; finished its update");
        assertThat(snapshot(site)).as("the killed build's site, as a clean build makes it").isEqualTo(snapshot(clean));
        assertThat(list(out)).map(p -> p.getFileName().toString()).containsExactlyInAnyOrder("site", BuildCache.DEFAULT_NAME);
    }

    /** Polls until the build creates {@code signal}; fails if the build ends first. */
    private static void awaitFile(Path signal, Process build) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (Files.exists(signal)) {
                return;
            }
            assertThat(build.isAlive()).as("the build must pause between the renames, not end").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("the build did not reach the swap within five minutes");
    }

    /** Polls until the build's staging folder holds {@code files} files; fails if the build ends first. */
    private static Path awaitStagingWithFiles(Path out, Process build, int files) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(build.isAlive()).as("the build must still be running when it is killed").isTrue();
            for (Path p : list(out)) {
                if (p.getFileName().toString().startsWith(".site.partial-") && countFiles(p) >= files) {
                    return p;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no staging folder filled up within two minutes");
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static long countFiles(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the tree changes while it is walked
        }
    }

    /** The real three-entry digest copied n times with fresh ids, so the build writes for a while. */
    static Path bigArchive(Path content, int n) throws IOException {
        BaseDigest base = BaseDigest.load("/hostile/econ-2025-02-06.md");
        List<String> ids = base.ids();
        for (int k = 0; k < n; k++) {
            String text = base.text();
            for (int i = 0; i < ids.size(); i++) {
                text = text.replace(ids.get(i), String.format("%04d.%05d", 2300 + k / 300, (k % 300) * 10 + i));
            }
            write(content.resolve(String.format("econ/%d-%02d-%02d.md", 2001 + k / 300, 1 + k % 300 / 28, 1 + k % 300 % 28)), text);
        }
        return content;
    }

    static Map<String, String> snapshot(Path site) throws IOException {
        return FileTree.digests(site);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
