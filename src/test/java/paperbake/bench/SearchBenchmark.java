package paperbake.bench;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import paperbake.index.PaperAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;

/**
 * Search benchmark on an already built site: quality (hit@10 and MRR of the known item, P@10
 * of topics) on the query sets {@link QuerySets} wrote, bytes on the wire and time to results,
 * for our index and for Pagefind on the same pages in the same run, in fresh headless Chromium
 * sessions, served with gzip on loopback by {@link StaticServer}.
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) paperbake.bench.SearchBenchmark SITE_DIR CORPUS_DIR [PAGEFIND_DIR]
 * </pre>
 *
 * SITE_DIR is a site built by {@code paperbake build} from CORPUS_DIR (whose papers judge topic
 * relevance); PAGEFIND_DIR (optional) is a scratch folder outside the repository where
 * Pagefind 1.6 is installed (the benchmark runs {@code npm install pagefind@1.6} there if it is
 * missing): Pagefind then indexes the paper pages of a copy of the site and is measured the same way,
 * on a bare page and on a copy of our search page ({@link Engine}).
 * Query sets are read from {@code src/test/resources/bench/queries} (or {@code -Dbench.queries=}).
 * Prints Markdown. Selenium is a test dependency, so run it with the test classpath
 * ({@code mvn dependency:build-classpath -Dmdep.includeScope=test}).
 */
public final class SearchBenchmark {

    /** A query's data and code bytes, time to its first result and to all of them (ms), in-page time (first query), requests, ids shown. */
    record Measure(long bytes, long code, double firstMillis, double millis, double inPage, int requests, List<String> ids) {}

    /** One query of a set: the known item's id, or "" for a topic. */
    record Query(String set, String text, String expected) {}

    /** Compressed body bytes the server sent, split into index data and code (scripts, wasm, css, html, icon). */
    static final class Wire implements StaticServer.Listener {
        final AtomicLong data = new AtomicLong();
        final AtomicLong code = new AtomicLong();
        final AtomicLong requests = new AtomicLong();

        @Override
        public void served(String path, int status, long bytes) {
            boolean isCode = path.matches(".*[.](js|mjs|wasm|css|html|svg|ico)$") || path.contains("/wasm.") || path.endsWith("/");
            (isCode ? code : data).addAndGet(bytes);
            requests.incrementAndGet();
        }

        long[] take() {
            return new long[] {data.getAndSet(0), code.getAndSet(0), requests.getAndSet(0)};
        }
    }

    static List<Query> load(Path dir) throws IOException {
        List<Query> out = new ArrayList<>();
        for (String set : QuerySets.SETS) {
            for (String line : Files.readAllLines(dir.resolve(set + ".tsv"))) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    out.add(new Query(set, f[0], f.length > 1 ? f[1] : ""));
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchBenchmark SITE_DIR CORPUS_DIR [PAGEFIND_DIR]");
            System.exit(2);
        }
        Path site = Path.of(args[0]).toAbsolutePath();
        requireCjkFont();
        List<Query> queries = load(Path.of(System.getProperty("bench.queries", "src/test/resources/bench/queries")));
        QuerySets judge = new QuerySets(Corpus.read(Path.of(args[1])));
        Map<String, Set<String>> terms = new HashMap<>();
        judge.papers().forEach(p -> terms.put(p.id().value(), judge.englishTerms(p)));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Index on disk: %.1f MB in %d files (search/, binary files stored gzipped)%n",
                size(site.resolve("search")) / 1e6, count(site.resolve("search"))));

        Path pfSite = null;
        if (System.getProperty("bench.pagefindSite") != null) {
            pfSite = Path.of(System.getProperty("bench.pagefindSite")); // reuse an earlier Pagefind run
        } else if (args.length > 2) {
            pfSite = Files.createTempDirectory("pb-bench-pf");
            copy(site, pfSite);
            Path pf = Path.of(args[2]);
            if (!Files.exists(pf.resolve("node_modules/.bin/pagefind"))) {
                Files.createDirectories(pf);
                Process install = new ProcessBuilder("npm", "install", "pagefind@1.6").directory(pf.toFile())
                        .inheritIO().start();
                if (install.waitFor() != 0) {
                    throw new IOException("npm install pagefind@1.6 failed in " + pf);
                }
            }
            long t0 = System.nanoTime();
            // Paper pages only: a digest page listing the paper is not the known item.
            Process p = new ProcessBuilder("npx", "pagefind", "--site", pfSite.toString(), "--glob", "papers/**/*.html")
                    .directory(new File(args[2])).redirectErrorStream(true)
                    .redirectOutput(pfSite.resolveSibling("pagefind.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException("pagefind failed, see " + pfSite.resolveSibling("pagefind.log"));
            }
            md.append(String.format(Locale.ROOT, "Pagefind index on disk: %.1f MB in %d files, built in %.1f s%n",
                    size(pfSite.resolve("pagefind")) / 1e6, count(pfSite.resolve("pagefind")), (System.nanoTime() - t0) / 1e9));
        }

        if (pfSite != null) {
            Files.writeString(pfSite.resolve("pf-bench.html"), PAGEFIND_PAGE); // also into a reused copy
            pagefindOnOurPage(pfSite);
        }
        List<String> texts = queries.stream().map(Query::text).toList();
        List<String> firstTexts = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            firstTexts.add(texts.get(i * texts.size() / SESSIONS)); // spread over the sets
        }
        Map<String, List<Measure>> later = new LinkedHashMap<>();
        Map<String, List<Measure>> firsts = new LinkedHashMap<>();
        Wire wire = new Wire();
        try (StaticServer ours = StaticServer.start(site, 0, wire)) {
            firsts.put("Paperbake", firsts(ours.uri().toString(), Engine.OURS, firstTexts, wire));
            later.put("Paperbake", run(ours.uri().toString(), Engine.OURS, texts, wire));
        }
        if (pfSite != null) {
            try (StaticServer pf = StaticServer.start(pfSite, 0, wire)) {
                firsts.put("Pagefind 1.6", firsts(pf.uri().toString(), Engine.PAGEFIND, firstTexts, wire));
                later.put("Pagefind 1.6", run(pf.uri().toString(), Engine.PAGEFIND, texts, wire));
                firsts.put("Pagefind 1.6 on our page", firsts(pf.uri().toString(), Engine.PAGEFIND_ON_OUR_PAGE, firstTexts, wire));
                later.put("Pagefind 1.6 on our page", run(pf.uri().toString(), Engine.PAGEFIND_ON_OUR_PAGE, texts, wire));
            }
        }
        bySet(md, "set (30 queries)", "", later, (ms, set) -> quality(set, queries, ms, terms));
        md.append("\n| engine | first query of a session: median data (max) + code | first: median time to results "
                + "from navigation (from the search code's start) | later queries: median data (max) | later: median time to the first result, "
                + "to all (p90) |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (String e : later.keySet()) {
            md.append(table(e, firsts.get(e), later.get(e)));
        }
        bySet(md, "set: later queries", ": median time to the first result / to all, requests, results shown", later,
                (ms, set) -> perSet(set, queries, ms));
        System.out.println(md);
        if (pfSite != null && System.getProperty("bench.pagefindSite") == null) {
            System.out.println("(Pagefind copy kept for reruns: -Dbench.pagefindSite=" + pfSite + ")");
        }
    }

    /** A table with a row per query set and a column per engine ({@code engine + suffix}), each cell from {@code cell}. */
    private static void bySet(StringBuilder md, String first, String suffix, Map<String, List<Measure>> engines,
            java.util.function.BiFunction<List<Measure>, String, String> cell) {
        md.append("\n| ").append(first).append(" |");
        engines.keySet().forEach(e -> md.append(' ').append(e).append(suffix).append(" |"));
        md.append("\n| --- |");
        engines.keySet().forEach(e -> md.append(" --- |"));
        md.append('\n');
        for (String set : QuerySets.SETS) {
            md.append("| ").append(set).append(" |");
            engines.values().forEach(ms -> md.append(' ').append(cell.apply(ms, set)).append(" |"));
            md.append('\n');
        }
    }

    /**
     * A set's later queries (the session's first query excluded): median time, requests (as the
     * server counted them) and results shown, which differ between engines (a query Pagefind
     * matches no paper for fetches no result data).
     */
    static String perSet(String set, List<Query> queries, List<Measure> ms) {
        List<Measure> of = new ArrayList<>();
        for (int i = 1; i < queries.size(); i++) {
            if (queries.get(i).set().equals(set)) {
                of.add(ms.get(i));
            }
        }
        return String.format(Locale.ROOT, "%.0f / %.0f ms, %.0f, %.0f", median(of.stream().map(Measure::firstMillis).toList()),
                median(of.stream().map(Measure::millis).toList()),
                median(of.stream().map(x -> (double) x.requests()).toList()),
                median(of.stream().map(x -> (double) Math.min(10, x.ids().size())).toList()));
    }

    /** Known items: hits@10/30, MRR@10; topics: P@10 and MRR of the first relevant result. */
    static String quality(String set, List<Query> queries, List<Measure> ms, Map<String, Set<String>> terms) {
        int hits = 0;
        double rr = 0;
        double precision = 0;
        int n = 0;
        PaperAnalyzer an = new PaperAnalyzer();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            if (!q.set().equals(set)) {
                continue;
            }
            n++;
            List<String> ids = ms.get(i).ids();
            int rank = -1;
            int relevant = 0;
            for (int k = 0; k < Math.min(10, ids.size()); k++) {
                boolean ok = q.expected().isEmpty()
                        ? terms.getOrDefault(ids.get(k), Set.of()).containsAll(an.terms(q.text()))
                        : ids.get(k).equals(q.expected());
                if (ok) {
                    relevant++;
                    if (rank < 0) {
                        rank = k;
                    }
                }
            }
            hits += rank >= 0 ? 1 : 0;
            rr += rank >= 0 ? 1.0 / (rank + 1) : 0;
            precision += relevant / 10.0;
        }
        return set.equals("topics")
                ? String.format(Locale.ROOT, "P@10 %.2f, MRR %.2f", precision / n, rr / n)
                : String.format(Locale.ROOT, "%d/%d, MRR %.2f", hits, n, rr / n);
    }

    static final int SESSIONS = 8;

    /** The first query of {@link #SESSIONS} fresh sessions, each with a different query. */
    static List<Measure> firsts(String base, Engine engine, List<String> qs, Wire wire)
            throws IOException {
        List<Measure> out = new ArrayList<>();
        for (String q : qs) {
            out.add(run(base, engine, List.of(q), wire).get(0));
        }
        return out;
    }

    /**
     * How a session opens a shared link and runs later queries: our search page; Pagefind's JS API
     * on a page with nothing else ({@link #PAGEFIND_PAGE}); Pagefind on a copy of our search page
     * ({@link #pagefindOnOurPage}), the same stylesheets, header and blocking theme.js, its results
     * shown as rows the way Pagefind's own UI shows them. The last two both
     * favour Pagefind in one way each: the bare page has nothing to render, and on our page
     * Pagefind shows only its titles and excerpts.
     */
    enum Engine {
        OURS("search/?q=", false), PAGEFIND("pf-bench.html?q=", true), PAGEFIND_ON_OUR_PAGE("pf-site/?q=", false);

        final String page;
        final boolean api;

        Engine(String page, boolean api) {
            this.page = page;
            this.api = api;
        }
    }

    static String table(String name, List<Measure> firsts, List<Measure> session) {
        List<Measure> later = session.subList(1, session.size());
        return String.format(Locale.ROOT,
                "| %s | %.1f KB (max %.1f KB) + %.1f KB code | %.0f ms (%.0f ms) | %.1f KB (max %.1f KB) | %.0f ms, %.0f ms (p90 %.0f ms) |%n",
                name,
                median(firsts.stream().map(x -> (double) x.bytes()).toList()) / 1024.0,
                firsts.stream().mapToLong(Measure::bytes).max().orElse(0) / 1024.0,
                median(firsts.stream().map(x -> (double) x.code()).toList()) / 1024.0,
                median(firsts.stream().map(Measure::millis).toList()),
                median(firsts.stream().map(Measure::inPage).toList()),
                median(later.stream().map(x -> (double) x.bytes()).toList()) / 1024.0,
                later.stream().mapToLong(Measure::bytes).max().orElse(0) / 1024.0,
                median(later.stream().map(Measure::firstMillis).toList()),
                median(later.stream().map(Measure::millis).toList()),
                percentile(later.stream().map(Measure::millis).toList(), 0.9));
    }

    /**
     * One fresh browser session: the first query loads everything it needs (index manifest,
     * Pagefind's wasm and meta...), later ones reuse what the session already has. Bytes are
     * compressed body bytes of every request the query caused (Resource Timing), excluding the
     * page, CSS and the search scripts themselves (reported separately by the page weight).
     */
    static List<Measure> run(String base, Engine engine, List<String> qs,
            Wire wire) throws IOException {
        WebDriver d = Chromium.start();
        try {
            JavascriptExecutor js = (JavascriptExecutor) d;
            List<Measure> out = new ArrayList<>();
            wire.take();
            // The first query is a shareable link opened in a fresh session: the page, its scripts
            // (Pagefind's: its wasm and index metadata; ours: the manifest), the index files, the
            // result data. Time runs from navigation start to the results (mark search-ready), and
            // from the search code's start (mark search-start) for the in-page part.
            d.get(base + engine.page + enc(qs.get(0)));
            waitReady(js, engine.api ? "document.body" : "document.getElementById('search-results')");
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) js.executeScript(BYTES
                    + "const b = bytesSince(); const m = performance.getEntriesByName('search-ready');"
                    + "const s = performance.getEntriesByName('search-start');"
                    + "return {bytes: b.bytes, code: b.code, requests: b.requests, ms: m[m.length - 1].startTime,"
                    + " inPage: m[m.length - 1].startTime - s[0].startTime,"
                    + " ids: window.pfIds || [...document.querySelectorAll('[data-arxiv]')].map(e => e.dataset.arxiv)};");
            out.add(measure(first, wire.take()));
            js.executeScript("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings();");
            for (String q : qs.subList(1, qs.size())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) js.executeAsyncScript(
                        engine.api ? PAGEFIND_QUERY : OUR_QUERY, q);
                if (r.get("error") != null) {
                    throw new IllegalStateException(q + ": " + r);
                }
                out.add(measure(r, wire.take()));
            }
            return out;
        } finally {
            d.quit();
        }
    }

    /** Bytes as the server counted them (workers' fetches included); time as the page measured it. */
    private static Measure measure(Map<String, Object> r, long[] wire) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) r.get("ids");
        double inPage = r.get("inPage") == null ? Double.NaN : ((Number) r.get("inPage")).doubleValue();
        double ms = ((Number) r.get("ms")).doubleValue();
        double first = r.get("first") == null ? ms : ((Number) r.get("first")).doubleValue();
        return new Measure(wire[0], wire[1], first, ms, inPage, (int) wire[2], ids);
    }

    /** Waits until {@code element} (a JavaScript expression) has data-state="ready". */
    private static void waitReady(JavascriptExecutor js, String element) {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            Object s = js.executeScript("const r = " + element + "; return r && r.dataset.state;");
            if ("ready".equals(s)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("search page never became ready");
    }

    private static final String BYTES = """
            const bytesSince = () => { const es = performance.getEntriesByType('resource');
              performance.clearResourceTimings();
              const isCode = (e) => /[.](js|mjs|wasm|css|svg|ico)([?]|$)/.test(e.name);
              if (window.benchDetail) { const by = {}; for (const e of es) { const k = new URL(e.name).pathname
                  .replace(/[0-9]+/g, 'N'); by[k] = (by[k] || 0) + e.encodedBodySize; } console.log(JSON.stringify(by));
                  window.benchLog = (window.benchLog || []).concat([by]); }
              return { bytes: es.filter(e => !isCode(e)).reduce((s, e) => s + e.encodedBodySize, 0),
                       code: es.filter(isCode).reduce((s, e) => s + e.encodedBodySize, 0), requests: es.length }; };
            """;

    /**
     * Submits the query through the page (no debounce) and waits for data-state=ready. The time
     * is the page's own mark search-ready (set once the results are in the document) minus the
     * submission: exact, as Pagefind's is the moment its promise resolves, where the poll that
     * notices the state adds up to a timer's 4 ms clamp and the browser's next rendering update.
     */
    private static final String OUR_QUERY = BYTES + """
            const done = arguments[arguments.length - 1]; const q = arguments[0];
            const res = document.getElementById('search-results'); const box = document.getElementById('search-q');
            bytesSince(); performance.clearMarks('search-ready'); performance.clearMarks('search-first');
            const t0 = performance.now();
            box.value = q; res.dataset.state = 'bench';
            document.getElementById('search-form').requestSubmit();
            const poll = () => { if (res.dataset.state === 'ready') {
                const ms = performance.getEntriesByName('search-ready').at(-1).startTime - t0;
                const f = performance.getEntriesByName('search-first').at(-1);
                const b = bytesSince(); done({ bytes: b.bytes, code: b.code, requests: b.requests, ms,
                  first: f && f.startTime >= t0 ? f.startTime - t0 : ms,
                  ids: [...res.querySelectorAll('[data-arxiv]')].map(e => e.dataset.arxiv) }); } else setTimeout(poll, 2); };
            poll();
            """;

    /** JavaScript: the arXiv id of a Pagefind result, from its paper page's URL (in {@code url}). */
    private static final String PAGEFIND_ID =
            "const arxivId = (url) => url.split('/papers/').pop().replace(/[/](index[.]html)?$/, '');\n";

    /**
     * Pagefind's page for a shared link: on {@code ?q=} it runs the query as {@link #PAGEFIND_QUERY}
     * does, marking search-start and search-ready as our page does. Its entry script gets a
     * preload hint as ours do; nothing else is on the page (no stylesheet, no header), which
     * favours Pagefind.
     */
    static final String PAGEFIND_PAGE = """
            <!DOCTYPE html><html lang="zh-Hans"><head><meta charset=utf-8><title>pf</title>
            <link rel="modulepreload" href="/pagefind/pagefind.js">
            <script type="module">
            """ + PAGEFIND_ID + """
            const q = new URLSearchParams(location.search).get('q');
            if (q) {
              performance.mark('search-start');
              window.pf = await import('/pagefind/pagefind.js'); await window.pf.init();
              const r = await window.pf.search(q);
              const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
              window.pfIds = data.map(x => arxivId(x.url));
              performance.mark('search-ready');
              document.body.dataset.state = 'ready';
            }
            </script></head>
            <body><p id=x>pagefind bench</p></body></html>
            """;

    /**
     * pf-site/: a copy of our search page whose search is Pagefind's: our scripts and preloads
     * replaced by {@link #PAGEFIND_ON_OUR_PAGE}'s, the CSP widened by what Pagefind needs
     * ('wasm-unsafe-eval' for its wasm, blob: for its worker), everything else as the site has it.
     */
    static void pagefindOnOurPage(Path pfSite) throws IOException {
        String page = Files.readString(pfSite.resolve("search/index.html"));
        String ours = page;
        page = page.replaceAll("<script type=\"module\" src=\"[^\"]*search[.]js\"></script>\n?", "")
                .replaceAll("<link rel=\"(modulepreload|preload)\" href=\"[^\"]*\"[^>]*>\n?", "")
                .replace("default-src 'self';", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:;")
                .replace("<script src=\"/js/theme.js\">", "<link rel=\"modulepreload\" href=\"/pagefind/pagefind.js\">\n"
                        + "<script type=\"module\" src=\"/pf-site.js\"></script>\n<script src=\"/js/theme.js\">");
        if (page.equals(ours) || page.contains("search.js") || !page.contains("pf-site.js")) {
            throw new IllegalStateException("the search page's layout changed: update SearchBenchmark.pagefindOnOurPage");
        }
        Files.createDirectories(pfSite.resolve("pf-site"));
        Files.writeString(pfSite.resolve("pf-site/index.html"), page);
        Files.writeString(pfSite.resolve("pf-site.js"), PAGEFIND_ON_OUR_PAGE);
    }

    /**
     * Our search page's contract (form #search-form and box #search-q, rows with data-arxiv in
     * #search-results, its data-state, marks search-start, search-first and search-ready), kept by
     * Pagefind: each of its top 10 results as a row with its title and excerpt (HTML Pagefind
     * escaped, with its marks), appended as its data arrives, in rank order.
     */
    static final String PAGEFIND_ON_OUR_PAGE = PAGEFIND_ID + """
            performance.mark('search-start');
            const form = document.getElementById('search-form');
            const box = document.getElementById('search-q');
            const list = document.getElementById('search-results');
            const pf = await import('/pagefind/pagefind.js');
            await pf.init();
            let gen = 0;
            async function run(q) {
              const mine = ++gen;
              const r = await pf.search(q);
              const rows = r.results.slice(0, 10).map((x) => x.data());
              let shown = 0;
              for (const p of rows) {
                const d = await p;
                if (mine !== gen) return;
                if (shown++ === 0) { list.replaceChildren(); performance.mark('search-first'); }
                const li = document.createElement('li');
                li.className = 'search-result';
                li.dataset.arxiv = arxivId(d.url);
                const a = document.createElement('a');
                a.className = 'search-result-title';
                a.href = d.url;
                a.textContent = d.meta.title;
                const ex = document.createElement('p');
                ex.className = 'search-result-tldr';
                ex.innerHTML = d.excerpt;
                li.append(a, ex);
                list.append(li);
              }
              if (shown === 0) list.replaceChildren();
              list.dataset.state = 'ready';
              performance.mark('search-ready');
            }
            form.addEventListener('submit', (ev) => { ev.preventDefault(); run(box.value); });
            const q = new URLSearchParams(location.search).get('q');
            if (q) { box.value = q; run(q); }
            """;

    /** Pagefind's JS API: search, then load the data of the top 10 (what a results page shows). */
    private static final String PAGEFIND_QUERY = BYTES + PAGEFIND_ID + """
            const done = arguments[arguments.length - 1]; const q = arguments[0];
            bytesSince();
            const t0 = performance.now();
            (async () => {
              if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
              const r = await window.pf.search(q);
              let first = null; // when the first result's data is in: what a page could show first
              const data = await Promise.all(r.results.slice(0, 10).map((x, i) => x.data().then((d) => {
                if (i === 0) first = performance.now() - t0;
                return d;
              })));
              const ms = performance.now() - t0; const b = bytesSince();
              const ids = data.map(x => arxivId(x.url));
              done({ bytes: b.bytes, code: b.code, requests: b.requests, ms, first: first === null ? ms : first, ids });
            })().catch(e => done({ bytes: -1, requests: 0, ms: -1, error: String(e) }));
            """;

    /**
     * A reader of a Chinese site has a Chinese font; a machine without one makes our page, which
     * shows Chinese text before its results, pay for Chromium's failed font fallback (measured
     * 2026-12-02: first paint 420 -> 244 ms from navigation once fonts-wqy-microhei was installed),
     * while Pagefind's bench page shows none. So the benchmark refuses to time without one.
     */
    static void requireCjkFont() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
        String fonts = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || fonts.isEmpty()) {
            throw new IllegalStateException("no Chinese font (fc-list :lang=zh is empty): install one first, "
                    + "e.g. apt-get install fonts-wqy-microhei (docs/BENCHMARKS.md, Search)");
        }
    }

    static double median(List<Double> xs) {
        return percentile(xs, 0.5);
    }

    static double percentile(List<Double> xs, double p) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.round(p * (s.size() - 1))));
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static int count(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
