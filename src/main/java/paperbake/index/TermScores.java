package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Every term's contribution to every document's score, as Lucene computes it.
 *
 * <p>For each (field, term) this builds the same {@link Similarity.SimScorer} a boosted
 * {@code TermQuery} would build (same collection and term statistics, same boost) and scores
 * each posting through {@link LeafSimScorer}, i.e. through Lucene's own BM25 code. The
 * per-field floats of one term are then added in double precision: BM25 clause scores span a
 * few binary orders of magnitude at most, so a double sum of them is exact, order-free, and a
 * client can add those partial sums again and round to float once — which is exactly what a
 * flat Lucene disjunction does.
 */
public final class TermScores {

    /** One term's postings, ordered by score descending then doc ascending. */
    public record Postings(String term, int[] docs, double[] scores) {
        public int df() {
            return docs.length;
        }
    }

    private TermScores() {}

    /** All terms, sorted by {@link String#compareTo} (UTF-16 order, as JavaScript compares strings). */
    public static List<Postings> compute(LuceneIndex index) {
        IndexSearcher searcher = index.searcher();
        Similarity sim = searcher.getSimilarity();
        Map<String, Acc> byTerm = new HashMap<>();
        try {
            if (index.reader().leaves().size() != 1) {
                throw new IllegalStateException("expected one segment");
            }
            LeafReader leaf = index.reader().leaves().get(0).reader();
            PostingsEnum pe = null;
            for (SearchField f : SearchField.values()) {
                Terms terms = leaf.terms(f.name);
                if (terms == null) {
                    continue;
                }
                CollectionStatistics cs = searcher.collectionStatistics(f.name);
                TermsEnum te = terms.iterator();
                for (BytesRef b = te.next(); b != null; b = te.next()) {
                    TermStatistics ts = searcher.termStatistics(new Term(f.name, BytesRef.deepCopyOf(b)),
                            te.docFreq(), te.totalTermFreq());
                    LeafSimScorer scorer = new LeafSimScorer(sim.scorer(f.boost, cs, ts), leaf, f.name, true);
                    Acc acc = byTerm.computeIfAbsent(b.utf8ToString(), k -> new Acc());
                    pe = te.postings(pe, PostingsEnum.FREQS);
                    for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                        acc.add(d, scorer.score(d, pe.freq()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> keys = new ArrayList<>(byTerm.keySet());
        keys.sort(null);
        List<Postings> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(byTerm.get(k).finish(k));
        }
        return out;
    }

    private static final class Acc {
        int n;
        int[] docs = new int[4];
        double[] scores = new double[4];

        void add(int doc, float score) {
            if (n == docs.length) {
                docs = Arrays.copyOf(docs, n * 2);
                scores = Arrays.copyOf(scores, n * 2);
            }
            docs[n] = doc;
            scores[n++] = score;
        }

        Postings finish(String term) {
            // Sum the fields of each doc: sort by doc, then fold equal neighbours.
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = ((long) docs[i] << 32) | i;
            }
            Arrays.sort(keyed);
            int[] d = new int[n];
            double[] s = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int doc = (int) (keyed[i] >>> 32);
                int idx = (int) keyed[i];
                if (m > 0 && d[m - 1] == doc) {
                    s[m - 1] += scores[idx];
                } else {
                    d[m] = doc;
                    s[m++] = scores[idx];
                }
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(d[a], d[b]));
            int[] od = new int[m];
            double[] os = new double[m];
            for (int i = 0; i < m; i++) {
                od[i] = d[order[i]];
                os[i] = s[order[i]];
            }
            return new Postings(term, od, os);
        }
    }
}
