package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import paperbake.search.SharedSite;
import paperbake.testing.Chromium;

/**
 * The postings encoding ({@link TermsWriter#postings}: each score as a shifted difference of IEEE
 * bits) read back by the browser's decoder ({@code search-format.js}), score for score as doubles,
 * on the cases the shared site may not hold: sums of float32s of several magnitudes, a difference
 * too large for a varint the client reads exactly (the escape), full-mantissa doubles (shift 0),
 * ties, a single group, and a deeper tier whose first score is its bound.
 */
class PostingsFormatTest {

    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        SharedSite site = SharedSite.get();
        browser = Chromium.start();
        browser.get(site.url("/search/"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBrowserDecodesEveryScoreAndDocExactly() {
        Random r = new Random(42);
        List<double[]> cases = new ArrayList<>();
        cases.add(new double[] {3.25}); // one group
        cases.add(new double[] {2.0, 2.0, 2.0, 1.5, 1.5}); // ties
        cases.add(new double[] {1e6, 3.0e-3, 1e-300}); // differences of 2^50 and more: escaped
        double[] sums = new double[500]; // what TermScores makes: double sums of float32 field scores
        for (int i = 0; i < sums.length; i++) {
            sums[i] = (double) (float) (r.nextDouble() * 8) + (r.nextInt(3) == 0 ? (double) (float) (r.nextDouble() * 0.01) : 0);
        }
        cases.add(sums);
        double[] full = new double[300]; // full mantissas: shift 0
        for (int i = 0; i < full.length; i++) {
            full[i] = Math.scalb(r.nextDouble() + 1, r.nextInt(20) - 10);
        }
        cases.add(full);
        List<String> encoded = new ArrayList<>();
        List<TermScores.Postings> postings = new ArrayList<>();
        for (double[] c : cases) {
            double[] scores = c.clone();
            Arrays.sort(scores);
            for (int i = 0; i < scores.length / 2; i++) { // descending
                double t = scores[i];
                scores[i] = scores[scores.length - 1 - i];
                scores[scores.length - 1 - i] = t;
            }
            int[] docs = new int[scores.length];
            for (int i = 0; i < docs.length; i++) { // ascending within a group of equal scores
                docs[i] = i > 0 && scores[i] == scores[i - 1] ? docs[i - 1] + 1 + r.nextInt(50) : r.nextInt(100_000);
            }
            TermScores.Postings p = new TermScores.Postings("t", docs, scores);
            postings.add(p);
            encoded.add(Base64.getEncoder().encodeToString(TermsWriter.postings(p, 0, docs.length, false).toByteArray()));
            // a deeper tier: from the second posting on, its first score given by the shard's bound
            postings.add(new TermScores.Postings("t", Arrays.copyOfRange(docs, 1, docs.length),
                    Arrays.copyOfRange(scores, 1, scores.length)));
            encoded.add(scores.length > 1
                    ? Base64.getEncoder().encodeToString(TermsWriter.postings(p, 1, docs.length, true).toByteArray()) : null);
        }
        Object got = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const dec = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));"
                        + "import('/js/search-format.js').then((m) => done(arguments[0].map((s, i) => {"
                        + "  if (s === null) return null;"
                        + "  const first = i % 2 === 1 ? arguments[1][i] : undefined;"
                        + "  const p = i % 2 === 1 ? m.parsePostings(dec(s), first) : new m.Reader(dec(s)).postings();"
                        + "  return { docs: p.docs, scores: p.scores.map((x) => x.toString()) };"
                        + "}))).catch((e) => done('ERROR ' + e));",
                encoded, postings.stream().map(p -> p.df() > 0 ? p.scores()[0] : 0.0).toList());
        assertThat(got).isInstanceOf(List.class);
        List<?> actual = (List<?>) got;
        int checked = 0;
        for (int i = 0; i < encoded.size(); i++) {
            if (encoded.get(i) == null) {
                continue;
            }
            TermScores.Postings want = postings.get(i);
            Map<?, ?> p = (Map<?, ?>) actual.get(i);
            List<?> docs = (List<?>) p.get("docs");
            List<?> scores = (List<?>) p.get("scores");
            assertThat(docs).as("case %d", i).hasSize(want.df());
            for (int k = 0; k < want.df(); k++) {
                assertThat(((Number) docs.get(k)).intValue()).as("case %d doc %d", i, k).isEqualTo(want.docs()[k]);
                // JavaScript's shortest round-trip digits parse back to the same double
                assertThat(Double.parseDouble((String) scores.get(k))).as("case %d score %d", i, k).isEqualTo(want.scores()[k]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_500);
    }
}
