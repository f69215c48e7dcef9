package paperbake.bench;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * Search benchmark on an already built site: bytes on the wire and time to results for our
 * index and for Pagefind on the same pages, in fresh headless Chromium sessions, served with
 * gzip on loopback by {@link StaticServer}.
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) paperbake.bench.SearchBenchmark SITE_DIR [PAGEFIND_DIR]
 * </pre>
 *
 * SITE_DIR is a site built by {@code paperbake build}; PAGEFIND_DIR (optional) is a folder where
 * {@code npm install pagefind@1.6} was run: Pagefind then indexes a copy of the site and is
 * measured the same way. Prints a Markdown section. Selenium is a test dependency, so run it
 * with the test classpath ({@code mvn dependency:build-classpath -Dmdep.includeScope=test}).
 */
public final class SearchBenchmark {

    /** Realistic queries: topics and remembered title words, English, Chinese and mixed. */
    static final List<String> QUERIES = List.of(
            "large language model", "LLM 幻觉", "retrieval augmented generation", "大语言模型", "machine translation",
            "情感分析", "hallucination detection", "知识图谱", "chain of thought", "低资源语言", "speech recognition",
            "instruction tuning", "代码生成", "named entity recognition", "多模态", "reinforcement learning from human feedback",
            "benchmark 评估", "tokenizer", "文本摘要", "question answering", "in-context learning", "对齐 alignment",
            "multilingual", "事实核查", "prompt injection", "数学推理", "dialogue system", "RAG 检索增强", "BERT",
            "knowledge distillation");

    /** bytes: index data (compressed, on the wire); code: the page weight the query needed (scripts, wasm, CSS, HTML, icon). */
    record Measure(long bytes, long code, double millis, int requests) {}

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

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SearchBenchmark SITE_DIR [PAGEFIND_DIR]");
            System.exit(2);
        }
        Path site = Path.of(args[0]).toAbsolutePath();
        StringBuilder md = new StringBuilder();
        long indexBytes = size(site.resolve("search"));
        int indexFiles = count(site.resolve("search"));
        md.append(String.format(Locale.ROOT, "Index on disk: %.1f MB in %d files (search/, binary files stored gzipped)%n",
                indexBytes / 1e6, indexFiles));

        Path pfSite = null;
        double pfBuildSeconds = 0;
        if (System.getProperty("bench.pagefindSite") != null) {
            pfSite = Path.of(System.getProperty("bench.pagefindSite")); // reuse an earlier Pagefind run
        } else if (args.length > 1) {
            pfSite = Files.createTempDirectory("pb-bench-pf");
            copy(site, pfSite);
            Files.writeString(pfSite.resolve("pf-bench.html"),
                    "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=utf-8><title>pf</title></head>"
                            + "<body><p id=x>pagefind bench</p></body></html>");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("npx", "pagefind", "--site", pfSite.toString())
                    .directory(new File(args[1])).redirectErrorStream(true)
                    .redirectOutput(pfSite.resolveSibling("pagefind.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException("pagefind failed, see " + pfSite.resolveSibling("pagefind.log"));
            }
            pfBuildSeconds = (System.nanoTime() - t0) / 1e9;
            md.append(String.format(Locale.ROOT, "Pagefind index on disk: %.1f MB in %d files, built in %.1f s%n",
                    size(pfSite.resolve("pagefind")) / 1e6, count(pfSite.resolve("pagefind")), pfBuildSeconds));
        }

        md.append("\n| engine | first query of a session: median data (max) + code | first: median time to results "
                + "| later queries: median data (max) | later: median time |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        Wire wire = new Wire();
        try (StaticServer ours = StaticServer.start(site, 0, wire)) {
            md.append(table("Paperbake (Lucene BM25, exact top 10)",
                    firsts(ours.uri().toString(), false, wire),
                    run(ours.uri().toString(), false, QUERIES, wire)));
        }
        if (pfSite != null) {
            try (StaticServer pf = StaticServer.start(pfSite, 0, wire)) {
                md.append(table("Pagefind 1.6 (top 10 results' data)",
                        firsts(pf.uri().toString(), true, wire),
                        run(pf.uri().toString(), true, QUERIES, wire)));
            }
        }
        System.out.println(md);
        if (pfSite != null && System.getProperty("bench.pagefindSite") == null) {
            System.out.println("(Pagefind copy kept for reruns: -Dbench.pagefindSite=" + pfSite + ")");
        }
    }

    static final int SESSIONS = 8;

    /** The first query of {@link #SESSIONS} fresh sessions, each with a different query. */
    static List<Measure> firsts(String base, boolean pagefind, Wire wire)
            throws IOException {
        List<Measure> out = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            out.add(run(base, pagefind, QUERIES.subList(i, i + 1), wire).get(0));
        }
        return out;
    }

    static String table(String name, List<Measure> firsts, List<Measure> session) {
        List<Measure> later = session.subList(1, session.size());
        return String.format(Locale.ROOT,
                "| %s | %.1f KB (max %.1f KB) + %.1f KB code | %.0f ms | %.1f KB (max %.1f KB) | %.0f ms (p90 %.0f ms) |%n",
                name,
                median(firsts.stream().map(x -> (double) x.bytes()).toList()) / 1024.0,
                firsts.stream().mapToLong(Measure::bytes).max().orElse(0) / 1024.0,
                median(firsts.stream().map(x -> (double) x.code()).toList()) / 1024.0,
                median(firsts.stream().map(Measure::millis).toList()),
                median(later.stream().map(x -> (double) x.bytes()).toList()) / 1024.0,
                later.stream().mapToLong(Measure::bytes).max().orElse(0) / 1024.0,
                median(later.stream().map(Measure::millis).toList()),
                percentile(later.stream().map(Measure::millis).toList(), 0.9));
    }

    /**
     * One fresh browser session: the first query loads everything it needs (index manifest,
     * Pagefind's wasm and meta...), later ones reuse what the session already has. Bytes are
     * compressed body bytes of every request the query caused (Resource Timing), excluding the
     * page, CSS and the search scripts themselves (reported separately by the page weight).
     */
    static List<Measure> run(String base, boolean pagefind, List<String> qs,
            Wire wire) throws IOException {
        WebDriver d = Chromium.start();
        try {
            JavascriptExecutor js = (JavascriptExecutor) d;
            List<Measure> out = new ArrayList<>();
            List<String> queries = qs;
            wire.take();
            if (pagefind) {
                d.get(base + "pf-bench.html");
                js.executeScript("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings();");
                wire.take(); // the empty bench page itself is not part of a query
            } else {
                // The first query is a shareable link opened in a fresh session: page, scripts,
                // manifest, shards, result data. Time runs from navigation start to rendered results.
                d.get(base + "search/?q=" + enc(qs.get(0)));
                waitReady(js);
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) js.executeScript(BYTES
                        + "const b = bytesSince(); const m = performance.getEntriesByName('search-ready');"
                        + "return {bytes: b.bytes, code: b.code, requests: b.requests, ms: m[m.length - 1].startTime,"
                        + " hits: document.querySelectorAll('[data-arxiv]').length};");
                out.add(measure(r, wire.take()));
                js.executeScript("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings();");
                queries = qs.subList(1, qs.size());
            }
            for (String q : queries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) js.executeAsyncScript(
                        pagefind ? PAGEFIND_QUERY : OUR_QUERY, q);
                if (r.get("error") != null || ((Number) r.get("hits")).intValue() == 0) {
                    throw new IllegalStateException(q + ": no results " + r);
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
        return new Measure(wire[0], wire[1], ((Number) r.get("ms")).doubleValue(), (int) wire[2]);
    }

    private static void waitReady(JavascriptExecutor js) {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            Object s = js.executeScript("const r = document.getElementById('search-results'); return r && r.dataset.state;");
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

    /** Submits the query through the page (no debounce) and waits for data-state=ready. */
    private static final String OUR_QUERY = BYTES + """
            const done = arguments[arguments.length - 1]; const q = arguments[0];
            const res = document.getElementById('search-results'); const box = document.getElementById('search-q');
            bytesSince();
            const t0 = performance.now();
            box.value = q; res.dataset.state = 'bench';
            document.getElementById('search-form').requestSubmit();
            const poll = () => { if (res.dataset.state === 'ready') { const ms = performance.now() - t0;
                const b = bytesSince(); done({ bytes: b.bytes, code: b.code, requests: b.requests, ms,
                  hits: res.querySelectorAll('[data-arxiv]').length }); } else setTimeout(poll, 2); };
            poll();
            """;

    /** Pagefind's JS API: search, then load the data of the top 10 (what a results page shows). */
    private static final String PAGEFIND_QUERY = BYTES + """
            const done = arguments[arguments.length - 1]; const q = arguments[0];
            bytesSince();
            const t0 = performance.now();
            (async () => {
              if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
              const r = await window.pf.search(q);
              const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
              const ms = performance.now() - t0; const b = bytesSince();
              done({ bytes: b.bytes, code: b.code, requests: b.requests, ms, hits: data.length });
            })().catch(e => done({ bytes: -1, requests: 0, ms: -1, error: String(e) }));
            """;

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
