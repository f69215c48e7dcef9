package paperbake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.model.Paper;
import paperbake.testing.Chromium;

/** The search page in a real browser: deep links, filters, typing, keyboard, highlighting, safety. */
class SearchPageTest {

    static ChromeDriver browser;
    static SharedSite site;
    static ReferenceSearch lucene;

    @BeforeAll
    static void start() {
        site = SharedSite.get();
        lucene = site.reference();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    WebElement results() {
        return browser.findElement(By.id("search-results"));
    }

    void open(String query) {
        browser.get(site.url("/search/" + query));
        awaitReady();
    }

    void awaitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
    }

    List<String> shownIds() {
        return results().findElements(By.cssSelector("[data-arxiv]")).stream()
                .map(e -> e.getAttribute("data-arxiv")).toList();
    }

    List<String> expectedIds(String q, int n) {
        return lucene.search(lucene.plan(q, true), n, null).stream()
                .map(h -> site.lucene.papers().get(h.doc()).id().value()).toList();
    }

    @Test
    void deepLinkShowsLuceneTopTenInRankOrder() {
        for (String q : List.of("LLM 幻觉", "retrieval augmented generation", "推荐系统", "BERT")) {
            open("?q=" + enc(q));
            assertThat(browser.findElement(By.id("search-q")).getAttribute("value")).isEqualTo(q);
            assertThat(shownIds()).as(q).isEqualTo(expectedIds(q, 10));
        }
    }

    /**
     * A shared link in a fresh session: the search scripts' imports and the manifest are requested
     * by the page's preload hints, not one after another once search.js runs (an import found only
     * in its importer cannot be requested before the importer has arrived), and the engine's own
     * fetch of the manifest reuses the preload (a mismatch, such as a missing crossorigin, would
     * show as a second request).
     */
    @Test
    void aFreshSessionLoadsTheScriptsAndManifestWithThePage() {
        ChromeDriver fresh = Chromium.start();
        try {
            fresh.get(site.url("/search/?q=" + enc("retrieval augmented generation")));
            new WebDriverWait(fresh, Duration.ofSeconds(20))
                    .until(d -> "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
            @SuppressWarnings("unchecked")
            Map<String, List<List<Object>>> requests = (Map<String, List<List<Object>>>) fresh.executeScript(
                    "const by = {}; for (const e of performance.getEntriesByType('resource')) { const k = new URL(e.name).pathname;"
                            + " (by[k] = by[k] || []).push([e.initiatorType, e.startTime, e.responseEnd]); } return by;");
            assertThat(requests.get("/search/manifest.json")).as("requests of the manifest").hasSize(1);
            assertThat(requests.get("/search/manifest.json").get(0).get(0)).as("the manifest's initiator").isEqualTo("link");
            // imported by search.js, and by search-engine.js
            Map<String, String> importer = Map.of("search-engine", "search", "search-analyzer", "search",
                    "search-fetch", "search-engine", "search-format", "search-engine");
            importer.forEach((js, by) -> {
                double start = ((Number) requests.get("/js/" + js + ".js").get(0).get(1)).doubleValue();
                double importerArrived = ((Number) requests.get("/js/" + by + ".js").get(0).get(2)).doubleValue();
                assertThat(start).as("%s.js requested before %s.js had arrived", js, by).isLessThan(importerArrived);
            });
            List<String> ids = fresh.findElements(By.cssSelector("#search-results [data-arxiv]")).stream()
                    .map(e -> e.getAttribute("data-arxiv")).toList();
            assertThat(ids).isEqualTo(expectedIds("retrieval augmented generation", 10));
        } finally {
            fresh.quit();
        }
    }

    /**
     * Results appear as their result data arrives, first ranks first (the engine's early
     * prefixes while deeper postings load): every list the page ever shows while a search runs is
     * the previous search's (until the new one has a row) or the start of the new final list.
     */
    @Test
    void resultsAppearOnlyAsAPrefixOfTheFinalOrder() {
        open("");
        browser.executeScript("window.snaps = []; new MutationObserver(() => window.snaps.push("
                + "[document.getElementById('search-results').dataset.state,"
                + " ...[...document.querySelectorAll('#search-results [data-arxiv]')].map(e => e.dataset.arxiv)]))"
                + ".observe(document.getElementById('search-results'), {childList: true});");
        List<String> before = List.of();
        int early = 0;
        for (String q : List.of("large language models reasoning", "graph neural network", "neural machine translation low resource",
                "speech recognition benchmark", "推荐系统 大语言模型", "retrieval augmented generation", "knowledge graph embedding",
                "reinforcement learning from human feedback", "多模态 图像", "sentiment analysis dataset")) {
            browser.executeScript("window.snaps.length = 0; const box = document.getElementById('search-q');"
                    + " box.value = arguments[0]; box.dispatchEvent(new Event('input'));", q);
            awaitReady();
            List<String> shown = shownIds();
            assertThat(shown).as(q).isEqualTo(expectedIds(q, 10));
            @SuppressWarnings("unchecked")
            List<List<String>> snaps = (List<List<String>>) browser.executeScript("return window.snaps;");
            for (List<String> snap : snaps) {
                List<String> ids = snap.subList(1, snap.size());
                if (!ids.equals(before)) {
                    assertThat(shown).as("the final list of %s, against one shown on the way", q).startsWith(ids.toArray(String[]::new));
                }
                if (!ids.isEmpty() && ids.size() < shown.size() && !"ready".equals(snap.get(0))) {
                    early++;
                }
            }
            before = shown;
        }
        // 90 in a run of these ten queries: rows show as their files arrive, not all at the end
        assertThat(early).as("lists shown before a search was complete").isGreaterThan(0);
    }

    @Test
    void zeroResultsAndEmptyQueryAreClearStates() {
        open("?q=" + enc("qqqxyzzyplugh"));
        assertThat(shownIds()).isEmpty();
        assertThat(browser.findElement(By.id("search-status")).getAttribute("textContent")).contains("No papers match");
        // The page's own messages come in both UI languages; the site's (zh by default) is the one shown.
        assertThat(browser.findElement(By.id("search-status")).getText())
                .contains("没有论文匹配“qqqxyzzyplugh”").doesNotContain("No papers match");
        open("");
        assertThat(shownIds()).isEmpty();
        assertThat(browser.findElement(By.id("search-status")).getAttribute("textContent")).contains("LLM 幻觉");
    }

    @Test
    void typingSearchesAsYouTypeAndUpdatesTheAddress() {
        open("");
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("zebraf");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("q=zebraf")
                && "ready".equals(results().getAttribute("data-state")));
        awaitReady();
        assertThat(shownIds()).contains("2201.99991");
        assertThat(shownIds()).isEqualTo(expectedIds("zebraf", 10));
    }

    /**
     * A round's deeper tiers are byte ranges of one pack file, and the browser's HTTP cache lets
     * one request at a time at a URL: through it, the ranges of a round went out one after another
     * (docs/BENCHMARKS.md, Search). They must be in flight together.
     */
    @Test
    void aRoundsRangesOfOnePackAreInFlightTogether() {
        int pairs = 0;
        int together = 0;
        for (String q : List.of("language model evaluation benchmark", "large language models reasoning tasks",
                "语言模型 数据 训练", "neural machine translation data")) {
            open("?q=" + enc(q));
            @SuppressWarnings("unchecked")
            List<List<Number>> ranges = (List<List<Number>>) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/search/t/'))"
                            + ".map(e => [e.startTime, e.requestStart, e.responseEnd]);");
            // ranges asked for in one round (fetched within a few milliseconds of each other): with
            // one request at a time, each is sent only once the one before it has arrived
            for (int i = 0; i + 1 < ranges.size(); i++) {
                List<Number> a = ranges.get(i);
                List<Number> b = ranges.get(i + 1);
                if (b.get(0).doubleValue() - a.get(0).doubleValue() < 3) {
                    pairs++;
                    if (b.get(1).doubleValue() < a.get(2).doubleValue()) {
                        together++;
                    }
                }
            }
        }
        assertThat(pairs).as("ranges asked for in the same round").isPositive();
        assertThat(together).as("of %d pairs of ranges asked for together, those in flight together", pairs).isPositive();
    }

    /**
     * Term shards and deeper tiers are byte ranges of pack files. A host that ignores {@code Range}
     * (RFC 9110 lets it) answers each with the whole file: the results must be the same, and once a
     * pack has come whole, the session reads it from there: a later search sends no pack again.
     */
    @Test
    void aHostThatIgnoresRangesGivesTheSameResultsAndALaterSearchSendsNoPackAgain() throws Exception {
        Map<String, Integer> packs = new java.util.concurrent.ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer plain = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.matches("/search/[st]/\\d+\\.bin")) {
                packs.merge(path, 1, Integer::sum);
            }
            java.nio.file.Path file = site.root.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
            byte[] body = file.startsWith(site.root) && java.nio.file.Files.isRegularFile(file)
                    ? java.nio.file.Files.readAllBytes(file) : null;
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        plain.start();
        ChromeDriver fresh = Chromium.start();
        try {
            for (List<String> pair : List.of(List.of("large language models reasoning tasks", "语言模型 数据 训练"),
                    List.of("neural machine translation data", "language model evaluation benchmark"))) {
                packs.clear();
                fresh.get("http://127.0.0.1:" + plain.getAddress().getPort() + "/search/?q=" + enc(pair.get(0)));
                awaitShown(fresh, pair.get(0));
                assertThat(packs).as("packs sent for %s", pair.get(0)).containsKey("/search/t/0.bin");
                assertThat(packs.keySet()).as("shard packs sent for %s", pair.get(0)).anyMatch(k -> k.startsWith("/search/s/"));
                java.util.Set<String> sent = java.util.Set.copyOf(packs.keySet());
                packs.clear();
                WebElement box = fresh.findElement(By.id("search-q"));
                box.sendKeys(Keys.chord(Keys.CONTROL, "a"), pair.get(1) + Keys.ENTER);
                new WebDriverWait(fresh, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("?q=" + enc(pair.get(1))));
                awaitShown(fresh, pair.get(1));
                assertThat(packs.keySet()).as("packs sent again for %s, after %s", pair.get(1), pair.get(0))
                        .doesNotContainAnyElementsOf(sent);
            }
        } finally {
            fresh.quit();
            plain.stop(0);
        }
    }

    private void awaitShown(ChromeDriver driver, String q) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
        List<String> shown = driver.findElements(By.cssSelector("#search-results [data-arxiv]")).stream()
                .map(e -> e.getAttribute("data-arxiv")).toList();
        assertThat(shown).as(q).isNotEmpty().isEqualTo(expectedIds(q, 10));
    }

    /** The address follows each search once its results are shown: one entry per submitted search, back returns to it. */
    @Test
    void submittedSearchesAreHistoryEntriesAndBackShowsThePreviousOne() {
        open("");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long before = ((Number) js.executeScript("return history.length;")).longValue();
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("zebraf" + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("?q=zebraf"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "recommendation" + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("?q=recommendation"));
        awaitReady();
        assertThat(shownIds()).isEqualTo(expectedIds("recommendation", 10));
        assertThat(((Number) js.executeScript("return history.length;")).longValue()).isEqualTo(before + 2);
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("?q=zebraf")
                && "zebraf".equals(box.getAttribute("value")) && "ready".equals(results().getAttribute("data-state")));
        assertThat(shownIds()).isEqualTo(expectedIds("zebraf", 10));
        // going back is not a new search to remember: the entry ahead is still there
        browser.navigate().forward();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("?q=recommendation")
                && "recommendation".equals(box.getAttribute("value")));
        assertThat(((Number) js.executeScript("return history.length;")).longValue()).isEqualTo(before + 2);
    }

    @Test
    void filtersComeFromTheAddressAndRestrictResults() {
        open("?q=" + enc("recommendation") + "&channel=cs.IR&sort=relevance");
        assertThat(browser.findElement(By.id("search-channel")).getAttribute("value")).isEqualTo("cs.IR");
        List<String> ids = shownIds();
        assertThat(ids).isNotEmpty();
        Map<String, Paper> byId = new HashMap<>();
        site.archive.papers().values().forEach(p -> byId.put(p.id().value(), p));
        for (String id : ids) {
            assertThat(byId.get(id).appearances()).anyMatch(a -> a.digest().channel().equals("cs.IR"));
        }
        Paper mid = site.lucene.papers().get(site.lucene.papers().size() / 3);
        String day = mid.latest().date().toString();
        open("?q=" + enc("language model") + "&from=" + day + "&to=" + day);
        assertThat(browser.findElement(By.id("search-from")).getAttribute("value")).isEqualTo(day);
        List<String> onThatDay = shownIds();
        assertThat(onThatDay).as("papers listed on %s", day).isNotEmpty();
        for (String id : onThatDay) {
            assertThat(byId.get(id).latest().date().toString()).isEqualTo(day);
        }
        // Changing a filter control rewrites the address, so the search stays shareable.
        browser.findElement(By.cssSelector("#search-sort option[value=newest]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=newest"));
    }

    @Test
    void newestSortsEveryBestMatchByDateWithAnExactCountAndLargerPages() {
        open("?q=" + enc("language") + "&sort=newest");
        List<String> all = lucene.newest(lucene.plan("language", true), null).stream()
                .map(d -> site.lucene.papers().get(d).id().value()).toList();
        assertThat(all).as("more matches than the old 100-paper pool").hasSizeGreaterThan(100);
        assertThat(shownIds()).isEqualTo(all.subList(0, 10));
        assertThat(browser.findElement(By.id("search-status")).getAttribute("textContent"))
                .contains(String.format(java.util.Locale.ROOT, "10 of %,d papers", all.size()));
        browser.findElement(By.id("search-more")).click();
        // counted in the page: the list is rebuilt while it renders, so elements may go stale
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Long.valueOf(60).equals(browser.executeScript(
                "const r = document.getElementById('search-results');"
                        + "return r.dataset.state === 'ready' ? r.querySelectorAll('[data-arxiv]').length : -1;")));
        assertThat(shownIds()).isEqualTo(all.subList(0, 60));
    }

    @Test
    void anUnknownWordFallsBackToItsClosestTermsAndSaysSo() {
        open("?q=" + enc("zebrafsh"));
        assertThat(shownIds()).contains("2201.99991").isEqualTo(expectedIds("zebrafsh", 10));
        assertThat(browser.findElement(By.id("search-status")).getAttribute("textContent"))
                .contains("Showing results for zebrafish").contains("no paper has “zebrafsh”");
    }

    @Test
    void arrowKeysAndEnterOpenTheSelectedPaper() {
        open("?q=" + enc("transformer"));
        List<String> ids = shownIds();
        assertThat(ids).hasSizeGreaterThan(2);
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP);
        List<WebElement> items = results().findElements(By.cssSelector("[data-arxiv]"));
        assertThat(items.get(1).getAttribute("class")).contains("active");
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(items.get(1).getAttribute("id"));
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/papers/"));
        assertThat(browser.getCurrentUrl()).endsWith("/papers/" + ids.get(1) + "/");
    }

    @Test
    void matchedTermsAreHighlightedAndUntrustedTextStaysText() {
        open("?q=" + enc("zebrafish 注入"));
        assertThat(shownIds()).contains("2201.99991");
        WebElement first = results().findElement(By.cssSelector("[data-arxiv='2201.99991']"));
        List<String> marks = first.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertThat(marks).contains("Zebrafish", "注入");
        assertThat(results().findElements(By.cssSelector("img, script, b"))).isEmpty();
        // Full-width input meets full-width text through the same normalization.
        open("?q=" + enc("ｑｕｏｋｋａ"));
        WebElement q = results().findElement(By.cssSelector("[data-arxiv='2201.99992']"));
        assertThat(q.findElements(By.tagName("mark")).stream().map(WebElement::getText)).contains("Quokka");
    }

    @Test
    void slashFocusesTheSearchBoxUnlessTyping() {
        open("");
        // Here the page's own form is the search landmark; the header's box is not a second one.
        assertThat(browser.findElement(By.cssSelector("header form.site-search")).getAttribute("role")).isNull();
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("a/b");
        assertThat(box.getAttribute("value")).isEqualTo("a/b");
        browser.get(site.url("/"));
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement header = browser.switchTo().activeElement();
        assertThat(header.getAttribute("name")).isEqualTo("q");
        assertThat(header.findElement(By.xpath("..")).getAttribute("class")).contains("site-search");
        // The header form submits to the search page, which picks the query up.
        header.sendKeys("LLM", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search/?q=LLM"));
        awaitReady();
        assertThat(shownIds()).isEqualTo(expectedIds("LLM", 10));
    }

    @Test
    void worksOnAPhoneSizedScreen() {
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(375, 800));
            open("?q=" + enc("大语言模型 hallucination"));
            assertThat(shownIds()).hasSize(10);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
