package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.Bake;
import paperbake.BakeTest;
import paperbake.hostile.SiteCheck;
import paperbake.index.LuceneIndex;
import paperbake.index.Related;
import paperbake.index.Topic;
import paperbake.index.Topics;
import paperbake.index.TopicsFile;
import paperbake.model.ArxivId;
import paperbake.model.Paper;
import paperbake.parse.ContentReader;
import paperbake.report.BuildReport;
import paperbake.report.Diagnostic;
import paperbake.report.Progress;
import paperbake.testing.FileTree;
import paperbake.write.Folders;

/** The fixture archive with topics.yml, built under an absolute project base URL. */
class TopicSiteTest {

    static final String BASE = "https://someone.github.io/arch/";

    @TempDir
    static Path dir;

    static Path content;
    static Path site;
    static BuildReport report;
    static LuceneIndex index;
    static Topics topics;

    static BuildReport bake(Path output, String baseUrl, int feedEntries) throws IOException {
        return new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(content, output, baseUrl, Path.of("."), "Test archive", feedEntries));
    }

    @BeforeAll
    static void bakeOnce() throws IOException {
        content = dir.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        Files.copy(Path.of("src/test/resources/topics/topics.yml"), content.resolve(TopicsFile.NAME));
        site = dir.resolve("site");
        report = bake(site, BASE, 3);
        index = LuceneIndex.build(report.archive());
        topics = Topics.of(new TopicsFile().read(content), content.resolve(TopicsFile.NAME), index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Document page(Path root, String dir) {
        try {
            return Jsoup.parse(root.resolve(dir).resolve("index.html").toFile(), "UTF-8");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Topic topic(String slug) {
        return topics.topics().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void theBuildReportsTopicProblemsAtTheirLinesAndEveryLinkResolves() {
        assertThat(report.written()).isTrue();
        assertThat(report.diagnostics()).extracting(d -> d.file().getFileName().toString() + ":" + d.line())
                .contains("topics.yml:15", "topics.yml:19", "topics.yml:23");
        assertThat(SiteCheck.brokenReferences(site, "/arch/")).isEmpty();
        // topics.yml is read, so it is not in the note about files that are not digests
        assertThat(report.diagnostics()).noneMatch(d -> d.severity() == Diagnostic.Severity.NOTE
                && d.message().contains(TopicsFile.NAME));
    }

    @Test
    void theTopicsPageCountsEachTopicsMembersAndItsTrendSumsToThem() {
        Document doc = page(site, "topics");
        List<Element> items = doc.select("li.topic");
        assertThat(items).extracting(e -> e.attr("data-slug")).containsExactly("speech", "sentiment", "llm", "nothing-yet");
        for (Element li : items) {
            Topic t = topic(li.attr("data-slug"));
            assertThat(li.selectFirst(".topic-count").attr("data-count")).isEqualTo(String.valueOf(t.members().size()));
            assertThat(li.selectFirst("a").attr("href")).isEqualTo("/arch/topics/" + t.slug() + "/");
            assertThat(monthsPlusUndated(li.selectFirst("svg.trend"))).as(t.slug()).isEqualTo(t.members().size());
        }
        assertThat(topic("speech").members()).hasSizeGreaterThan(1);
    }

    static int monthsPlusUndated(Element svg) {
        // a bar for each month with papers, none for an empty one (an all-undated topic has none)
        assertThat(svg.select("rect.bar")).allSatisfy(r -> assertThat(Integer.parseInt(r.attr("data-count"))).isPositive());
        assertThat(svg.attr("role")).isEqualTo("img");
        // in the site's language (Chinese here), the other for theme.js
        assertThat(svg.selectFirst("title").text()).contains("每月论文数");
        assertThat(svg.selectFirst("title").attr("data-alt")).startsWith("Papers per month");
        return svg.select("rect.bar").stream().mapToInt(r -> Integer.parseInt(r.attr("data-count"))).sum()
                + Integer.parseInt(svg.attr("data-undated"));
    }

    @Test
    void aTopicPageListsItsMembersNewestFirstUnderMonthHeadingsWithTheTrendAndASearchLink() {
        for (Topic t : topics.topics()) {
            Document doc = page(site, "topics/" + t.slug());
            List<String> shown = doc.select("ol.topic-entries > li > a").eachAttr("href");
            assertThat(shown).as(t.slug()).isEqualTo(t.members().stream().map(id -> "/arch/papers/" + id.value() + "/").toList());
            assertThat(monthsPlusUndated(doc.selectFirst("figure.topic-trend svg.trend"))).isEqualTo(t.members().size());
            assertThat(doc.select("a[href=/arch/search/?topic=" + t.slug() + "]")).hasSize(1);
            for (Element section : doc.select("section.topic-month")) {
                String month = section.selectFirst("h2").text();
                for (Element time : section.select("time")) {
                    assertThat(time.text()).as("a <time> without datetime is its text").startsWith(month);
                }
            }
        }
        assertThat(page(site, "topics/nothing-yet").select("p.empty")).hasSize(1);
    }

    @Test
    void aLongTopicIsPaginatedWithTheTrendAndTldrsOnItsFirstPageAndTitlesFurtherBack() throws IOException {
        // the embedded example: its topics have more members than one page holds
        Path example = dir.resolve("example-site");
        BuildReport built = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(Path.of("content"), example, "/", Path.of("."), "Example"));
        assertThat(built.written()).isTrue();
        try (LuceneIndex lucene = LuceneIndex.build(built.archive())) {
            Topics all = Topics.of(new TopicsFile().read(Path.of("content")), Path.of("content", TopicsFile.NAME), lucene);
            List<Topic> long_ = all.topics().stream().filter(t -> t.members().size() > TopicPlan.PAPERS_PER_PAGE).toList();
            assertThat(long_).as("the example has topics of several pages").isNotEmpty();
            for (Topic t : long_) {
                int pages = (t.members().size() + TopicPlan.PAPERS_PER_PAGE - 1) / TopicPlan.PAPERS_PER_PAGE;
                List<String> shown = new java.util.ArrayList<>();
                for (int p = 1; p <= pages; p++) {
                    Document doc = page(example, "topics/" + t.slug() + (p == 1 ? "" : "/page/" + p));
                    List<Element> entries = doc.select("ol.topic-entries > li");
                    entries.forEach(li -> shown.add(li.selectFirst("a").attr("href")));
                    assertThat(entries).allSatisfy(li -> assertThat(li.select("small")).hasSize(1));
                    assertThat(doc.select("nav.pager span l-").text()).isEqualTo("第 " + p + " 页，共 " + pages + " 页");
                    if (p == 1) {
                        assertThat(monthsPlusUndated(doc.selectFirst("figure.topic-trend svg.trend"))).isEqualTo(t.members().size());
                        assertThat(entries.stream().filter(li -> li.selectFirst("p") != null).count())
                                .as("the first page shows TL;DRs").isPositive();
                    } else {
                        assertThat(doc.select("figure.topic-trend")).as(t.slug() + " page " + p).isEmpty();
                        assertThat(doc.select("ol.topic-entries > li > p")).as("titles only further back").isEmpty();
                    }
                }
                assertThat(shown).as(t.slug() + ": every member once, newest first, across the pages")
                        .isEqualTo(t.members().stream().map(id -> "/papers/" + id.value() + "/").toList());
            }
        }
    }

    @Test
    void aPaperPageListsItsTopicsAndUpToFiveRelatedPapersButNeverItself() {
        Related related = Related.of(index);
        int withRelated = 0;
        for (Paper p : report.archive().papers().values()) {
            Document doc = page(site, "papers/" + p.id().value());
            List<String> expectedTopics = topics.topics().stream().filter(t -> t.members().contains(p.id()))
                    .map(t -> "/arch/topics/" + t.slug() + "/").toList();
            assertThat(doc.select("section.paper-topics a").eachAttr("href")).isEqualTo(expectedTopics);
            List<String> shown = doc.select("section.related li a").eachAttr("href");
            // relative to the paper's page: resolved as a browser would
            java.net.URI here = java.net.URI.create("/arch/papers/" + p.id().value() + "/");
            List<String> resolved = shown.stream().map(h -> here.resolve(h).getPath()).toList();
            assertThat(resolved).hasSizeLessThanOrEqualTo(5).doesNotContain(here.getPath())
                    .isEqualTo(related.of(p.id()).stream().map(id -> "/arch/papers/" + id.value() + "/").toList());
            withRelated += shown.isEmpty() ? 0 : 1;
        }
        assertThat(withRelated).isPositive();
    }

    static SyndFeed feed(Path root, String path) throws Exception {
        try (XmlReader in = new XmlReader(root.resolve(path).toFile())) {
            return new SyndFeedInput().build(in);
        }
    }

    static String alternate(List<SyndLink> links) {
        return links.stream().filter(l -> "alternate".equals(l.getRel())).findFirst().orElseThrow().getHref();
    }

    @Test
    void feedsAreAtomWithAbsoluteLinksTheLatestEntriesAndTheirListingDates() throws Exception {
        Map<String, String> feeds = Map.of(
                "feed.xml", BASE,
                "channels/cs.SE/feed.xml", BASE + "channels/cs.SE/",
                "topics/speech/feed.xml", BASE + "topics/speech/");
        // titled in the site's language (a feed reader shows them as the site's), a topic by its name there
        Map<String, String> titles = Map.of(
                "feed.xml", "Test archive：最新论文",
                "channels/cs.SE/feed.xml", "Test archive：频道 cs.SE",
                "topics/speech/feed.xml", "Test archive：语音");
        for (var e : feeds.entrySet()) {
            SyndFeed f = feed(site, e.getKey());
            assertThat(f.getFeedType()).isEqualTo("atom_1.0");
            assertThat(f.getTitle()).isEqualTo(titles.get(e.getKey()));
            assertThat(f.getUri()).isEqualTo(BASE + e.getKey());
            assertThat(alternate(f.getLinks())).isEqualTo(e.getValue());
            assertThat(f.getEntries()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            for (SyndEntry entry : f.getEntries()) {
                assertThat(entry.getLink()).startsWith(BASE + "papers/").endsWith("/");
                assertThat(entry.getUri()).isEqualTo(entry.getLink());
                String id = entry.getLink().substring((BASE + "papers/").length(), entry.getLink().length() - 1);
                Paper p = report.archive().papers().get(new ArxivId(id));
                assertThat(entry.getTitle()).contains(p.titleEn());
                assertThat(entry.getDescription().getValue()).contains(p.tldrZh());
                assertThat(entry.getUpdatedDate()).isNotNull();
            }
            // The feed is as new as its newest entry, never the build time.
            assertThat(f.getPublishedDate()).isEqualTo(f.getEntries().get(0).getUpdatedDate());
            Document html = page(site, e.getValue().substring(BASE.length()));
            assertThat(html.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                    .isEqualTo("/arch/" + e.getKey());
            assertThat(html.select("link[rel=alternate][type=application/atom+xml]").attr("title"))
                    .isEqualTo(titles.get(e.getKey()));
        }
        SyndFeed all = feed(site, "feed.xml");
        List<String> newest = report.archive().papers().values().stream().filter(p -> p.latest().date() != null)
                .sorted(java.util.Comparator.comparing((Paper p) -> p.latest().date()).reversed()
                        .thenComparing(Paper::id, java.util.Comparator.reverseOrder()))
                .limit(3).map(p -> BASE + "papers/" + p.id().value() + "/").toList();
        assertThat(all.getEntries()).extracting(SyndEntry::getLink).isEqualTo(newest);
    }

    @Test
    void feedIdsAndBytesStayTheSameAcrossRebuilds() throws Exception {
        Path again = dir.resolve("again");
        bake(again, BASE, 3);
        for (String path : List.of("feed.xml", "channels/cs.SE/feed.xml", "topics/speech/feed.xml")) {
            assertThat(feed(again, path).getEntries()).extracting(SyndEntry::getUri)
                    .isEqualTo(feed(site, path).getEntries().stream().map(SyndEntry::getUri).toList());
            assertThat(Files.readString(again.resolve(path))).isEqualTo(Files.readString(site.resolve(path)));
        }
        Folders.deleteTree(again);
    }

    @Test
    void withoutAnAbsoluteBaseUrlThereAreNoFeedsAndOneNotice() throws Exception {
        Path plain = dir.resolve("plain");
        List<String> stages = new java.util.ArrayList<>();
        Progress recording = new Progress() {
            public void start(String stage, long total, String unit) {}

            public void step() {}

            public void done(String stage, String summary, long nanos) {
                stages.add(stage + ": " + summary);
            }

            public void found(List<Diagnostic> diagnostics) {}
        };
        BuildReport r = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(content, plain, "/arch/", Path.of("."), "Test archive"), n -> { }, recording);
        assertThat(r.written()).isTrue();
        assertThat(stages).filteredOn(l -> l.contains("Atom")).singleElement().asString()
                .startsWith("index: ").endsWith(Bake.NO_FEEDS);
        try (Stream<Path> files = Files.walk(plain)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".xml")).toList()).isEmpty();
        }
        assertThat(page(plain, "").select("link[rel=alternate]")).isEmpty();
        assertThat(page(plain, "topics/speech").select("a[type=application/atom+xml]")).isEmpty();
        assertThat(SiteCheck.brokenReferences(plain, "/arch/")).isEmpty();
    }
}
