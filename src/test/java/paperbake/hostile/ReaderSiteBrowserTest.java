package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.BakeTest;
import paperbake.hostile.Payloads.Payload;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;
import paperbake.testing.FileTree;
import paperbake.write.Folders;

/**
 * The reader's site in headless Chromium: the front page of papers, TeX typeset as MathML under
 * the CSP (and hostile or broken TeX left as text), the theme picker, the dark search page's
 * contrast, and axe-core's verdict on every kind of page in both themes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderSiteBrowserTest {

    /** The digest of the newest day: math and TeX payloads, one paper each. */
    private static final String MATH_DAY = "2026-08-01";
    private static final String GOOD = "$\\Gamma_A + \\lambda \\Gamma_B$ and $c_\\alpha=(1-\\alpha)^{-(1-\\alpha)}\\leq 1.445$"
            + " at $ \\pi $ for $5 and $10";
    /** TeX that Temml must refuse: each page must show it exactly as written. */
    private static final List<String> BROKEN = List.of(
            "$\\frac{1}{$ unbalanced",
            "$\\notacommand{x}$ undefined",
            "$\\def\\a{\\a\\a}\\a$ expansion bomb");
    /** TeX that tries to reach beyond math: it may render, but only as MathML without links or styles. */
    private static final List<String> HOSTILE = List.of(
            "$\\href{javascript:window.__pwned_201=1}{click}$",
            "$\\url{javascript:window.__pwned_202=1}$",
            "$\\htmlClass{x}{y} \\htmlStyle{color:red}{z} \\htmlId{search-q}{w}$",
            "$x<img src=x onerror=window.__pwned_204=1>$",
            "$\\rule{99999em}{99999em} \\color{red}{x} \\includegraphics{https://evil.example/x.png}$",
            "$\\text{</math><script>window.__pwned_206=1</script>}$");
    private static final Pattern RGB = Pattern.compile("rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)");

    private Path work;
    private Path site;
    private StaticServer server;
    private ChromeDriver browser;
    private final Map<String, String> paperOf = new java.util.LinkedHashMap<>();
    private String axe;

    @BeforeAll
    void bake() throws IOException {
        Chromium.require();
        work = Files.createTempDirectory("paperbake-reader");
        Path content = work.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        List<String> texts = new ArrayList<>();
        texts.add(GOOD);
        texts.addAll(BROKEN);
        texts.addAll(HOSTILE);
        // Every text payload as TeX too: what a digest puts between dollars is just as untrusted.
        Payloads.text().forEach(p -> texts.add("$" + p.text().strip() + "$"));
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String id = String.format(Locale.ROOT, "2608.%05d", i + 1);
            paperOf.put(texts.get(i), id);
            String digest = Payloads.digest(new Payload(300 + i, texts.get(i)), id, "https://example.org/", false);
            Files.createDirectories(content.resolve("math" + i));
            Files.writeString(content.resolve("math" + i).resolve(MATH_DAY + ".md"), digest);
            all.append(texts.get(i));
        }
        site = work.resolve("site");
        Cli build = Cli.run("build", "--content", content.toString(), "--output", site.toString(),
                "--title", "Reader test");
        assertThat(build.exit()).as(build.err()).isZero();
        server = StaticServer.start(site, 0);
        browser = Chromium.start();
        try (InputStream in = ReaderSiteBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (work != null) {
            Folders.deleteTree(work);
        }
    }

    @AfterEach
    void backToTheSystemTheme() {
        if (browser != null) {
            scheme("light");
            browser.get(url("/"));
            browser.executeScript("localStorage.clear()");
        }
    }

    @Test
    void theHomePageListsTheLatestDaysPapersAcrossChannels() {
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("h1 time")).getAttribute("datetime")).isEqualTo(MATH_DAY);
        List<String> hrefs = browser.findElements(By.cssSelector(".channel-day .entries > li h3 a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).hasSize(paperOf.size());
        for (String id : paperOf.values()) {
            assertThat(hrefs).contains(url("/papers/" + id + "/"));
        }
        WebElement first = browser.findElement(By.cssSelector("#ch-math0 .entries > li"));
        assertThat(first.findElement(By.cssSelector("a > span[lang=en]")).getText()).endsWith("English title");
        assertThat(first.findElement(By.cssSelector("a > span[lang=zh-Hans]")).getText()).endsWith("中文标题");
        assertThat(first.findElement(By.cssSelector("li > p[lang]")).getText()).contains("中文TL;DR");
        // The older days are a page each, and the month a calendar of them.
        browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/days/2026-07-30/");
        assertThat(browser.findElements(By.cssSelector(".channel-day .entries > li h3 a"))).isNotEmpty();
        // An older day lists titles; its digest, one click away, has every entry with its TL;DR.
        assertThat(browser.findElements(By.cssSelector(".channel-day .entries > li > p"))).isEmpty();
        browser.findElement(By.cssSelector(".channel-day p.more a")).click();
        assertThat(browser.getCurrentUrl()).contains("/digests/");
        assertThat(browser.findElements(By.cssSelector(".entries > li > p[lang]"))).isNotEmpty();
        browser.get(url("/archive/2026-08/"));
        WebElement day = browser.findElement(By.cssSelector("table.calendar td.has-papers a"));
        assertThat(day.getText()).startsWith("1").contains(paperOf.size() + " 篇论文");
        assertThat(day.getAttribute("href")).isEqualTo(url("/"));
    }

    @Test
    void texRendersAsMathMlUnderTheCspWithoutAViolation() {
        open("/papers/" + paperOf.get(GOOD) + "/");
        List<WebElement> math = browser.findElements(By.cssSelector("section.abstract p[lang=en] math"));
        assertThat(math).as("a space-padded $ \\pi $ is TeX too; $5 and $10 are dollars").hasSize(3);
        assertThat((String) browser.executeScript("return arguments[0].namespaceURI", math.get(0)))
                .isEqualTo("http://www.w3.org/1998/Math/MathML");
        assertThat(math.get(0).findElements(By.xpath(".//*[local-name()='mi']")).stream().map(WebElement::getText))
                .contains("Γ", "λ");
        assertThat(browser.findElement(By.cssSelector("section.abstract p[lang=en]")).getText())
                .startsWith("Γ").endsWith("for $5 and $10 abstract");
        assertThat(browser.findElements(By.cssSelector("h1 math"))).as("the title is typeset too").hasSize(3);
        assertThat(cspViolations()).isEmpty();
        assertThat((Long) browser.executeScript("return document.querySelectorAll('[style]').length")).isZero();
    }

    @Test
    void brokenTexStaysAsWritten() {
        for (String tex : BROKEN) {
            open("/papers/" + paperOf.get(tex) + "/");
            WebElement abs = browser.findElement(By.cssSelector("section.abstract p[lang=en]"));
            assertThat(abs.findElements(By.tagName("math"))).as(tex).isEmpty();
            assertThat((String) browser.executeScript("return arguments[0].textContent", abs)).isEqualTo(tex + " abstract");
            assertThat(cspViolations()).as(tex).isEmpty();
        }
    }

    @Test
    void hostileTexRunsNothingAndBecomesNothingButMathMl() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : paperOf.entrySet()) {
            if (e.getKey().equals(GOOD) || BROKEN.contains(e.getKey())) {
                continue;
            }
            open("/papers/" + e.getValue() + "/");
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) browser.executeScript(
                    "const bad = Object.getOwnPropertyNames(window).filter(k => k.startsWith('__pwned'));"
                    + "for (const m of document.querySelectorAll('math')) for (const n of m.querySelectorAll('*')) {"
                    + "  if (n.namespaceURI !== 'http://www.w3.org/1998/Math/MathML') bad.push('element ' + n.tagName);"
                    + "  for (const a of n.attributes) if (/^(href|src|style|class|id|on.*|xlink:.*)$/i.test(a.name)) bad.push('attribute ' + a.name);"
                    + "}"
                    + "if (document.querySelectorAll('[style]').length) bad.push('style attribute');"
                    + "return bad;");
            found.forEach(f -> problems.add(e.getKey() + ": " + f));
            cspViolations().forEach(v -> problems.add(e.getKey() + ": " + v));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMathScriptLoadsOnlyOnPagesWithTex() throws IOException {
        String plain = SiteCheck.pages(site).stream().filter(p -> p.toString().contains("/papers/2"))
                .filter(p -> !p.toString().contains("/papers/2608.")).findFirst().orElseThrow().toString();
        String rel = plain.substring(site.toString().length()).replace("index.html", "");
        browser.get(url(rel));
        assertThat(browser.findElements(By.cssSelector("script[src$='math.js']"))).isEmpty();
        assertThat(resources()).noneMatch(r -> r.contains("temml"));
        open("/papers/" + paperOf.get(GOOD) + "/");
        assertThat(resources()).anyMatch(r -> r.endsWith("/js/vendor/temml.min.js"));
    }

    @Test
    void theDarkSearchPageKeepsHighlightsAndTheSelectedResultReadable() {
        scheme("dark");
        browser.get(url("/search/?q=LLM"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
        assertThat(browser.findElements(By.cssSelector("#search-results > li"))).hasSizeGreaterThan(1);
        browser.findElement(By.id("search-q")).sendKeys(Keys.ARROW_DOWN);
        WebElement selected = browser.findElement(By.cssSelector("#search-results > li.active"));
        double[] bg = color(selected, "background-color");
        assertThat(luminance(bg)).as("a dark background").isLessThan(0.1);
        assertThat(contrast(color(selected, "color"), bg)).as("selected result text").isGreaterThanOrEqualTo(4.5);
        for (WebElement a : selected.findElements(By.tagName("a"))) {
            assertThat(contrast(color(a, "color"), bg)).as("link in the selected result").isGreaterThanOrEqualTo(4.5);
        }
        List<WebElement> marks = browser.findElements(By.cssSelector("#search-results mark"));
        assertThat(marks).isNotEmpty();
        for (WebElement m : marks) {
            assertThat(contrast(color(m, "color"), color(m, "background-color"))).as("highlighted term")
                    .isGreaterThanOrEqualTo(4.5);
        }
        for (WebElement input : browser.findElements(By.cssSelector("#search-form input, #search-form select"))) {
            assertThat(luminance(color(input, "background-color"))).as("form controls are dark too").isLessThan(0.1);
        }
    }

    @Test
    void theThemeChoiceIsRememberedAndAppliedBeforeTheFirstPaint() {
        scheme("light");
        browser.get(url("/"));
        new Select(browser.findElement(By.id("theme-select"))).selectByValue("dark");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        // On the next page, the theme must already be set when <body> starts: nothing is painted before it.
        try (AtBody ignored = atBody("__themeAtBody", "document.documentElement.getAttribute('data-theme') || 'system'")) {
            browser.get(url("/archive/"));
            assertThat(browser.executeScript("return window.__themeAtBody")).isEqualTo("dark");
            assertThat(luminance(color(browser.findElement(By.tagName("html")), "background-color"))).isLessThan(0.1);
            assertThat(new Select(browser.findElement(By.id("theme-select"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("dark");
            // Light chosen under a dark system: light it stays.
            scheme("dark");
            new Select(browser.findElement(By.id("theme-select"))).selectByValue("light");
            browser.get(url("/channels/"));
            assertThat(browser.executeScript("return window.__themeAtBody")).isEqualTo("light");
            assertThat(luminance(color(browser.findElement(By.tagName("html")), "background-color"))).isGreaterThan(0.8);
            // Back to the system's: dark again.
            new Select(browser.findElement(By.id("theme-select"))).selectByValue("system");
            browser.get(url("/channels/"));
            assertThat(browser.executeScript("return window.__themeAtBody")).isEqualTo("system");
            assertThat(luminance(color(browser.findElement(By.tagName("html")), "background-color"))).isLessThan(0.1);
        }
    }

    @Test
    void theReaderSwitchesTheUiLanguageOnThePageAndItIsRemembered() {
        browser.get(url("/"));
        WebElement html = browser.findElement(By.tagName("html"));
        assertThat(html.getAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("最新论文 · 2026年8月1日");
        assertThat(browser.findElement(By.cssSelector("form.site-search input")).getAttribute("aria-label")).isEqualTo("搜索论文");
        // theme.js makes the header's box (<pb-search>): the page's search landmark, submitting to the search page.
        WebElement box = browser.findElement(By.cssSelector("header.site-header > pb-search > form.site-search"));
        assertThat(box.getAttribute("role")).isEqualTo("search");
        assertThat(box.getAttribute("action")).isEqualTo(url("/search/"));
        assertThat(box.findElement(By.tagName("input")).getAttribute("placeholder")).isEqualTo("搜索论文 · Search papers (/)");
        new Select(browser.findElement(By.id("ui-select"))).selectByValue("en");
        assertThat(html.getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Latest papers · 1 Aug 2026");
        assertThat(browser.findElement(By.cssSelector(".site-nav")).getText()).contains("Archive", "Channels").doesNotContain("归档");
        assertThat(browser.findElement(By.cssSelector("form.site-search input")).getAttribute("aria-label")).isEqualTo("Search papers");
        assertThat(new Select(browser.findElement(By.id("theme-select"))).getFirstSelectedOption().getText()).isEqualTo("System");
        // Paper text is not the UI: it keeps its own language.
        WebElement zh = browser.findElement(By.cssSelector(".channel-day .entries > li a > span[lang=zh-Hans]"));
        assertThat(zh.getAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(zh.getText()).endsWith("中文标题");
        try (AtBody ignored = atBody("__uiAtBody", "document.documentElement.lang")) {
            browser.get(url("/papers/" + paperOf.get(GOOD) + "/"));
            assertThat(browser.executeScript("return window.__uiAtBody")).as("set before <body>: no flash").isEqualTo("en");
            assertThat(browser.findElement(By.cssSelector("section.appearances h2")).getText()).isEqualTo("Appeared in");
            assertThat(browser.findElement(By.cssSelector("section.appearances li a")).getText()).endsWith("1 Aug 2026");
            new Select(browser.findElement(By.id("ui-select"))).selectByValue("zh");
            assertThat(browser.findElement(By.cssSelector("section.appearances h2")).getText()).isEqualTo("收录于");
            browser.get(url("/archive/"));
            assertThat(browser.executeScript("return window.__uiAtBody")).isEqualTo("zh-Hans");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("归档");
        }
    }

    /** A script on every new document that stores {@code expression} in {@code window[name]} once <body> starts. */
    private interface AtBody extends AutoCloseable {
        @Override
        void close();
    }

    private AtBody atBody(String name, String expression) {
        Object watch = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "new MutationObserver((ms, o) => { if (document.body) { o.disconnect();"
                        + " window." + name + " = " + expression + "; } })"
                        + ".observe(document, { childList: true, subtree: true });"));
        @SuppressWarnings("unchecked")
        Object id = ((Map<String, Object>) watch).get("identifier");
        return () -> browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    @Test
    void axeFindsNoViolationOnAnyKindOfPageInEitherTheme() {
        List<String> pages = List.of("/", "/papers/" + paperOf.get(GOOD) + "/", "/papers/2107.13290/",
                "/digests/cs.SE/2026-07-30/", "/digests/math0/" + MATH_DAY + "/", "/channels/", "/channels/cs.SE/",
                "/archive/", "/archive/2026-07/", "/search/?q=LLM", "/404.html");
        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            for (String page : pages) {
                open(page);
                if (page.startsWith("/search/")) {
                    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                            "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
                    assertThat(browser.findElements(By.cssSelector("#search-results > li"))).isNotEmpty();
                }
                browser.executeScript(axe);
                Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>"
                        + " v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));");
                @SuppressWarnings("unchecked")
                List<String> violations = (List<String>) result;
                violations.forEach(v -> problems.add(scheme + " " + page + ": " + v));
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- helpers

    /** Opens a page and waits until its TeX, if any, is typeset (or found to be none). */
    private void open(String path) {
        browser.get(url(path));
        if (!browser.findElements(By.cssSelector("script[src$='math.js']")).isEmpty()) {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                    d.findElement(By.tagName("html")).getAttribute("data-math") != null);
        }
    }

    private void scheme(String value) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", value))));
    }

    @SuppressWarnings("unchecked")
    private List<String> resources() {
        return (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    }

    private List<String> cspViolations() {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String m = entry.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to")) {
                found.add(m);
            }
        }
        return found;
    }

    private String url(String path) {
        return server.uri().resolve(path).toString();
    }

    private static double[] color(WebElement e, String property) {
        String css = e.getCssValue(property);
        Matcher m = RGB.matcher(css);
        if (!m.find()) {
            throw new AssertionError(property + " is " + css);
        }
        if (m.group(4) != null && Double.parseDouble(m.group(4)) < 1) {
            throw new AssertionError(property + " is translucent (" + css + "): the test reads only opaque colours");
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** WCAG 2 relative luminance. */
    static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
