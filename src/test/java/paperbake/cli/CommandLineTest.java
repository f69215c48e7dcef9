package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paperbake.BakeTest;
import paperbake.testing.CapturedStreams;
import paperbake.testing.FileTree;

class CommandLineTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams printed = new CapturedStreams();

    /** Not a terminal here: one line per stage, each problem printed before the stage that found it ends. */
    @Test
    void aBuildInALogPrintsOneLinePerStageAndQuietPrintsOnlyTheProblems() {
        Path site = dir.resolve("site");
        assertThat(Main.run("build", "--content", BakeTest.CONTENT.toString(), "--output", site.toString())).isZero();
        List<String> lines = printed.err().lines().toList();
        assertThat(lines).filteredOn(l -> l.matches("^[a-z]+: .* in [0-9.]+ s$")).extracting(l -> l.split(":")[0])
                .containsExactly("parse", "model", "index", "render", "search");
        assertThat(lines).anyMatch(l -> l.matches("render: [0-9,]+ pages in [0-9.]+ s"));
        int warning = indexOf(lines, "004_865d27f42ab9e601.md:1: warning:");
        assertThat(warning).as("the warning is printed while parsing").isBetween(0, indexOf(lines, "parse: ") - 1);
        assertThat(printed.out()).doesNotContain("parse: ");

        printed.reset();
        assertThat(Main.run("build", "--quiet", "--content", BakeTest.CONTENT.toString(), "--output", site.toString())).isZero();
        assertThat(printed.err().lines().toList())
                .isNotEmpty().allMatch(l -> l.contains(": warning: ") || l.contains(": note: "));
        assertThat(printed.out()).contains("entries read");
    }

    /** check reports topics.yml's problems as build does: same lines, same exit status under --strict. */
    @Test
    void checkReportsTheTopicsAsBuildDoes() throws IOException {
        Path content = dir.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        Files.writeString(content.resolve("topics.yml"), String.join("\n",
                "- slug: rag", "  zh: 检索增强", "  en: RAG", "  query: 'retrieval OR 检索'",
                "- slug: rag", "  zh: 重复", "  en: Duplicate", "  query: retrieval",
                "- slug: broken", "  zh: 坏", "  en: Broken", "  query: 'title:(unclosed'",
                "- slug: none", "  zh: 无", "  en: None", "  query: zzzyqxw", ""), StandardCharsets.UTF_8);
        assertThat(Main.run("build", "--content", content.toString(), "--output", dir.resolve("site").toString())).isZero();
        List<String> built = topicLines(printed.err());
        assertThat(built).hasSize(3).allMatch(l -> l.contains("topics.yml:") && l.contains(": warning: "));
        printed.reset();
        assertThat(Main.run("check", "--content", content.toString())).isZero();
        assertThat(topicLines(printed.err())).isEqualTo(built);
        assertThat(Main.run("check", "--strict", "--content", content.toString())).isEqualTo(1);
    }

    private static List<String> topicLines(String printed) {
        return printed.lines().filter(l -> l.contains("topics.yml:")).toList();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void helpExplainsEveryBuildOption() {
        assertThat(Main.run("build", "--help")).isZero();
        assertThat(printed.out())
                .contains("--content", "--output", "--base-url", "--strict", "--theme", "--title");
    }

    @Test
    void buildEndsWithASummaryAndStrictTurnsWarningsIntoFailure() {
        Path site = dir.resolve("site");
        String[] args = {"build", "--content", BakeTest.CONTENT.toString(), "--output", site.toString()};
        assertThat(Main.run(args)).isZero();
        assertThat(printed.out())
                .containsPattern("Built in [0-9.]+ s: 8 digests \\(1 undated\\), \\d+ entries, \\d+ distinct papers, \\d+ warnings?")
                .contains("entries read").contains("stages: parse");
        assertThat(printed.err()).contains("004_865d27f42ab9e601.md");
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
        FileTree.copyTree(BakeTest.CONTENT, repo.resolve("content"));
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

    @Test
    void countsOfOneAreSingular() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("c"));
        String url = "https://arxiv.org/abs/2401.00001";
        Files.writeString(content.resolve("c/2024-01-02.md"), "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n"
                + "| [^1] | [Title\u0007](" + url + ") | 摘要 |\n\n# 详细\n\n[^1]: 标题\n\n    Title\n\n    [" + url + "](" + url
                + ")\n\n    要点\n\n    \n\n    中文摘要\n\n    Abstract.\n    \n");
        assertThat(Main.run("check", "--content", content.toString())).isZero();
        assertThat(printed.out()).contains("Checked 1 digest: 1 distinct paper;");
        assertThat(printed.err()).contains(": 1 invisible control character (").doesNotContain("characters");

        Main.run("build", "--content", content.toString(), "--output", dir.resolve("site").toString());
        assertThat(printed.out())
                .containsPattern("Built in [0-9.]+ s: 1 digest, 1 entry, 1 distinct paper, 1 warning, 0 errors");
    }

    @Test
    void theFutureDateCheckCountsFromTheGivenBuildDate() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("c"));
        Files.copy(BakeTest.CONTENT.resolve("econ").resolve(firstDigest(BakeTest.CONTENT.resolve("econ"))),
                content.resolve("c/2024-01-03.md"));
        assertThat(Main.run("check", "--strict", "--build-date", "2024-01-01", "--future-days", "2", "--content", content.toString()))
                .as("two days ahead, margin 2").isZero();
        assertThat(Main.run("check", "--strict", "--build-date", "2024-01-01", "--future-days", "1", "--content", content.toString()))
                .as("two days ahead, margin 1").isEqualTo(1);
        assertThat(printed.err()).contains("2024-01-03.md:1: warning: the file name gives the date 2024-01-03, "
                + "more than 1 day after the build's date (2024-01-01)");
        assertThat(Main.run("check", "--future-days", "-1", "--content", content.toString())).isEqualTo(2);
    }

    private static String firstDigest(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void aMissingContentFolderIsAClearError() {
        assertThat(Main.run("build", "--content", dir.resolve("nope").toString(), "--output", dir.resolve("s").toString()))
                .isEqualTo(2);
        assertThat(printed.err()).contains("content folder not found");
    }
}
