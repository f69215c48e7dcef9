package paperbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.hostile.Crawlers;
import paperbake.hostile.SiteCheck;
import paperbake.model.Appearance;
import paperbake.model.Paper;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;

/** What search engines and link previews read: description, canonical, Open Graph, JSON-LD, sitemap, robots.txt. */
class MetadataTest {

    static final String BASE = "https://example.org/my-archive/";

    @TempDir
    static Path dir;

    static BuildReport report;
    static Path site;
    static final List<String> notices = new ArrayList<>();

    @BeforeAll
    static void bakeUnderAnAbsoluteBaseUrl() throws IOException {
        site = dir.resolve("site");
        report = new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(BakeTest.CONTENT, site, BASE, Path.of("."), "Test archive"), notices::add, paperbake.report.Progress.SILENT);
    }

    @Test
    void everyPageIsInTheSitemapExactlyOnceAndEveryUrlThereIsAFile() {
        List<String> urls = Crawlers.sitemapUrls(site, BASE);
        assertThat(new HashSet<>(urls)).as("no URL twice").hasSameSizeAs(urls);
        Set<String> pages = new HashSet<>();
        for (Path p : SiteCheck.pages(site)) {
            String rel = site.relativize(p).toString();
            if (!rel.equals("404.html")) {
                pages.add(BASE + rel.replaceFirst("index\\.html$", ""));
            }
        }
        assertThat(pages).hasSizeGreaterThan(report.archive().papers().size());
        assertThat(new HashSet<>(urls)).isEqualTo(pages);
        for (String u : urls) {
            assertThat(Crawlers.fileOf(site, u, BASE)).as(u).isRegularFile();
        }
        assertThat(Crawlers.read(site.resolve("robots.txt"))).contains("Sitemap: " + BASE + "sitemap.xml");
        assertThat(notices).as("nothing to say with an absolute base URL").isEmpty();
    }

    @Test
    void everyPageHasItsCanonicalUrlAndLinkPreviewTags() {
        for (Path p : SiteCheck.pages(site)) {
            String rel = site.relativize(p).toString();
            Document doc = SiteCheck.parse(p);
            assertThat(doc.select("meta[property=og:title]").attr("content")).as(rel).isNotBlank();
            assertThat(doc.select("meta[property=og:site_name]").attr("content")).isEqualTo("Test archive");
            assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
            if (rel.equals("404.html")) {
                assertThat(doc.select("link[rel=canonical]")).as("a 404 is served at any address").isEmpty();
                continue;
            }
            String url = BASE + rel.replaceFirst("index\\.html$", "");
            assertThat(doc.select("link[rel=canonical]").attr("href")).as(rel).isEqualTo(url);
            assertThat(doc.select("meta[property=og:url]").attr("content")).isEqualTo(url);
            assertThat(doc.select("meta[name=description]").attr("content")).as(rel).isNotBlank().hasSizeLessThanOrEqualTo(160);
            assertThat(doc.select("meta[property^=og:image], meta[name^=twitter:image]")).as("no external image").isEmpty();
        }
    }

    @Test
    void aPaperPageDescribesItselfByItsTldrAndCarriesAScholarlyArticle() {
        int checked = 0;
        for (Paper paper : report.archive().papers().values()) {
            Document doc = SiteCheck.parse(site.resolve("papers/" + paper.id().value() + "/index.html"));
            String tldr = paper.tldrZh().isEmpty() ? paper.tldrEn() : paper.tldrZh();
            if (!tldr.isEmpty() && tldr.length() < 150) {
                assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo(tldr.strip().replaceAll("\\s+", " "));
            }
            Map<String, String> ld = Crawlers.jsonLd(doc);
            assertThat(ld).containsEntry("@type", "ScholarlyArticle")
                    .containsEntry("identifier.propertyID", "arXiv")
                    .containsEntry("identifier.value", paper.id().value())
                    .containsEntry("url", BASE + "papers/" + paper.id().value() + "/")
                    .containsEntry("sameAs", paper.id().absUrl());
            if (!paper.titleEn().isEmpty()) {
                assertThat(ld).containsEntry("name", paper.titleEn());
            }
            if (!paper.titleEn().isEmpty() && !paper.titleZh().isEmpty()) {
                assertThat(ld).containsEntry("alternateName", paper.titleZh())
                        .containsEntry("inLanguage[0]", "en").containsEntry("inLanguage[1]", "zh-Hans");
            }
            assertThat(ld).as("the abstract is the page's, not repeated in JSON-LD").doesNotContainKey("abstract");
            if (!paper.abstractEn().isEmpty()) {
                assertThat(doc.select("section.abstract p[lang=en]").first().text()).isEqualTo(paper.abstractEn().strip().replaceAll("\\s+", " "));
            }
            String first = paper.appearances().stream().map(Appearance::date).filter(d -> d != null)
                    .sorted().findFirst().map(Object::toString).orElse(null);
            assertThat(ld.get("datePublished")).as("the first listing").isEqualTo(first);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aTypicalPaperPageIsUnder10KbAndTheHomePageWithItsCssAndJsUnder60KbGzipped() throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (Paper p : report.archive().papers().values()) {
            sizes.add(java.nio.file.Files.size(site.resolve("papers/" + p.id().value() + "/index.html")));
        }
        java.util.Collections.sort(sizes);
        assertThat(sizes.get(sizes.size() / 2)).as("median paper page, bytes").isLessThanOrEqualTo(10 * 1024);
        Document home = SiteCheck.parse(site.resolve("index.html"));
        List<Path> files = new ArrayList<>(List.of(site.resolve("index.html")));
        for (String ref : home.select("link[rel=stylesheet]").eachAttr("href")) {
            files.add(site.resolve(ref.substring("/my-archive/".length())));
        }
        for (String ref : home.select("script[src]").eachAttr("src")) {
            files.add(site.resolve(ref.substring("/my-archive/".length())));
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3).allMatch(java.nio.file.Files::isRegularFile);
        long gzipped = 0;
        for (Path f : files) {
            var out = new java.io.ByteArrayOutputStream();
            try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(java.nio.file.Files.readAllBytes(f));
            }
            gzipped += out.size();
        }
        assertThat(gzipped).as("home page with its CSS and JS, gzipped").isLessThanOrEqualTo(60 * 1024);
        assertThat(home.select("script[src*=math], script[src*=temml]")).as("no math assets without TeX").isEmpty();
    }

    @Test
    void withoutAnAbsoluteBaseUrlTheCrawlerFilesAreSkippedAndThatIsSaidOnce() throws IOException {
        List<String> notices = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        paperbake.report.Progress progress = new paperbake.report.Progress() {
            @Override
            public void start(String stage, long total, String unit) {}

            @Override
            public void step() {}

            @Override
            public void done(String stage, String summary, long nanos) {
                stages.add(stage + ": " + summary);
            }

            @Override
            public void found(List<paperbake.report.Diagnostic> diagnostics) {}
        };
        Path out = dir.resolve("path-only");
        new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(BakeTest.CONTENT, out, "/my-archive/", Path.of("."), "Test archive"), notices::add, progress);
        assertThat(notices).isEmpty();
        assertThat(stages).filteredOn(s -> s.contains("sitemap.xml")).singleElement().asString()
                .startsWith("index: ").contains("robots.txt", "absolute");
        assertThat(out.resolve("sitemap.xml")).doesNotExist();
        assertThat(out.resolve("robots.txt")).doesNotExist();
        assertThat(out.resolve("sitemaps")).doesNotExist();
        Document home = SiteCheck.parse(out.resolve("index.html"));
        assertThat(home.select("link[rel=canonical], meta[property=og:url]")).isEmpty();
        assertThat(home.select("meta[name=description]").attr("content")).isNotBlank();
    }
}
