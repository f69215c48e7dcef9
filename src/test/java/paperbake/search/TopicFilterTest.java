package paperbake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.Bake;
import paperbake.BakeTest;
import paperbake.index.LuceneIndex;
import paperbake.index.Topic;
import paperbake.index.Topics;
import paperbake.index.TopicsFile;
import paperbake.model.ArxivId;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;
import paperbake.testing.FileTree;

/** {@code search/?topic=<slug>&q=...} in Chromium: matches inside the topic, and only those. */
class TopicFilterTest {

    @TempDir
    static Path dir;

    static ChromeDriver browser;
    static StaticServer server;
    static Topics topics;

    @BeforeAll
    static void start() throws Exception {
        Chromium.require();
        Path content = dir.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        Files.copy(Path.of("src/test/resources/topics/topics.yml"), content.resolve(TopicsFile.NAME));
        Path site = dir.resolve("site");
        BuildReport report = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(content, site, "/", Path.of("."), "Test archive"), n -> { }, paperbake.report.Progress.SILENT);
        assertThat(report.written()).isTrue();
        try (LuceneIndex index = LuceneIndex.build(report.archive())) {
            topics = Topics.of(new TopicsFile().read(content), content.resolve(TopicsFile.NAME), index);
        }
        server = StaticServer.start(StaticServer.Options.of(site, 0));
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static List<String> search(String query) {
        browser.get(server.uri().resolve("/search/" + query).toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
        return browser.findElements(By.cssSelector("#search-results [data-arxiv]")).stream()
                .map(e -> e.getAttribute("data-arxiv")).toList();
    }

    static Set<String> members(String slug) {
        Topic t = topics.topics().stream().filter(x -> x.slug().equals(slug)).findFirst().orElseThrow();
        return t.members().stream().map(ArxivId::value).collect(Collectors.toSet());
    }

    @Test
    void aTopicFilterKeepsExactlyTheMatchesInsideTheTopicInRankOrder() {
        Set<String> speech = members("speech");
        List<String> all = search("?q=recognition");
        assertThat(browser.findElement(By.id("search-more")).isDisplayed()).as("every match is shown").isFalse();
        assertThat(all).as("the query matches papers in and outside the topic")
                .anyMatch(speech::contains).anyMatch(id -> !speech.contains(id));

        List<String> inTopic = search("?q=recognition&topic=speech");
        assertThat(new Select(browser.findElement(By.id("search-topic"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("speech");
        assertThat(inTopic).isEqualTo(all.stream().filter(speech::contains).toList());
    }

    @Test
    void theTopicMenuListsTheSitesTopicsAndChoosingOneRewritesTheAddress() {
        search("?q=language");
        Select menu = new Select(browser.findElement(By.id("search-topic")));
        assertThat(menu.getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("", "speech", "sentiment", "llm", "nothing-yet");
        menu.selectByValue("llm");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("topic=llm")
                && "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
        List<String> shown = browser.findElements(By.cssSelector("#search-results [data-arxiv]")).stream()
                .map(e -> e.getAttribute("data-arxiv")).toList();
        assertThat(shown).isNotEmpty().allMatch(members("llm")::contains);
        assertThat(search("?q=language&topic=nothing-yet")).isEmpty();
        assertThat(browser.findElement(By.id("search-status")).getAttribute("textContent")).contains("with these filters");
        // The topic menu fits a phone's width.
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
            search("?q=language&topic=llm");
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
