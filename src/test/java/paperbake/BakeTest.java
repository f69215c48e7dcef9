package paperbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.hostile.SiteCheck;
import paperbake.model.Appearance;
import paperbake.model.Paper;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;

/** Bakes the small fixture archive and reads the result as HTML. */
public class BakeTest {

    public static final Path CONTENT = Path.of("src/test/resources/archive");

    @TempDir
    static Path dir;

    static BuildReport report;
    static Path site;

    static BuildReport bake(Path output, String baseUrl) throws IOException {
        return new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(CONTENT, output, baseUrl, Path.of("."), "Test archive"));
    }

    @BeforeAll
    static void bakeOnce() throws IOException {
        report = bake(dir.resolve("site"), "/");
        site = dir.resolve("site");
    }

    @Test
    void everyPaperAndEveryDigestHasItsPage() {
        assertThat(report.written()).isTrue();
        assertThat(report.reconciliation().balanced()).isTrue();
        assertThat(report.archive().papers()).isNotEmpty();
        for (Paper p : report.archive().papers().values()) {
            assertThat(site.resolve("papers/" + p.id().value() + "/index.html")).isRegularFile();
        }
        assertThat(report.archive().digests()).isNotEmpty();
        report.archive().digests().forEach(d ->
                assertThat(site.resolve(d.id().path() + "index.html")).isRegularFile());
        assertThat(site.resolve("css/site.css")).as("theme assets copied by JBake").isRegularFile();
    }

    /**
     * The search export writes into the same output while pages are rendered: the report's page
     * bytes are the pages' alone (every file but the search index, the theme's assets and the
     * output's marker), and its output bytes add the search index's.
     */
    @Test
    void thePagesBytesAreThePagesAloneThoughTheSearchIndexIsWrittenBesideThem() throws IOException {
        long pages;
        long index;
        try (Stream<Path> files = Files.walk(site)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            // search/index.html is the search page; the rest of search/ is the index and the topics' filters
            List<Path> searchFiles = all.stream()
                    .filter(f -> f.startsWith(site.resolve("search")) && !f.equals(site.resolve("search/index.html"))).toList();
            pages = sizeOf(all.stream().filter(f -> !searchFiles.contains(f)
                    && !List.of("css", "js", "favicon.svg", ".paperbake").contains(site.relativize(f).getName(0).toString())));
            index = sizeOf(searchFiles.stream()
                    .filter(f -> !f.getFileName().toString().matches("topics\\.json|t\\d+\\.bin")));
        }
        assertThat(report.pageBytes()).isEqualTo(pages);
        assertThat(report.search().bytes()).isEqualTo(index);
        assertThat(report.outputBytes()).isEqualTo(pages + index);
    }

    private static long sizeOf(Stream<Path> files) {
        return files.mapToLong(f -> {
            try {
                return Files.size(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    @Test
    void everyInternalLinkAndAssetResolves() {
        assertThat(SiteCheck.brokenReferences(site, "/")).isEmpty();
    }

    @Test
    void underAProjectBaseUrlEveryLinkStaysInsideIt() throws IOException {
        Path out = dir.resolve("project-site");
        bake(out, "https://someone.github.io/my-archive/");
        assertThat(SiteCheck.brokenReferences(out, "/my-archive/")).isEmpty();
        assertThat(page(out, "").select("link[rel=stylesheet]").attr("href")).isEqualTo("/my-archive/css/site.css");
        // Without its own icon link a browser asks the host's root for /favicon.ico: outside the site.
        assertThat(page(out, "").select("link[rel=icon]").attr("href")).isEqualTo("/my-archive/favicon.svg");
    }

    @Test
    void aPaperPageShowsBothTitlesAndEveryDigestItAppearedIn() {
        Paper multi = report.archive().papers().values().stream()
                .filter(p -> p.appearances().size() > 1).findFirst().orElseThrow();
        Document page = page(site, "papers/" + multi.id().value());
        assertThat(page.select("h1").text()).isEqualTo(multi.titleZh().isEmpty() ? multi.titleEn() : multi.titleZh());
        assertThat(page.select(".title-en").text()).isEqualTo(multi.titleEn());
        // The date shows in the UI language; its machine-readable form is the <time> element's.
        List<String> listed = page.select(".appearances li a").stream()
                .map(l -> l.text() + " " + l.select("time").attr("datetime")).toList();
        assertThat(listed).hasSize(multi.appearances().size());
        for (Appearance a : multi.appearances()) {
            assertThat(listed).anySatisfy(text -> assertThat(text).contains(a.date().toString()).contains(a.digest().channel()));
        }
        assertThat(page.select("a[href^=https://arxiv.org/abs/]").attr("href")).isEqualTo(multi.id().absUrl());
        // Where its fields came from: a link per listing; the fields named only when more than one listing gave them.
        for (Paper p : report.archive().papers().values()) {
            if (p.appearances().size() < 2) {
                continue;
            }
            long listings = p.sources().stream().map(f -> f.digest().path() + ":" + f.line()).distinct().count();
            var sources = page(site, "papers/" + p.id().value()).select("p.sources");
            assertThat(sources.select("a")).as(p.id().value()).hasSize((int) listings);
            assertThat(sources.text().contains("): ")).as(p.id().value()).isEqualTo(listings > 1);
        }
        assertThat(page.select("a[href^=https://arxiv.org/pdf/]").attr("href")).isEqualTo(multi.id().pdfUrl());
    }

    @Test
    void aPaperWhoseFieldsCameFromTwoListingsNamesTheFieldsOfEach() throws IOException {
        Path content = Files.createDirectories(dir.resolve("two-listings/cs.CL"));
        // The first listing has the longer TL;DR; the second the Chinese title and both abstracts.
        Files.writeString(content.resolve("2024-01-01.md"), """
                # 摘要

                | Ref | Title | Summary |
                | --- | --- | --- |
                | [^1] | [A Paper.](http://arxiv.org/abs/2401.00001) | 一个相当长的中文概要，比第二份摘要里的更长，所以被选中。 |
                """);
        Files.writeString(content.resolve("2024-01-02.md"), """
                # 摘要

                | Ref | Title | Summary |
                | --- | --- | --- |
                | [^1] | [A Paper.](http://arxiv.org/abs/2401.00001) | 短概要。 |

                [^1]: 一篇论文

                    A Paper. (arXiv:2401.00001v1 [cs.CL])

                    [http://arxiv.org/abs/2401.00001](http://arxiv.org/abs/2401.00001)

                    中文摘要。

                    The abstract.
                """);
        Path out = dir.resolve("two-listings-site");
        new Bake(new ContentReader(), new JBakeOven()).build(new Bake.Options(content.getParent(), out, "/", Path.of("."), "Test archive"));
        var sources = page(out, "papers/2401.00001").select("p.sources");
        assertThat(sources.select("a").eachAttr("href")).containsExactlyInAnyOrder("/digests/cs.CL/2024-01-01/", "/digests/cs.CL/2024-01-02/");
        assertThat(sources.text()).endsWith("cs.CL · 2024-01-01 (第 5 行): TL;DR").contains("2024-01-02 (第 5 行): 中文标题, 英文标题, 中文摘要, 英文摘要");
    }

    @Test
    void aDigestPageListsItsPapersInOrderWithoutFullAbstracts() {
        var digest = report.archive().digests().stream().filter(d -> d.entries().size() > 3).findFirst().orElseThrow();
        Document page = page(site, digest.id().path());
        List<String> linked = page.select(".entries > li h2 a").eachAttr("href");
        assertThat(linked).containsExactlyElementsOf(
                digest.entries().stream().map(e -> "/papers/" + e.id().value() + "/").toList());
        String text = page.text();
        digest.entries().stream().map(e -> e.abstractEn()).filter(a -> a.length() > 200)
                .forEach(a -> assertThat(text).doesNotContain(a.substring(0, 200)));
    }

    @Test
    void undatedDigestsArePublishedAndListed() {
        var undated = report.archive().digests().stream().filter(d -> !d.dated()).toList();
        assertThat(undated).hasSize(1);
        assertThat(page(site, "archive/undated").select("a").eachAttr("href")).contains("/" + undated.get(0).id().path());
        assertThat(report.diagnostics()).anySatisfy(d -> assertThat(d.toString())
                .contains("004_865d27f42ab9e601.md").contains("undated"));
    }

    @Test
    void neighbouringDigestsOfAChannelLinkToEachOther() {
        Document middle = page(site, "digests/cs.SE/2026-07-21");
        assertThat(middle.select("a[rel=prev]").attr("href")).isEqualTo("/digests/cs.SE/2026-06-29/");
        assertThat(middle.select("a[rel=next]").attr("href")).isEqualTo("/digests/cs.SE/2026-07-29/");
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() throws IOException {
        Path again = dir.resolve("again");
        bake(again, "/");
        assertThat(contents(site)).hasSizeGreaterThan(report.archive().papers().size());
        assertThat(contents(again)).isEqualTo(contents(site));
    }

    private static Document page(Path root, String dir) {
        return SiteCheck.parse(root.resolve(dir).resolve("index.html"));
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return files;
    }
}
