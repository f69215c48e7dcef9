package paperbake.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;

/**
 * Where a search's time goes, from the page's own timings (docs/BENCHMARKS.md, "Search"):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) paperbake.bench.SearchTimeline SITE_DIR [N]
 * java -cp ... paperbake.bench.SearchTimeline SITE_DIR rounds 4096,32768
 * java -cp ... paperbake.bench.SearchTimeline SITE_DIR phases
 * </pre>
 *
 * The first form opens the first 8 of N queries (default 24, taken evenly from the benchmark's
 * sets) as shared {@code search/?q=} links in fresh sessions, then runs all N in one more
 * session, and prints per kind of request (the path with numbers as N), page event and page
 * mark the median start and end (from navigation start, or from submission for later queries),
 * count and compressed bytes. Times follow the machine's load. The second form runs every query
 * of the sets through the engine in one session per read-ahead (the engine's readAhead option)
 * and prints the postings rounds and bytes a query takes, which do not depend on the load. The
 * third ({@code phases [OPTIONS_JSON]}) runs every query through the engine in one session and
 * prints the median time to the ranked hits and to their result data, with the requests made
 * and how many hits' result data was already requested when the ranking ended (prefetch).
 */
public final class SearchTimeline {

    private SearchTimeline() {}

    /** [kind, start, end, compressed bytes] of each request since the last clear, from {@code since}. */
    private static final String ENTRIES = """
            const since = arguments[0];
            const out = performance.getEntriesByType('resource').map(e => [
              new URL(e.name).pathname.replace(/[0-9]+/g, 'N'), e.startTime - since, e.responseEnd - since, e.encodedBodySize]);
            performance.clearResourceTimings();
            return out;
            """;

    /** Page events and marks of a first query, as [name, time from navigation start]. */
    private static final String PAGE = """
            const n = performance.getEntriesByType('navigation')[0];
            const out = [['(page) response end', n.responseEnd], ['(page) DOM parsed', n.domInteractive],
              ['(page) DOMContentLoaded', n.domContentLoadedEventEnd]];
            for (const p of performance.getEntriesByType('paint')) out.push(['(page) ' + p.name, p.startTime]);
            for (const m of performance.getEntriesByType('mark')) out.push(['(mark) ' + m.name, m.startTime]);
            return out;
            """;

    /** Submits a query through the page's form, as SearchBenchmark does; resolves when it is shown. */
    private static final String SUBMIT = """
            const done = arguments[arguments.length - 1];
            const res = document.getElementById('search-results');
            performance.clearResourceTimings();
            const t0 = performance.now();
            document.getElementById('search-q').value = arguments[0]; res.dataset.state = 'bench';
            document.getElementById('search-form').requestSubmit();
            const poll = () => res.dataset.state === 'ready' ? done([t0, performance.now() - t0]) : setTimeout(poll, 1);
            poll();
            """;

    private static final String ROUNDS = """
            const done = arguments[arguments.length - 1]; const [qs, readAhead] = arguments;
            import('/js/search-engine.js').then(async m => {
              const e = new m.SearchEngine('/search/', {readAhead}); await e.open();
              performance.setResourceTimingBufferSize(100000);
              const out = [];
              for (const q of qs) {
                performance.clearResourceTimings();
                const r = await e.search(q, {prefetch: true});
                await e.docs(r.hits.slice(0, 10).map(h => h.doc));
                out.push([r.rounds || 0, performance.getEntriesByType('resource').reduce((s, x) => s + x.encodedBodySize, 0)]);
              }
              done(out);
            }).catch(x => done('ERROR ' + x));
            """;

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        SearchBenchmark.requireCjkFont();
        List<String> all = SearchBenchmark.load(Path.of(System.getProperty("bench.queries", "src/test/resources/bench/queries")))
                .stream().map(SearchBenchmark.Query::text).toList();
        try (StaticServer server = StaticServer.start(site, 0, (path, status, bytes) -> {})) {
            String base = server.uri().toString();
            if (args.length > 2 && args[1].equals("rounds")) {
                rounds(base, all, List.of(args[2].split(",")));
                return;
            }
            if (args.length > 1 && args[1].equals("phases")) {
                phases(base, all, args.length > 2 ? args[2] : "{}");
                return;
            }
            int n = args.length > 1 ? Integer.parseInt(args[1]) : 24;
            List<String> qs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                qs.add(all.get(i * all.size() / n));
            }
            Map<String, List<double[]>> first = new TreeMap<>();
            for (String q : qs.subList(0, Math.min(8, qs.size()))) {
                WebDriver d = Chromium.start();
                try {
                    JavascriptExecutor js = (JavascriptExecutor) d;
                    d.get(base + "search/?q=" + SearchBenchmark.enc(q));
                    waitReady(js);
                    collect(js, 0, first);
                    @SuppressWarnings("unchecked")
                    List<List<Object>> events = (List<List<Object>>) js.executeScript(PAGE);
                    for (List<Object> e : events) {
                        first.computeIfAbsent((String) e.get(0), k -> new ArrayList<>())
                                .add(new double[] {0, ((Number) e.get(1)).doubleValue(), 1, 0});
                    }
                } finally {
                    d.quit();
                }
            }
            Map<String, List<double[]>> later = new TreeMap<>();
            WebDriver d = Chromium.start();
            try {
                JavascriptExecutor js = (JavascriptExecutor) d;
                d.get(base + "search/");
                waitReady(js);
                js.executeScript("performance.setResourceTimingBufferSize(100000);");
                for (String q : qs) {
                    @SuppressWarnings("unchecked")
                    List<Number> t = (List<Number>) js.executeAsyncScript(SUBMIT, q);
                    collect(js, num(t.get(0)), later);
                    later.computeIfAbsent("(results shown)", k -> new ArrayList<>()).add(new double[] {0, num(t.get(1)), 1, 0});
                }
            } finally {
                d.quit();
            }
            System.out.printf(Locale.ROOT, "First query (%d fresh sessions), from navigation start%n%n", Math.min(8, qs.size()));
            print(first);
            System.out.printf(Locale.ROOT, "%nLater queries (%d, one session), from submission%n%n", qs.size());
            print(later);
        }
    }

    /** Per query and kind of request: the first one's start, the last one's end, how many, their bytes. */
    private static void collect(JavascriptExecutor js, double since, Map<String, List<double[]>> into) {
        @SuppressWarnings("unchecked")
        List<List<Object>> es = (List<List<Object>>) js.executeScript(ENTRIES, since);
        Map<String, double[]> span = new TreeMap<>();
        for (List<Object> e : es) {
            double[] x = {num(e.get(1)), num(e.get(2)), 1, num(e.get(3))};
            span.merge((String) e.get(0), x, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2], a[3] + b[3]});
        }
        span.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        double bytes = span.values().stream().mapToDouble(v -> v[3]).sum();
        into.computeIfAbsent("(every request)", k -> new ArrayList<>()).add(new double[] {0, 0, es.size(), bytes});
    }

    private static void print(Map<String, List<double[]>> spans) {
        System.out.println("| what | in queries | median start | median end | median count | median KB |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        int queries = spans.get("(every request)").size();
        spans.entrySet().stream()
                .sorted((a, b) -> Double.compare(median(a.getValue(), 1), median(b.getValue(), 1)))
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %d/%d | %.0f ms | %.0f ms | %.0f | %.1f |%n", e.getKey(),
                        e.getValue().size(), queries, median(e.getValue(), 0), median(e.getValue(), 1),
                        median(e.getValue(), 2), median(e.getValue(), 3) / 1024));
    }

    /** Every query through the engine in one session per read-ahead: rounds after the shards, bytes. */
    private static void rounds(String base, List<String> qs, List<String> readAheads) {
        System.out.println("| read-ahead | queries reading tiers | rounds: median, p90, max, total | KB a query: median, p90, max, total |");
        System.out.println("| --- | --- | --- | --- |");
        for (String ra : readAheads) {
            WebDriver d = Chromium.start();
            try {
                d.get(base + "search/");
                @SuppressWarnings("unchecked")
                List<List<Number>> r = (List<List<Number>>) ((JavascriptExecutor) d).executeAsyncScript(ROUNDS, qs, Integer.parseInt(ra));
                List<Double> rounds = r.stream().map(x -> x.get(0).doubleValue()).toList();
                List<Double> kb = r.stream().map(x -> x.get(1).doubleValue() / 1024).toList();
                System.out.printf(Locale.ROOT, "| %s | %d/%d | %.0f, %.0f, %.0f, %.0f | %.1f, %.1f, %.1f, %.0f |%n", ra,
                        rounds.stream().filter(x -> x > 0).count(), qs.size(),
                        SearchBenchmark.median(rounds), SearchBenchmark.percentile(rounds, 0.9), max(rounds), sum(rounds),
                        SearchBenchmark.median(kb), SearchBenchmark.percentile(kb, 0.9), max(kb), sum(kb));
            } finally {
                d.quit();
            }
        }
    }

    private static final String PHASES = """
            const done = arguments[arguments.length - 1]; const [qs, options] = arguments;
            import('/js/search-engine.js').then(async m => {
              const e = new m.SearchEngine('/search/', JSON.parse(options)); await e.open();
              const out = [];
              for (const q of qs) {
                const t0 = performance.now();
                const r = await e.search(q, {prefetch: true});
                const t1 = performance.now();
                const hits = r.hits.slice(0, 10).map(h => h.doc);
                const early = hits.filter(d => e.loader.cache.has(`r/${e.place(d)[0]}.json`)).length;
                await e.docs(hits);
                out.push([t1 - t0, performance.now() - t0, r.rounds || 0, early, e.requests]);
              }
              done(out);
            }).catch(x => done('ERROR ' + x));
            """;

    /** Every query through the engine in one session: time to the ranked hits and to their result data. */
    private static void phases(String base, List<String> qs, String options) {
        WebDriver d = Chromium.start();
        try {
            d.get(base + "search/");
            @SuppressWarnings("unchecked")
            List<List<Number>> r = (List<List<Number>>) ((JavascriptExecutor) d).executeAsyncScript(PHASES, qs, options);
            List<List<Number>> later = r.subList(1, r.size());
            System.out.printf(Locale.ROOT, "%s: %d requests, %d queries with rounds, result data already requested for %d of %d hits%n",
                    options, later.get(later.size() - 1).get(4).intValue(), later.stream().filter(x -> x.get(2).intValue() > 0).count(),
                    later.stream().mapToInt(x -> x.get(3).intValue()).sum(), later.size() * 10);
            for (int i = 0; i < 2; i++) {
                int c = i;
                List<Double> ms = later.stream().map(x -> x.get(c).doubleValue()).toList();
                System.out.printf(Locale.ROOT, "%s %s: median %.1f ms, p90 %.1f ms%n", options, i == 0 ? "ranked" : "with data",
                        SearchBenchmark.median(ms), SearchBenchmark.percentile(ms, 0.9));
            }
        } finally {
            d.quit();
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(x -> x).max().orElse(0);
    }

    private static double sum(List<Double> xs) {
        return xs.stream().mapToDouble(x -> x).sum();
    }

    private static double median(List<double[]> xs, int i) {
        return SearchBenchmark.median(xs.stream().map(x -> x[i]).toList());
    }

    private static void waitReady(JavascriptExecutor js) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            if ("ready".equals(js.executeScript("const r = document.getElementById('search-results'); return r && r.dataset.state;"))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("search page never became ready");
    }
}
