package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.Bake;
import paperbake.BakeTest;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.render.SiteLinks;
import paperbake.report.BuildReport;
import paperbake.testing.Chromium;
import paperbake.testing.FileTree;

/** Issue #10 in the browser: a project-site build under {@code /repo/}, and live reload under the site's CSP. */
class ServeInBrowserTest {

    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static boolean bake(Path content, Path site, String baseUrl) throws IOException {
        BuildReport report = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(content, site, baseUrl, Path.of("."), "Test archive"));
        return report.written();
    }

    /** A blank page first, so the previous test's page (and its event stream) is gone; its log is dropped. */
    static void freshPage() {
        browser.get("about:blank");
        consoleProblems();
    }

    static List<String> consoleProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("404") || m.contains("Failed to load"))
                .toList();
    }

    @Test
    void aProjectSiteBuildPreviewsUnderItsBasePathWithCssAndSearch(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        assertThat(bake(BakeTest.CONTENT, site, "https://me.github.io/repo/")).isTrue();
        String base = SiteLinks.forBaseUrl(BasePath.recorded(site).orElseThrow()).basePath();
        assertThat(base).as("what serve picks with no flag").isEqualTo("/repo/");

        try (StaticServer server = StaticServer.start(StaticServer.Options.of(site, 0).withBasePath(base))) {
            freshPage();
            browser.get(server.uri().resolve("/").toString());
            assertThat(browser.getCurrentUrl()).isEqualTo(server.uri().toString());
            Object cssRules = browser.executeScript(
                    "const s = [...document.styleSheets].find(x => x.href && x.href.endsWith('/repo/css/site.css'));"
                            + "return s ? s.cssRules.length : 0;");
            assertThat(((Number) cssRules).intValue()).as("the stylesheet loaded under /repo/").isPositive();
            assertThat(browser.findElement(By.cssSelector("header form.site-search")).getAttribute("action"))
                    .as("theme.js's search box submits under /repo/").isEqualTo(server.uri().resolve("/repo/search/").toString());

            browser.get(server.uri().resolve("search/?q=LLMs").toString());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
            assertThat(browser.findElements(By.cssSelector("#search-results [data-arxiv]"))).isNotEmpty();
            String firstLink = browser.findElement(By.cssSelector("#search-results [data-arxiv] a")).getAttribute("href");
            assertThat(firstLink).startsWith(server.uri().resolve("/repo/papers/").toString());
            assertThat(consoleProblems()).isEmpty();
        }
    }

    @Test
    void anEnglishSitesSearchBoxIsNamedInEnglishWithTheChineseToSwitchTo(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        new Bake(new ContentReader(), new JBakeOven()).build(new Bake.Options(BakeTest.CONTENT, site, "/", Path.of("."),
                "Test archive", paperbake.render.FeedSettings.DEFAULT_ENTRIES, "en"), notice -> { }, paperbake.report.Progress.SILENT);
        try (StaticServer server = StaticServer.start(StaticServer.Options.of(site, 0))) {
            freshPage();
            browser.get(server.uri().resolve("/").toString());
            var box = browser.findElement(By.cssSelector("header form.site-search input[name=q]"));
            assertThat(box.getAttribute("aria-label")).isEqualTo("Search papers");
            assertThat(box.getAttribute("data-alt")).isEqualTo("搜索论文");
            assertThat(consoleProblems()).isEmpty();
        }
    }

    @Test
    void aContentChangeReachesAnOpenPage(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        Path site = dir.resolve("site");
        assertThat(bake(content, site, "/")).isTrue();
        Path digest = content.resolve("econ/2025-08-19.md");

        try (DevServer dev = DevServer.start(StaticServer.Options.of(site, 0), List.of(content),
                () -> bake(content, site, "/"), System.err)) {
            freshPage();
            browser.get(dev.server().uri().resolve("digests/econ/2025-08-19/").toString());
            assertThat(browser.getTitle()).doesNotContain("Live reload marker");
            browser.executeScript("window.paperbakeStale = true;");
            // The page is listening once its event stream is open.
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> dev.listening() > 0);

            Files.writeString(digest, "---\ntitle: Live reload marker\n---\n" + Files.readString(digest, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> d.getTitle().contains("Live reload marker"));
            assertThat(browser.executeScript("return window.paperbakeStale === undefined;"))
                    .as("the page itself reloaded").isEqualTo(true);
            assertThat(dev.reloads()).isEqualTo(1);
            assertThat(consoleProblems()).as("the reload script and its event stream run under the CSP").isEmpty();
            freshPage();
        }
        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.filter(p -> p.toString().endsWith(".html")).filter(p -> contains(p, "__paperbake")))
                    .as("the reload script is added while serving, never written into the site").isEmpty();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
