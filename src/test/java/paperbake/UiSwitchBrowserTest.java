package paperbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.hostile.SiteCheck;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;
import paperbake.write.Folders;

/**
 * A page carries its labels in the site's language only, and theme.js writes the other in: so a Chinese site
 * switched to English must read exactly as the English site built from the same content, and the other way round,
 * on every kind of page; and a page still arriving must never show a label in the language the reader left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiSwitchBrowserTest {

    /** The page's language and title, each label's text, its visible text and accessible names (what a reader sees and hears), whether it is still being switched. */
    private static final String READ = "return [document.documentElement.lang + ' ' + document.title,"
            + " [...document.querySelectorAll('l-, time[datetime]')].map(e => e.textContent).join('\\n'),"
            + " document.body.innerText + '\\n' + [...document.querySelectorAll('[data-alt]')]"
            + ".map(e => e.getAttribute('aria-label') ?? e.textContent).join('\\n'),"
            + " document.documentElement.hasAttribute('data-swap')];";

    private Path work;
    private final Map<String, Path> sites = new java.util.LinkedHashMap<>();
    private final Map<String, StaticServer> servers = new java.util.LinkedHashMap<>();
    private ChromeDriver browser;

    @BeforeAll
    void bake() throws IOException {
        Chromium.require();
        work = Files.createTempDirectory("paperbake-ui-switch");
        for (String lang : List.of("zh", "en")) {
            Path out = work.resolve("site-" + lang);
            new Bake(new ContentReader(), new JBakeOven()).build(new Bake.Options(Path.of("content"), out, "/", Path.of("."),
                    "Test archive", paperbake.render.FeedSettings.DEFAULT_ENTRIES, lang), notice -> { }, paperbake.report.Progress.SILENT);
            sites.put(lang, out);
            servers.put(lang, StaticServer.start(out, 0));
        }
        browser = Chromium.start();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (StaticServer s : servers.values()) {
            s.close();
        }
        if (work != null) {
            Folders.deleteTree(work);
        }
    }

    /**
     * Pages of every kind of the embedded example: each listing and index, two digests of each channel folder and every
     * digest outside one, three days, every topic page, and six paper pages.
     */
    private List<String> pages() {
        Path zh = sites.get("zh");
        Map<String, Integer> taken = new java.util.HashMap<>();
        List<String> chosen = new ArrayList<>();
        for (Path p : SiteCheck.pages(zh)) {
            String page = zh.relativize(p).toString().replace('\\', '/');
            String[] parts = page.split("/");
            String kind = parts[0].equals("digests") && parts.length > 3 ? parts[0] + "/" + parts[1] : parts[0];
            int limit = switch (parts[0]) {
                case "papers" -> 6;
                case "days" -> 3;
                case "digests" -> 2;
                default -> Integer.MAX_VALUE;
            };
            if (taken.merge(kind, 1, Integer::sum) <= limit) {
                chosen.add(page);
            }
        }
        return chosen;
    }

    /** Each page of the site built in {@code lang}, read with the reader's language set to {@code ui}. */
    private Map<String, List<?>> read(String lang, String ui, List<String> pages) {
        String origin = servers.get(lang).uri().toString();
        browser.get(origin + "404.html");
        browser.executeScript("localStorage.setItem('paperbake-ui', arguments[0])", ui);
        Map<String, List<?>> read = new java.util.LinkedHashMap<>();
        for (String page : pages) {
            browser.get(origin + page.replaceFirst("index\\.html$", ""));
            // A page with math shows it once math.js has typeset it.
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> (Boolean) browser.executeScript(
                    "return !document.querySelector('script[src$=\"math.js\"]') || !!document.documentElement.dataset.math"));
            read.put(page, (List<?>) browser.executeScript(READ));
        }
        return read;
    }

    @Test
    void aSiteSwitchedToTheOtherLanguageReadsAsTheSiteBuiltInIt() {
        List<String> pages = pages();
        assertThat(pages).hasSizeGreaterThan(40).contains("index.html", "archive/index.html", "archive/undated/index.html",
                "channels/index.html", "search/index.html", "404.html", "topics/index.html")
                .anyMatch(p -> p.matches("topics/.+/page/\\d+/index.html")).anyMatch(p -> p.matches("digests/[^/]+/index.html"))
                .anyMatch(p -> p.startsWith("days/")).anyMatch(p -> p.startsWith("papers/"));
        int labels = 0;
        SoftAssertions soft = new SoftAssertions();
        for (String[] way : List.of(new String[] {"zh", "en"}, new String[] {"en", "zh"})) {
            Map<String, List<?>> switched = read(way[0], way[1], pages);
            Map<String, List<?>> built = read(way[1], way[1], pages);
            for (String page : pages) {
                List<?> s = switched.get(page);
                List<?> b = built.get(page);
                soft.assertThat((String) s.get(0)).as(page + ": the language").startsWith(way[1].equals("en") ? "en " : "zh-Hans ");
                soft.assertThat(s.get(0)).as(page + ": the language and title of the " + way[0] + " site in " + way[1]).isEqualTo(b.get(0));
                soft.assertThat(s.get(1)).as(page + ": the labels of the " + way[0] + " site in " + way[1]).isEqualTo(b.get(1));
                soft.assertThat(s.get(2)).as(page + ": the text of the " + way[0] + " site in " + way[1]).isEqualTo(b.get(2));
                soft.assertThat(s.get(3)).as(page + ": still marked as being switched").isEqualTo(false);
                labels += ((String) b.get(1)).split("\n").length;
            }
        }
        soft.assertAll();
        assertThat(labels).isGreaterThan(1000);
    }

    @Test
    void aPageArrivingSlowlyNeverShowsALabelInTheLanguageTheReaderLeft() {
        Path zh = sites.get("zh");
        // The longest page, delivered a few KB at a time: the parser adds labels across many frames.
        String page = SiteCheck.pages(zh).stream().max(Comparator.comparingLong(UiSwitchBrowserTest::size)).map(
                p -> zh.relativize(p).toString().replace('\\', '/')).orElseThrow();
        assertThat(size(zh.resolve(page))).isGreaterThan(40_000);
        Object watch = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__frames = 0; window.__shown = [];"
                        + "(function frame() { window.__frames++;"
                        + " for (const e of document.querySelectorAll('l-, time[datetime]')) {"
                        + "   if (getComputedStyle(e).visibility !== 'hidden' && /[\\u4e00-\\u9fff]/.test(e.textContent)) window.__shown.push(e.textContent); }"
                        + " if (document.readyState === 'loading') requestAnimationFrame(frame); })();"));
        try {
            String origin = servers.get("zh").uri().toString();
            browser.get(origin + "404.html");
            browser.executeScript("localStorage.setItem('paperbake-ui', 'en')");
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setLatency(Duration.ofMillis(20));
            slow.setDownloadThroughput(8_000); // bytes a second, of the compressed page
            browser.setNetworkConditions(slow);
            browser.get(origin + page.replaceFirst("index\\.html$", ""));
            assertThat(((Number) browser.executeScript("return window.__frames")).intValue())
                    .as("frames painted while the page arrived").isGreaterThan(3);
            assertThat((List<?>) browser.executeScript("return window.__shown")).as("Chinese labels painted").isEmpty();
            List<?> read = (List<?>) browser.executeScript(READ);
            assertThat((String) read.get(1)).doesNotContainPattern("[\\u4e00-\\u9fff]").contains("Summaries are machine-written.");
        } finally {
            browser.deleteNetworkConditions();
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier",
                    ((Map<?, ?>) watch).get("identifier")));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
