package paperbake.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;

/**
 * Chooses {@code WORD_SHARE} (search-engine.js; {@code QueryPlan.WORD_SHARE}): when the last word
 * as typed counts for its group by itself and when its completions count too. Runs the six
 * benchmark query sets through {@code search-engine.js} on a built site, with completion of the
 * last word as the page does, once per share, and prints the {@link SearchBenchmark} quality
 * table. Quality only: one session, no timing.
 *
 * <pre>
 * java -cp ... paperbake.bench.CompletionShareExperiment SITE_DIR CORPUS_DIR [SHARES, default 0,0.1,0.25,0.5,1,1e9]
 * </pre>
 *
 * {@code 1e9} is the previous rule (completions always count), 0 counts them only when the
 * typed word is no term at all.
 */
public final class CompletionShareExperiment {

    private static final String SEARCH = """
            const done = arguments[arguments.length - 1]; const [qs, share] = arguments;
            import('/js/search-engine.js').then(async (m) => {
              const e = new m.SearchEngine('/search/', { wordShare: share }); const out = [];
              for (const q of qs) { const r = await e.search(q, { k: 10 });
                out.push((await e.docs(r.hits.map((h) => h.doc))).map((row) => row.id)); }
              done(out); }).catch((e) => done('ERROR ' + e + ' ' + e.stack));
            """;

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        List<SearchBenchmark.Query> queries = SearchBenchmark.load(
                Path.of(System.getProperty("bench.queries", "src/test/resources/bench/queries")));
        QuerySets judge = new QuerySets(Corpus.read(Path.of(args[1])));
        Map<String, Set<String>> terms = new HashMap<>();
        judge.papers().forEach(p -> terms.put(p.id().value(), judge.englishTerms(p)));
        List<String> shares = Arrays.asList((args.length > 2 ? args[2] : "0,0.1,0.25,0.5,1,1e9").split(","));
        StringBuilder md = new StringBuilder("| WORD_SHARE |");
        QuerySets.SETS.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n| --- |").append(" --- |".repeat(QuerySets.SETS.size())).append('\n');
        try (StaticServer server = StaticServer.start(site, 0)) {
            WebDriver d = Chromium.start();
            try {
                d.get(server.uri() + "search/");
                for (String share : shares) {
                    Object got = ((JavascriptExecutor) d).executeAsyncScript(SEARCH,
                            queries.stream().map(SearchBenchmark.Query::text).toList(), Double.parseDouble(share));
                    if (!(got instanceof List<?> lists)) {
                        throw new IllegalStateException(String.valueOf(got));
                    }
                    List<SearchBenchmark.Measure> ms = new ArrayList<>();
                    for (Object ids : lists) {
                        @SuppressWarnings("unchecked")
                        List<String> list = (List<String>) ids;
                        ms.add(new SearchBenchmark.Measure(0, 0, 0, 0, 0, 0, list));
                    }
                    md.append("| ").append(share).append(" |");
                    for (String set : QuerySets.SETS) {
                        md.append(' ').append(SearchBenchmark.quality(set, queries, ms, terms)).append(" |");
                    }
                    md.append('\n');
                }
            } finally {
                d.quit();
            }
        }
        System.out.println(md);
    }
}
