package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import paperbake.testing.SharedCorpus;
import paperbake.write.Folders;

/**
 * The slow one: bakes all of the shared cn-chat-arxiv history (2,698 digests) once, under a
 * non-root base URL, and holds the site against the raw input. Skipped when the corpus is absent.
 */
@Tag("slow")
@DisplayName("Whole shared corpus (slow: one full bake, then every page parsed)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeCorpusTest {

    private static final String BASE = "/paperbake-test/";
    /** An absolute base URL, so the sitemap and robots.txt are written (their URLs must be absolute). */
    private static final String ORIGIN = "https://example.org";
    /** Entries as the digest format writes them: table rows and detail blocks open with a [^ref]. */
    private static final Pattern ENTRY = Pattern.compile("(?m)^(\\| \\[\\^|\\[\\^[^\\]]+\\]:)");

    private Path corpus;
    private Path work;
    private Path site;
    private Cli build;

    @BeforeAll
    void bakeTheWholeCorpus() throws IOException {
        corpus = SharedCorpus.cnChatArxiv();
        work = Files.createTempDirectory("paperbake-corpus");
        site = work.resolve("site");
        build = Cli.run("build", "--content", corpus.toString(), "--output", site.toString(), "--base-url", ORIGIN + BASE);
    }

    @AfterAll
    void removeTheSite() throws IOException {
        if (work != null) {
            Folders.deleteTree(work);
        }
    }

    @Test
    void theBuildSucceedsAndAccountsForEveryEntry() {
        assertThat(build.exit()).as("stderr:\n%s", build.err()).isZero();
        int[] rec = build.reconciliation();
        assertThat(rec[0]).as("entries read").isPositive();
        assertThat(rec[0]).as("entries read = published + skipped, over the whole corpus").isEqualTo(rec[1] + rec[2]);
        assertThat(build.out()).doesNotContain("MISMATCH");
    }

    @Test
    void everyArxivIdInTheRawInputHasItsPaperPage() throws IOException {
        Set<String> inInput = new TreeSet<>();
        for (Path f : digests()) {
            inInput.addAll(ArxivLinks.ids(read(f)));
        }
        Set<String> pages = MutationSuiteTest.paperIds(site);
        List<String> missing = new ArrayList<>(inInput);
        missing.removeAll(pages);
        assertThat(missing).as("ids linked in the input without a paper page").isEmpty();
        List<String> invented = new ArrayList<>(pages);
        invented.removeAll(inInput);
        assertThat(invented).as("paper pages for ids the input never links").isEmpty();
    }

    @Test
    void everyDigestWithAnEntryHasItsPage() throws IOException {
        List<String> missing = new ArrayList<>();
        int withEntries = 0;
        for (Path f : digests()) {
            if (!ENTRY.matcher(read(f)).find()) {
                continue;
            }
            withEntries++;
            String channel = corpus.relativize(f).getParent().toString();
            String name = f.getFileName().toString().replaceFirst("\\.md$", "");
            if (!Files.isRegularFile(site.resolve("digests/" + channel + "/" + name + "/index.html"))) {
                missing.add(corpus.relativize(f).toString());
            }
        }
        assertThat(withEntries).isPositive();
        assertThat(missing).as("digests with entries but no page").isEmpty();
    }

    @Test
    void everyInternalHrefAndSrcResolvesUnderTheBaseUrl() {
        List<Path> pages = SiteCheck.pages(site);
        assertThat(pages.size()).as("pages").isGreaterThan(20_000);
        // One page parsed at a time per worker, so memory stays flat over 25,000 pages.
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        pages.parallelStream().forEach(p -> broken.addAll(SiteCheck.brokenReferences(site, BASE, p, SiteCheck.parse(p))));
        assertThat(broken).withFailMessage(() -> broken.size() + " broken internal references, the first:\n"
                + String.join("\n", broken.subList(0, Math.min(20, broken.size())))).isEmpty();
    }

    @Test
    void everyPageIsInTheSitemapExactlyOnceAndEveryUrlThereResolvesToAFile() {
        List<String> urls = Crawlers.sitemapUrls(site, ORIGIN + BASE);
        Set<String> unique = new java.util.HashSet<>(urls);
        assertThat(unique).as("no URL twice").hasSameSizeAs(urls);
        Set<String> pages = new java.util.HashSet<>();
        for (Path p : SiteCheck.pages(site)) {
            String rel = site.relativize(p).toString().replace('\\', '/');
            if (!rel.equals("404.html")) {
                pages.add(ORIGIN + BASE + rel.replaceFirst("index\\.html$", ""));
            }
        }
        assertThat(pages.size()).isGreaterThan(20_000);
        List<String> missing = pages.stream().filter(u -> !unique.contains(u)).sorted().limit(20).toList();
        List<String> extra = urls.stream().filter(u -> !pages.contains(u)).limit(20).toList();
        assertThat(missing).as("pages not in the sitemap").isEmpty();
        assertThat(extra).as("sitemap URLs that are not pages").isEmpty();
        urls.forEach(u -> assertThat(Crawlers.fileOf(site, u, ORIGIN + BASE)).as(u).isRegularFile());
        assertThat(Crawlers.read(site.resolve("robots.txt"))).contains("Sitemap: " + ORIGIN + BASE + "sitemap.xml");
    }

    @Test
    void everyPaperPagesJsonLdParsesAndNamesItsPaper() throws IOException {
        List<Path> papers;
        try (Stream<Path> s = Files.walk(site.resolve("papers"))) {
            papers = s.filter(p -> p.getFileName().toString().equals("index.html")).toList();
        }
        assertThat(papers.size()).isGreaterThan(10_000);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        papers.parallelStream().forEach(p -> {
            String id = site.resolve("papers").relativize(p.getParent()).toString().replace('\\', '/');
            try {
                java.util.Map<String, String> ld = Crawlers.jsonLd(SiteCheck.parse(p));
                if (!id.equals(ld.get("identifier.value")) || !"ScholarlyArticle".equals(ld.get("@type"))
                        || !(ORIGIN + BASE + "papers/" + id + "/").equals(ld.get("url"))
                        || !("https://arxiv.org/abs/" + id).equals(ld.get("sameAs"))) {
                    problems.add(id + ": " + ld);
                }
            } catch (AssertionError e) {
                problems.add(id + ": " + e.getMessage());
            }
        });
        assertThat(problems).withFailMessage(() -> problems.size() + " paper pages, the first:\n"
                + String.join("\n", problems.subList(0, Math.min(10, problems.size())))).isEmpty();
    }

    private List<Path> digests() throws IOException {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
