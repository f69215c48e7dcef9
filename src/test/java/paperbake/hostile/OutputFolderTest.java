package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.testing.FileTree;

/**
 * Issue #9, the output folder: a build replaces only what Paperbake built. Every refusal exits
 * with status 2, says why and what to do, and leaves every file where it was.
 */
class OutputFolderTest {

    @TempDir
    Path dir;

    /** A digest repository: Git metadata, notes, and the digests under content/. */
    private Path repository() throws IOException {
        Path repo = dir.resolve("repo");
        write(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        write(repo.resolve("notes.md"), "my notes\n");
        write(repo.resolve("content/econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text());
        return repo;
    }

    private static Cli build(Path content, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--output", output.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertRefused(Cli build, String why) {
        assertThat(build.exit()).as(build.err()).isEqualTo(2);
        assertThat(build.err()).contains("refusing to write the site to", why);
        assertThat(build.out()).as("refused before the build, so no summary").isEmpty();
    }

    @Test
    void anOutputThatHoldsIsOrLiesInsideTheContentFolderIsRefused() throws IOException {
        Path repo = repository();
        Path content = repo.resolve("content");
        String digest = Files.readString(content.resolve("econ/2024-09-13.md"));

        assertRefused(build(content, repo), "it contains the content folder");
        assertRefused(build(content, content), "it is the content folder");
        assertRefused(build(content, content.resolve("econ")), "it lies inside the content folder");
        assertRefused(build(content, content.resolve("econ/../..")), "it contains the content folder");

        assertThat(repo.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        assertThat(repo.resolve("notes.md")).hasContent("my notes");
        assertThat(content.resolve("econ/2024-09-13.md")).hasContent(digest);
        assertThat(names(repo)).as("nothing staged anywhere").containsExactly(".git", "content", "notes.md");
        assertThat(names(dir)).containsExactly("repo");
    }

    @Test
    void aFolderWithFilesPaperbakeDidNotWriteIsRefusedAndKept() throws IOException {
        Path content = repository().resolve("content");
        Path docs = dir.resolve("repo/docs");
        write(docs.resolve("CNAME"), "papers.example.org\n");
        write(docs.resolve("notes.md"), "keep me\n");

        Cli refused = build(content, docs);

        assertRefused(refused, "it is not empty and was not built by Paperbake");
        assertThat(refused.err()).contains("'notes.md'").contains("Choose a new or empty folder");
        assertThat(docs.resolve("notes.md")).hasContent("keep me");
        assertThat(docs.resolve("CNAME")).hasContent("papers.example.org");
    }

    @Test
    void aFolderHoldingOnlyACnameIsBuiltIntoAndTheCnameKept() throws IOException {
        Path content = repository().resolve("content");
        Path docs = dir.resolve("repo/docs");
        write(docs.resolve("CNAME"), "papers.example.org\n");

        assertThat(build(content, docs).exit()).isZero();
        assertThat(build(content, docs).exit()).as("the marked site is replaced by the next build").isZero();

        assertThat(docs.resolve("CNAME")).hasContent("papers.example.org");
        assertThat(docs.resolve("index.html")).isRegularFile();
        assertThat(docs.resolve(".nojekyll")).as("GitHub Pages serves the files as they are").isRegularFile();
        assertThat(Files.readString(docs.resolve(".paperbake"))).startsWith("paperbake site 1\n");
    }

    @Test
    void aFileAddedToABuiltSiteStopsTheNextBuildInsteadOfBeingDeleted() throws IOException {
        Path content = repository().resolve("content");
        Path site = dir.resolve("site");
        assertThat(build(content, site).exit()).isZero();
        write(site.resolve("notes.md"), "added by hand\n");

        Cli refused = build(content, site);

        assertRefused(refused, "it was built by Paperbake, but 'notes.md' was added since");
        assertThat(site.resolve("notes.md")).hasContent("added by hand");
        assertThat(site.resolve("index.html")).isRegularFile();
    }

    @Test
    void aFolderHoldingGitIsRefusedEvenWhenPaperbakeBuiltIt() throws IOException {
        Path content = repository().resolve("content");
        Path site = dir.resolve("site");
        assertThat(build(content, site).exit()).isZero();
        write(site.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");

        Cli refused = build(content, site);

        assertRefused(refused, "it holds .git");
        assertThat(refused.err()).contains("--force cannot help");
        assertThat(site.resolve(".git/HEAD")).hasContent("ref: refs/heads/gh-pages");
    }

    @Test
    void anOutputThatIsOrHoldsTheThemeIsRefused() throws IOException {
        Path content = repository().resolve("content");
        Path theme = copyOfTheBundledTheme(dir.resolve("theme"));
        String layout = Files.readString(theme.resolve("templates/layout.ftl"));

        assertRefused(build(content, theme.resolve("templates"), "--theme", theme.toString()),
                "it is the theme's templates/ folder");
        assertRefused(build(content, theme.resolve("assets/css"), "--theme", theme.toString()),
                "it lies inside the theme's assets/ folder");
        assertRefused(build(content, dir, "--theme", theme.toString()), "it contains");

        assertThat(theme.resolve("templates/layout.ftl")).hasContent(layout);
        assertThat(build(content, theme.resolve("site"), "--theme", theme.toString()).exit())
                .as("a site folder inside the theme's project folder is fine").isZero();
    }

    @Test
    void anInputErrorExitsNonZeroWithoutStrict() throws IOException {
        Path content = repository().resolve("content");
        Files.createSymbolicLink(content.resolve("econ/2024-09-14.md"), dir.resolve("gone.md"));
        Path site = dir.resolve("site");

        Cli build = build(content, site);

        assertThat(build.diagnostics()).anySatisfy(d -> assertThat(d).contains("2024-09-14.md:1: error: could not read"));
        assertThat(build.exit()).as("an unreadable digest is an error, not a success").isEqualTo(1);
        assertThat(site.resolve("index.html")).as("the readable digests are still published").isRegularFile();
    }

    @Test
    void anUnrelatedTemplatesFolderInTheWorkingFolderIsNotTakenForATheme() throws Exception {
        Path content = repository().resolve("content");
        write(dir.resolve("templates/index.ftl"), "<#-- someone else's project --> ${undefined.thing}");

        Path log = dir.resolve("build.log");
        Process build = Cli.separateJvm(dir, List.of(), "build", "--content", content.toString(), "--output", "site")
                .redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(build.exitValue()).as(Files.readString(log)).isZero();
        assertThat(dir.resolve("site/index.html")).isRegularFile();
    }

    @Test
    void aThemeBesideTheContentWithJbakePropertiesIsUsedWithoutTheOption() throws IOException {
        Path repo = repository();
        copyOfTheBundledTheme(repo);
        write(repo.resolve("jbake.properties"), "# this repository's own theme\n");
        Path layout = repo.resolve("templates/layout.ftl");
        Files.writeString(layout, Files.readString(layout).replace("<head>", "<head><meta name=\"x-theme\" content=\"repo\">"));

        Cli build = build(repo.resolve("content"), repo.resolve("site"));

        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(repo.resolve("site/index.html")).content().contains("<meta name=\"x-theme\" content=\"repo\">");
    }

    /** This repository's templates/ and assets/, which the jar bundles. */
    private static Path copyOfTheBundledTheme(Path into) throws IOException {
        for (String part : List.of("templates", "assets")) {
            FileTree.copyTree(Path.of(part), into.resolve(part));
        }
        return into;
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
