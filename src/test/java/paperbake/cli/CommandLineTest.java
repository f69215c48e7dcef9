package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.BakeTest;

class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpExplainsEveryBuildOption() {
        assertThat(Main.run("build", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--content", "--output", "--base-url", "--strict", "--theme", "--title");
    }

    @Test
    void buildEndsWithASummaryAndStrictTurnsWarningsIntoFailure() {
        Path site = dir.resolve("site");
        String[] args = {"build", "--content", BakeTest.CONTENT.toString(), "--output", site.toString()};
        assertThat(Main.run(args)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("Built in [0-9.]+ s: 8 digests \\(1 undated\\), \\d+ entries, \\d+ distinct papers, \\d+ warnings")
                .contains("entries read").contains("stages: parse");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("004_865d27f42ab9e601.md");
        assertThat(site.resolve("index.html")).isRegularFile();

        String[] strict = {"build", "--strict", "--content", BakeTest.CONTENT.toString(), "--output", site.toString()};
        assertThat(Main.run(strict)).as("the undated fixture warns").isEqualTo(1);
    }

    /**
     * {@code check} in a folder of its own (a separate JVM whose working folder is a copy of a
     * digest repository, reading the default {@code content/}): afterwards every file and folder
     * there is exactly as it was, and nothing was added.
     */
    @Test
    void checkValidatesWithoutWritingAnything() throws Exception {
        Path repo = dir.resolve("repo");
        copyTree(BakeTest.CONTENT, repo.resolve("content"));
        Map<String, String> before = listing(repo);
        assertThat(before).hasSizeGreaterThan(8);

        Path log = dir.resolve("check.log");
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "paperbake.cli.Main", "check")
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Checked 8 digests").contains("004_865d27f42ab9e601.md");
        assertThat(listing(repo)).as("the working folder after check").isEqualTo(before);
    }

    /** Every path under {@code root} with its size and modification time (folders included). */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                out.put(root.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aMissingContentFolderIsAClearError() {
        assertThat(Main.run("build", "--content", dir.resolve("nope").toString(), "--output", dir.resolve("s").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("content folder not found");
    }
}
