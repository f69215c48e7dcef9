package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of broken input, through the real command line: the build still succeeds, says
 * what is wrong and where, publishes every entry that can still be read, and accounts for the
 * rest; {@code --strict} fails on it and {@code check} prints the same messages.
 */
class MutationSuiteTest {

    /** A second, intact real digest beside the damaged one: one bad file must never cost the others. */
    private static final String CONTROL = "econ/2024-09-13.md";

    @TempDir
    Path dir;

    // The timeout only turns a hang (a FIFO read forever) into a failure; no case comes near it.
    @ParameterizedTest(name = "{0}")
    @MethodSource("paperbake.hostile.Mutations#all")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aDamagedDigestIsReportedAndEverythingReadableIsPublished(Mutation m) throws Exception {
        Path content = dir.resolve("content");
        String control = BaseDigest.load("/hostile/econ-2024-09-13.md").text();
        write(content.resolve(CONTROL), control.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.files.forEach((path, bytes) -> write(content.resolve(path), bytes));
        m.outside.forEach((name, bytes) -> write(dir.resolve("outside").resolve(name), bytes));
        for (var l : m.links.entrySet()) {
            Path link = content.resolve(l.getKey());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, l.getValue().startsWith("outside/") ? dir.resolve(l.getValue()) : Path.of(l.getValue()));
        }
        for (String fifo : m.fifos) {
            Files.createDirectories(content.resolve(fifo).getParent());
            assertThat(new ProcessBuilder("mkfifo", content.resolve(fifo).toString()).inheritIO().start().waitFor()).isZero();
        }
        Path site = dir.resolve("site");

        Cli build = Cli.run("build", "--content", content.toString(), "--output", site.toString());

        assertThat(build.exit()).as("exit status; stderr:\n%s", build.err()).isZero();
        List<String> diagnostics = build.diagnostics();
        for (Mutation.Expect e : m.expects) {
            String where = content.resolve(e.file()) + (e.line() > 0 ? ":" + e.line() : "") + ": ";
            Pattern reason = Pattern.compile(e.reason(), Pattern.CASE_INSENSITIVE);
            assertThat(diagnostics).as("a diagnostic at %s matching /%s/", where, e.reason())
                    .anySatisfy(d -> {
                        assertThat(d).startsWith(where);
                        assertThat(reason.matcher(d.substring(where.length())).find()).isTrue();
                    });
        }
        if (m.broken) {
            assertThat(m.expects).as("a broken case states what must be reported").isNotEmpty();
        } else {
            assertThat(diagnostics).as("a tolerated variation is not a problem").isEmpty();
        }

        int[] rec = build.reconciliation();
        assertThat(rec[0]).as("entries read = published + skipped").isEqualTo(rec[1] + rec[2]);

        Set<String> expected = new TreeSet<>(ArxivLinks.ids(control));
        expected.addAll(m.published);
        assertThat(paperIds(site)).as("paper pages").isEqualTo(expected);
        for (String id : expected) {
            Document page = SiteCheck.parse(site.resolve("papers/" + id + "/index.html"));
            assertThat(page.select(".paper .meta").text()).contains("arXiv:" + id);
        }
        for (String page : m.digestPages) {
            assertThat(site.resolve(page + "index.html")).as("digest page").isRegularFile();
        }
        assertThat(SiteCheck.brokenReferences(site, "/")).as("broken links").isEmpty();
        for (String[] shows : m.pageShows) {
            assertThat(SiteCheck.parse(site.resolve(shows[0] + "index.html")).text()).as("%s shows", shows[0]).contains(shows[1]);
        }
        for (String part : m.neverLinked) {
            for (Path page : SiteCheck.pages(site)) {
                assertThat(SiteCheck.parse(page).select("a[href]").eachAttr("href"))
                        .as("links on %s", site.relativize(page)).noneMatch(href -> href.contains(part));
            }
        }

        Set<String> before = tree(dir);
        Cli check = Cli.run("check", "--content", content.toString());
        assertThat(check.exit()).isZero();
        assertThat(tree(dir)).as("check writes nothing").isEqualTo(before);
        assertThat(check.diagnostics()).as("check prints what build printed").isEqualTo(diagnostics);

        if (m.broken) {
            // build --strict shares this exit rule; it is baked once, below, to keep the suite fast.
            assertThat(Cli.run("check", "--strict", "--content", content.toString()).exit()).as("check --strict").isNotZero();
        }
    }

    @Test
    void buildStrictFailsOnAnyWarningYetStillWritesTheSite() throws IOException {
        Mutation m = Mutations.all().stream().filter(x -> x.kind.equals("row without block")).findFirst().orElseThrow();
        Path content = dir.resolve("content");
        m.files.forEach((path, bytes) -> write(content.resolve(path), bytes));
        Path site = dir.resolve("site");
        Cli strict = Cli.run("build", "--strict", "--content", content.toString(), "--output", site.toString());
        assertThat(strict.exit()).as("build --strict on a warning").isEqualTo(1);
        assertThat(strict.diagnostics()).isNotEmpty();
        assertThat(paperIds(site)).isEqualTo(new TreeSet<>(m.published));

        Path clean = dir.resolve("clean");
        write(clean.resolve("econ/2024-09-13.md"), BaseDigest.load("/hostile/econ-2024-09-13.md").text()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli ok = Cli.run("build", "--strict", "--content", clean.toString(), "--output", dir.resolve("clean-site").toString());
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.exit()).as("build --strict without warnings").isZero();
    }

    private static Set<String> tree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> paperIds(Path site) throws IOException {
        Path papers = site.resolve("papers");
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(papers)) {
            return ids;
        }
        try (var s = Files.walk(papers)) {
            s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .forEach(p -> ids.add(papers.relativize(p.getParent()).toString().replace('\\', '/')));
        }
        return ids;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
