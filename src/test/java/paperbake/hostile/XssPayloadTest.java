package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.hostile.Payloads.Payload;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;
import paperbake.write.Folders;

/**
 * Hostile text in every field of a digest (titles, TL;DRs, abstracts, URLs, the channel folder's
 * name, front matter title, channel and date) bakes into a site where none of it is markup: read
 * with Jsoup, and opened page by page in real headless Chromium, where nothing may run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssPayloadTest {

    private static final Pattern BIDI = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");
    private static final Pattern SCRIPT_SCHEME = Pattern.compile("^(javascript|data|vbscript):");
    private static final String UTF8_FILE = "utf8/2024-05-01.md";

    private Path work;
    private Path site;
    private Path benign;
    private Cli build;
    private int brokenUtf8Line;
    private final Map<Integer, String> paperOf = new java.util.HashMap<>();
    /** The paper of each payload's digest in the folder named after the payload (its channel). */
    private final Map<Integer, String> channelPaperOf = new java.util.HashMap<>();
    private ChromeDriver browser;
    private StaticServer server;
    private StaticServer controlServer;

    @BeforeAll
    void bakeTheHostileArchive() throws IOException {
        work = Files.createTempDirectory("paperbake-xss");
        Path content = work.resolve("content");
        List<Payload> urls = Payloads.urls();
        for (Payload p : Payloads.text()) {
            String url = urls.get(p.n() % urls.size()).text();
            String id1 = String.format(Locale.ROOT, "2501.%05d", p.n());
            String id2 = String.format(Locale.ROOT, "2502.%05d", p.n());
            paperOf.put(p.n(), id1);
            channelPaperOf.put(p.n(), id2);
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(p.n());
            write(content.resolve("xss/" + day + ".md"), Payloads.digest(p, id1, url, true).getBytes(StandardCharsets.UTF_8));
            // The channel is the folder's name here: file names cannot hold "/", everything else stays.
            String folder = p.text().replace('/', '\u2215').replace("\u0000", "");
            write(content.resolve(folder).resolve(day.plusMonths(3) + ".md"),
                    Payloads.digest(p, id2, url, false).getBytes(StandardCharsets.UTF_8));
        }
        byte[] plain = Payloads.digest(new Payload(999, "plain"), "2503.00001", "https://example.org/", false)
                .getBytes(StandardCharsets.UTF_8);
        String marker = "[^1]: plain";
        int at = new String(plain, StandardCharsets.UTF_8).indexOf(marker) + marker.length();
        int byteAt = new String(plain, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        brokenUtf8Line = BaseDigest.lineAt(new String(plain, StandardCharsets.UTF_8), at);
        byte[] broken = new byte[plain.length + 2];
        System.arraycopy(plain, 0, broken, 0, byteAt);
        broken[byteAt] = (byte) 0xFF;
        broken[byteAt + 1] = (byte) 0xE4;
        System.arraycopy(plain, byteAt, broken, byteAt + 2, plain.length - byteAt);
        write(content.resolve(UTF8_FILE), broken);

        site = work.resolve("site");
        build = Cli.run("build", "--content", content.toString(), "--output", site.toString());

        Path benignContent = work.resolve("benign");
        write(benignContent.resolve("econ/2025-02-06.md"), BaseDigest.load("/hostile/econ-2025-02-06.md").text().getBytes(StandardCharsets.UTF_8));
        benign = work.resolve("benign-site");
        assertThat(Cli.run("build", "--content", benignContent.toString(), "--output", benign.toString()).exit()).isZero();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (controlServer != null) {
            controlServer.close();
        }
        if (work != null) {
            Folders.deleteTree(work);
        }
    }

    @Test
    void theHostileArchiveBuildsAndEveryEntryIsPublished() {
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(Payloads.text()).hasSize(30);
        for (Payload p : Payloads.text()) {
            assertThat(site.resolve("papers/" + paperOf.get(p.n()) + "/index.html")).isRegularFile();
            assertThat(site.resolve("papers/" + channelPaperOf.get(p.n()) + "/index.html"))
                    .as("the paper of the digest in the folder named %s", p.text()).isRegularFile();
        }
        int[] rec = build.reconciliation();
        assertThat(rec[0]).isEqualTo(rec[1] + rec[2]);
        // skipped: the one entry without an arXiv link of each payload's two digests and of the broken-UTF-8 one
        int unlinked = Payloads.text().size() * 2 + 1;
        assertThat(rec[2]).isEqualTo(unlinked);
        assertThat(build.out()).contains("(no arXiv link: " + unlinked + ")");
    }

    /**
     * Every payload comes out as its exact text in every field it went into, on the paper page
     * and on the digest page that lists it (linked entry and unlinked entry), for the digest with
     * front matter and the one in the folder named after the payload. An injected element of any
     * kind, even one a benign page also has ({@code <a href=https...>}, {@code <p title>}), would
     * take text out of the field and fail here.
     */
    @Test
    void everyPayloadIsPublishedAsItsExactTextInEveryField() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Payload p : Payloads.text()) {
            String t = p.text();
            for (String id : List.of(paperOf.get(p.n()), channelPaperOf.get(p.n()))) {
                Document paper = SiteCheck.parse(site.resolve("papers/" + id + "/index.html"));
                checked += expect(problems, id, paper, Map.of(
                        "h1.title-zh", t + " 中文标题",
                        "header p.title-en", t + " English title",
                        "section.tldr p", t + " 中文TL;DR",
                        "section.abstract > p[lang=zh-Hans]", t + " 中文摘要",
                        "section.abstract > p[lang=en]", t + " abstract"));
                List<Element> appearances = paper.select("section.appearances a[href]");
                if (appearances.size() != 1) {
                    problems.add(id + ": " + appearances.size() + " appearances");
                    continue;
                }
                String href = appearances.get(0).attr("href");
                Document digest = SiteCheck.parse(site.resolve(href.substring(1)).resolve("index.html"));
                checked += expect(problems, id + " in " + href, digest, Map.of(
                        ".entries > li:not(.unlinked) h2 a > span[lang=zh-Hans]", t + " 中文标题",
                        ".entries > li:not(.unlinked) h2 a > span[lang=en]", t + " English title",
                        ".entries > li:not(.unlinked) > p[lang]", t + " 中文TL;DR",
                        "li.unlinked h2 > span[lang=zh-Hans]", t + " 二",
                        "li.unlinked h2 > span[lang=en]", t + " second",
                        // without an arXiv link the entry's TL;DR is the summary table's cell
                        "li.unlinked > p[lang]", t));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("fields compared").isEqualTo(Payloads.text().size() * 2 * 11);
    }

    /** Compares each selected element's text with the published form of the expected text; returns the count. */
    private static int expect(List<String> problems, String where, Document doc, Map<String, String> fields) {
        fields.forEach((selector, text) -> {
            List<String> found = doc.select(selector).eachText();
            if (!found.equals(List.of(published(text)))) {
                problems.add(where + ": " + selector + " is " + found + ", expected [" + published(text) + "]");
            }
        });
        return fields.size();
    }

    /** The hostile site uses no element or attribute that a benign site from the same templates lacks. */
    @Test
    void noPayloadBecomesAnElementAnAttributeOrAScriptLink() {
        Set<String> tags = new TreeSet<>();
        Set<String> attrs = new TreeSet<>();
        for (Path page : SiteCheck.pages(benign)) {
            for (Element e : SiteCheck.parse(page).getAllElements()) {
                tags.add(e.tagName());
                e.attributes().forEach(a -> attrs.add(a.getKey()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path page : SiteCheck.pages(site)) {
            Document doc = SiteCheck.parse(page);
            String name = site.relativize(page).toString();
            for (Element e : doc.getAllElements()) {
                if (!tags.contains(e.tagName())) {
                    problems.add(name + ": element <" + e.tagName() + ">");
                }
                for (Attribute a : e.attributes()) {
                    if (!attrs.contains(a.getKey())) {
                        problems.add(name + ": attribute " + a.getKey() + " on <" + e.tagName() + ">");
                    }
                    String v = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    if (SCRIPT_SCHEME.matcher(v).find()) {
                        problems.add(name + ": " + a.getKey() + "=\"" + a.getValue() + "\"");
                    }
                }
            }
            for (Element s : doc.select("script")) {
                if (s.attr("type").equals("application/ld+json") && name.startsWith("papers/")) {
                    continue; // data, not script: read back by everyPayloadIsDataInThePaperPagesJsonLd
                }
                if (!s.attr("src").startsWith("/js/") || !s.data().isEmpty()) {
                    problems.add(name + ": script " + s.outerHtml());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageCarriesACspThatForbidsInlineScriptAndStyle() {
        for (Path page : SiteCheck.pages(site)) {
            Document doc = SiteCheck.parse(page);
            List<Element> csp = doc.select("meta[http-equiv=Content-Security-Policy]");
            assertThat(csp).as(page.toString()).hasSize(1);
            String policy = csp.get(0).attr("content");
            // script-src and style-src fall back to default-src (CSP3); what applies is 'self', with no 'unsafe-inline'.
            assertThat(effective(policy, "script-src")).as(page.toString()).isEqualTo("'self'");
            assertThat(effective(policy, "style-src")).isEqualTo("'self'");
            assertThat(directive(policy, "object-src")).isEqualTo("'none'");
            assertThat(directive(policy, "base-uri")).isIn("'none'", "'self'");
            assertThat(csp.get(0).parent().tagName()).isEqualTo("head");
            // A meta policy only covers what comes after it.
            assertThat(csp.get(0).elementSiblingIndex()).isLessThan(doc.head().select("script, link, style").first().elementSiblingIndex());
            assertThat(doc.select("[style], style")).as("inline style").isEmpty();
        }
    }

    /** JSON-LD is embedded in the page, so a title holding {@code </script>} must not end its block. */
    @Test
    void everyPayloadIsDataInThePaperPagesJsonLd() {
        int checked = 0;
        for (Payload p : Payloads.text()) {
            String t = p.text();
            for (String id : List.of(paperOf.get(p.n()), channelPaperOf.get(p.n()))) {
                Document paper = SiteCheck.parse(site.resolve("papers/" + id + "/index.html"));
                Map<String, String> ld = Crawlers.jsonLd(paper);
                assertThat(ld).as("payload %d", p.n())
                        .containsEntry("name", published(t + " English title"))
                        .containsEntry("alternateName", published(t + " 中文标题"))
                        .containsEntry("identifier.value", id);
                assertThat(paper.select("script[type=application/ld+json]").first().data())
                        .doesNotContain("<", ">", "&");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(Payloads.text().size() * 2);
    }

    /** The index is fetched as data, never embedded, yet it escapes markup characters anyway (defence in depth). */
    @Test
    void theSearchIndexCarriesEveryPayloadAsEscapedJsonData() throws IOException {
        Set<String> strings = new java.util.HashSet<>();
        List<Path> files;
        try (var walk = Files.walk(site.resolve("search"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).isNotEmpty();
        com.fasterxml.jackson.core.JsonFactory json = new com.fasterxml.jackson.core.JsonFactory();
        for (Path f : files) {
            String raw = Files.readString(f);
            assertThat(raw).as(f.toString()).doesNotContain("<", ">", "\u2028", "\u2029");
            try (com.fasterxml.jackson.core.JsonParser parser = json.createParser(raw)) {
                for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
                    if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                        strings.add(parser.getText());
                    }
                }
            }
        }
        for (Payload p : Payloads.text()) {
            assertThat(strings).as("payload %d as data", p.n()).contains(published(p.text() + " 中文标题"));
        }
    }

    @Test
    void templateSyntaxInADigestIsShownLiterally() {
        List<Payload> templates = Payloads.text().stream()
                .filter(p -> p.text().contains("${") || p.text().contains("<#")).toList();
        assertThat(templates).hasSize(2);
        for (Payload p : templates) {
            Document doc = SiteCheck.parse(site.resolve("papers/" + paperOf.get(p.n()) + "/index.html"));
            assertThat(doc.select("h1").text()).as("the Chinese title, as written").isEqualTo(published(p.text() + " 中文标题"));
            assertThat(doc.select("section.abstract p[lang=en]").first().text()).isEqualTo(published(p.text() + " abstract"));
        }
    }

    @Test
    void bidiControlsAreRemovedEverywhereAndTheTextKept() throws IOException {
        for (Path page : SiteCheck.pages(site)) {
            assertThat(BIDI.matcher(Files.readString(page)).find()).as(page.toString()).isFalse();
        }
        Payload bidi = Payloads.text().stream().filter(p -> BIDI.matcher(p.text()).find()).findFirst().orElseThrow();
        Document doc = SiteCheck.parse(site.resolve("papers/" + paperOf.get(bidi.n()) + "/index.html"));
        assertThat(doc.select("h1").text()).isEqualTo(published(bidi.text() + " 中文标题"));
        assertThat(build.err()).containsPattern("xss/[0-9-]+\\.md:\\d+: warning: \\d+ bidirectional override characters");
    }

    @Test
    void brokenUtf8BecomesTheReplacementCharacterWithAWarning() {
        Document doc = SiteCheck.parse(site.resolve("papers/2503.00001/index.html"));
        assertThat(doc.select("h1").text()).contains("\uFFFD");
        assertThat(build.err()).contains(UTF8_FILE + ":" + brokenUtf8Line + ": warning: the file is not valid UTF-8");
    }

    /** The browser harness must see a payload that does run, or its silence below means nothing. */
    @Test
    void theBrowserHarnessDetectsAPayloadThatRuns() throws IOException {
        Path control = work.resolve("control");
        Files.createDirectories(control);
        Files.writeString(control.resolve("index.html"), "<!DOCTYPE html><title>control</title>"
                + "<a href=\"javascript:void 0\">x</a><script>window.__pwned_control = 1; alert('ran');</script>");
        controlServer = StaticServer.start(control, 0);
        String url = controlServer.uri().resolve("/").toString();
        Observation o = observe(url);
        assertThat(o.dialog()).isEqualTo("ran");
        assertThat(observe(url).globals()).contains("__pwned_control");
        assertThat(o.scriptUrls()).isNotEmpty();
    }

    /** Likewise a CSP violation: a page under the site's policy with an inline script and style must be reported. */
    @Test
    void theBrowserHarnessDetectsACspViolation() throws IOException {
        Path control = work.resolve("csp-control");
        Files.createDirectories(control);
        Files.writeString(control.resolve("index.html"), "<!DOCTYPE html><html><head>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'; style-src 'self'\">"
                + "<title>csp control</title></head><body><p style=\"color: red\">x</p>"
                + "<script>window.__pwned_csp = 1;</script></body></html>");
        try (StaticServer cspServer = StaticServer.start(control, 0)) {
            Observation o = observe(cspServer.uri().resolve("/").toString());
            assertThat(o.globals()).as("the inline script was blocked").isEmpty();
            assertThat(o.cspViolations()).as("the blocked inline script and style were seen").hasSizeGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void inChromiumNothingRunsOnAnyPageNorOnSearchesForThePayloads() {
        List<String> urls = new ArrayList<>();
        for (Path page : SiteCheck.pages(site)) {
            String rel = site.relativize(page).toString().replace('\\', '/');
            urls.add("/" + (rel.endsWith("index.html") ? rel.substring(0, rel.length() - "index.html".length()) : rel));
        }
        for (Payload p : Payloads.text()) {
            urls.add("/search/?q=" + URLEncoder.encode(p.text(), StandardCharsets.UTF_8));
        }
        List<String> problems = new ArrayList<>();
        List<String> searchesWithoutResults = new ArrayList<>();
        for (String url : urls) {
            Observation o = observe(url(url));
            if (url.startsWith("/search/?q=") && o.results() < 1) {
                searchesWithoutResults.add(url);
            }
            if (o.dialog() != null) {
                problems.add(url + ": dialog " + o.dialog());
            }
            o.globals().forEach(g -> problems.add(url + ": global " + g));
            o.scriptUrls().forEach(s -> problems.add(url + ": " + s));
            o.cspViolations().forEach(v -> problems.add(url + ": " + v));
        }
        assertThat(urls.size()).isGreaterThan(100);
        assertThat(problems).isEmpty();
        assertThat(searchesWithoutResults).as("each payload's search lists its papers, so their rendering was exercised").isEmpty();
    }

    @Test
    void theSiteScriptWorksUnderTheCsp() {
        Observation o = observe(url("/"));
        assertThat(o.cspViolations()).isEmpty();
        browser().findElement(By.tagName("body")).sendKeys("/");
        Object focused = browser().executeScript("return document.activeElement && document.activeElement.name");
        assertThat(focused).as("theme.js focused the search box on '/'").isEqualTo("q");
    }

    /** What a page did in the browser; {@code results} counts search results, -1 off the search page. */
    record Observation(String dialog, List<String> globals, List<String> scriptUrls, List<String> cspViolations, long results) {}

    @SuppressWarnings("unchecked")
    private Observation observe(String url) {
        var driver = browser();
        dismissDialog(driver); // whatever an earlier page left open must not be blamed on this one
        String dialog = null;
        try {
            driver.get(url);
        } catch (UnhandledAlertException e) {
            dialog = e.getAlertText();
        }
        String open = dismissDialog(driver);
        dialog = open != null ? open : dialog;
        long results = -1;
        if (dialog == null && !driver.findElements(By.id("search-results")).isEmpty()) {
            results = awaitSearchResults(driver);
            String late = dismissDialog(driver);
            dialog = late != null ? late : dialog;
        }
        String[] late = {dialog};
        List<String> globals = (List<String>) script(driver, late,
                "return Object.getOwnPropertyNames(window).filter(k => k.startsWith('__pwned'))");
        List<String> scriptUrls = (List<String>) script(driver, late,
                "return Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
                        + ".filter(a => /^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)"
                        + " && /^\\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\\s\\x00-\\x1f]/g, '')))"
                        + ".map(a => a.name + '=' + a.value)");
        dialog = late[0];
        List<String> csp = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String m = entry.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to")) {
                csp.add(m);
            }
        }
        return new Observation(dialog, globals, scriptUrls, csp, results);
    }

    /**
     * Runs {@code js} on the page; a dialog the page opened after it had loaded (the page's
     * scripts and ChromeDriver's own checks race on two busy cores) is what the page did, so it is
     * recorded in {@code dialog[0]} when none was seen yet, dismissed, and the script run again.
     */
    private static Object script(ChromeDriver driver, String[] dialog, String js) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.executeScript(js);
            } catch (UnhandledAlertException e) {
                String open = dismissDialog(driver);
                String text = e.getAlertText() != null ? e.getAlertText() : open;
                if (dialog[0] == null) {
                    dialog[0] = text;
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The text of the open dialog, which is then dismissed; null when none is open. */
    private static String dismissDialog(org.openqa.selenium.WebDriver driver) {
        try {
            var alert = driver.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            return text;
        } catch (NoAlertPresentException none) {
            return null;
        }
    }

    /** The search page marks its list ready once results are drawn; an alert would interrupt the wait. */
    private static long awaitSearchResults(org.openqa.selenium.WebDriver driver) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                    "ready".equals(d.findElement(By.id("search-results")).getAttribute("data-state")));
            return driver.findElements(By.cssSelector("#search-results > li")).size();
        } catch (UnhandledAlertException | TimeoutException e) {
            return 0;
        }
    }

    private ChromeDriver browser() {
        if (browser == null) {
            browser = Chromium.start();
        }
        return browser;
    }

    private String url(String path) {
        if (server == null) {
            try {
                server = StaticServer.start(site, 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server.uri().resolve(path).toString();
    }

    /** Digest text as the documented rules publish it: bidi controls removed, whitespace runs collapsed. */
    private static String published(String text) {
        return BIDI.matcher(text).replaceAll("").replaceAll("[\\s\u00A0\u2028\u2029]+", " ").strip();
    }

    private static String directive(String policy, String name) {
        for (String d : policy.split(";")) {
            String t = d.strip();
            if (t.startsWith(name + " ")) {
                return t.substring(name.length()).strip();
            }
        }
        return null;
    }

    /** The sources a fetch directive allows: its own list, or default-src's when the policy does not name it. */
    private static String effective(String policy, String name) {
        String own = directive(policy, name);
        return own != null ? own : directive(policy, "default-src");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
