package paperbake.bench;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;

/**
 * What a search's result data costs the page, away from the engine: on the search page of a
 * built site, 12 rounds of 10 result files ({@code r/<n>.json}, the number a query shows) fetched
 * at once as {@code search-fetch.js} fetches them (or FILES of them), each round printing when
 * each file had been parsed, in ms after the round started.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) paperbake.bench.FetchProbe SITE_DIR [FILES]
 * </pre>
 */
public final class FetchProbe {

    private FetchProbe() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (StaticServer server = StaticServer.start(Path.of(args[0]), 0)) {
            ChromeDriver browser = Chromium.start();
            try {
                browser.get(server.uri() + "search/");
                Thread.sleep(1500); // the page's own requests done
                for (int round = 0; round < 12; round++) {
                    Object times = browser.executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            const first = arguments[0];
                            const t0 = performance.now();
                            const files = [];
                            for (let i = 0; i < arguments[1]; i++) {
                              files.push(fetch(`r/${first + i * 37}.json`, { cache: 'no-store' })
                                .then((r) => r.json()).then(() => performance.now() - t0));
                            }
                            Promise.all(files).then((ts) => done(ts.map((t) => t.toFixed(1)).join(' ')));""",
                            100 + round * 400, files);
                    System.out.println(times);
                }
            } finally {
                browser.quit();
            }
        }
    }
}
