package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import paperbake.model.ArxivId;

/**
 * Up to {@link #LIMIT} related papers per paper, computed once before rendering, MoreLikeThis's
 * way: the paper's {@link #TERMS} most distinctive terms (tf × idf, Lucene's classic idf, over
 * both titles and both TL;DRs; terms only it has, or that a tenth of the archive has, cannot
 * relate it to anything) make the query, and the papers with the largest summed tf × idf of
 * those terms are the answer, down to {@link #MIN_SHARE} of what the paper scores against its own
 * query (cs.CL, 30 topics: with the floor a related paper shares a topic with the paper 43.1% of
 * the time against 36.2% without it; a page shows 2.2 related papers instead of 5, 72% of pages
 * at least one, and the bytes topics and related papers add stay within issue #11's 1 KB a
 * paper: docs/BENCHMARKS.md). Terms, frequencies and postings come from the index in one pass
 * over its terms; the query is then evaluated on those postings in memory, because running it
 * through {@code IndexSearcher} cost about 3 ms a paper on the in-memory index (45 s for
 * cs.CL), and MoreLikeThis itself, over term vectors, 15 ms (docs/BENCHMARKS.md). Abstracts are
 * left out: they bring the terms a paper shares with everything. Ties go to the lower doc
 * number (the newer paper) and term ties to index order, so the result is the same on every
 * run and thread count.
 *
 * @param byPaper for every paper with a related one, the related ids, most related first; never
 *                the paper itself
 */
public record Related(Map<ArxivId, List<ArxivId>> byPaper) {

    public static final int LIMIT = 5;
    static final float MIN_SHARE = 0.18f;
    static final int TERMS = 20;

    static final List<SearchField> FIELDS = List.of(
            SearchField.TITLE_EN, SearchField.TITLE_ZH, SearchField.TLDR_EN, SearchField.TLDR_ZH);

    public static final Related NONE = new Related(Map.of());

    public Related {
        // A HashMap, not Map.copyOf: the immutable map probes linearly by the raw hashCode, and
        // ids of one month hash to neighbouring slots, so every page's lookup walked long runs of
        // other ids (a quarter of building a paper page's view, on the synthetic 90k papers).
        byPaper = Collections.unmodifiableMap(new HashMap<>(byPaper));
    }

    public List<ArxivId> of(ArxivId id) {
        return byPaper.getOrDefault(id, List.of());
    }

    public static Related of(LuceneIndex index) {
        return of(index, LIMIT, MIN_SHARE);
    }

    /**
     * @param limit    at most this many related papers a paper (0: none)
     * @param minShare a candidate must score at least this share of what the paper scores against
     *                 its own query: below it, the two share a word or two, not a subject
     */
    public static Related of(LuceneIndex index, int limit, float minShare) {
        int n = index.papers().size();
        if (limit <= 0) {
            return NONE;
        }
        Weights w;
        try {
            w = Weights.read(index.reader(), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[][] related = new int[n][];
        // Every paper is independent; each worker reuses one score array.
        ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[n]);
        IntStream.range(0, n).parallel().forEach(doc -> related[doc] = w.related(doc, scratch.get(), limit, minShare));
        Map<ArxivId, List<ArxivId>> map = new HashMap<>();
        for (int doc = 0; doc < n; doc++) {
            if (related[doc].length > 0) {
                map.put(index.papers().get(doc).id(),
                        Arrays.stream(related[doc]).mapToObj(d -> index.papers().get(d).id()).toList());
            }
        }
        return new Related(map);
    }

    /** Postings with tf × idf weights: by term (to score) and by doc (to pick a paper's terms). */
    private static final class Weights {
        final List<int[]> termDocs = new ArrayList<>();
        final List<float[]> termWeights = new ArrayList<>();
        final int[][] docTerms;
        final float[][] docWeights;
        final int[] sizes;

        private Weights(int docs) {
            docTerms = new int[docs][];
            docWeights = new float[docs][];
            sizes = new int[docs];
        }

        static Weights read(IndexReader reader, int docs) throws IOException {
            Weights w = new Weights(docs);
            int maxDf = Math.max(2, docs / 10);
            // Each field's terms are read on a core of their own; term ids then run field by
            // field, in the fields' order, whichever finished first.
            List<List<int[]>> fieldDocs = new ArrayList<>();
            List<List<float[]>> fieldWeights = new ArrayList<>();
            for (int f = 0; f < FIELDS.size(); f++) {
                fieldDocs.add(new ArrayList<>());
                fieldWeights.add(new ArrayList<>());
            }
            try {
                IntStream.range(0, FIELDS.size()).parallel().forEach(f -> {
                    try {
                        readField(reader, FIELDS.get(f), docs, maxDf, fieldDocs.get(f), fieldWeights.get(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (int f = 0; f < FIELDS.size(); f++) {
                w.termDocs.addAll(fieldDocs.get(f));
                w.termWeights.addAll(fieldWeights.get(f));
            }
            w.byDoc();
            return w;
        }

        private static void readField(IndexReader reader, SearchField f, int docs, int maxDf,
                                      List<int[]> termDocs, List<float[]> termWeights) throws IOException {
            // merged over the index's slices: global doc freqs and doc numbers
            Terms terms = MultiTerms.getTerms(reader, f.name);
            if (terms == null) {
                return;
            }
            TermsEnum te = terms.iterator();
            PostingsEnum pe = null;
            for (BytesRef bytes = te.next(); bytes != null; bytes = te.next()) {
                int df = te.docFreq();
                if (df < 2 || df > maxDf) {
                    continue;
                }
                float idf = (float) (Math.log((docs + 1) / (double) (df + 1)) + 1);
                int[] ds = new int[df];
                float[] ws = new float[df];
                int k = 0;
                pe = te.postings(pe, PostingsEnum.FREQS);
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    ds[k] = d;
                    ws[k++] = pe.freq() * idf;
                }
                termDocs.add(ds);
                termWeights.add(ws);
            }
        }

        /**
         * Each doc's terms, in term id order, with their weights: counted first, so every doc's
         * arrays are allocated once at their size, then filled by a few workers, each for a range
         * of docs (a term's docs are ascending, so each finds its range's part by binary search).
         */
        private void byDoc() {
            for (int[] ds : termDocs) {
                for (int d : ds) {
                    sizes[d]++;
                }
            }
            for (int d = 0; d < sizes.length; d++) {
                if (sizes[d] > 0) {
                    docTerms[d] = new int[sizes[d]];
                    docWeights[d] = new float[sizes[d]];
                }
            }
            int parts = 4;
            int n = sizes.length;
            IntStream.range(0, parts).parallel().forEach(part -> {
                int lo = (int) ((long) n * part / parts);
                int hi = (int) ((long) n * (part + 1) / parts);
                int[] filled = new int[hi - lo];
                for (int t = 0; t < termDocs.size(); t++) {
                    int[] ds = termDocs.get(t);
                    float[] ws = termWeights.get(t);
                    int i = Arrays.binarySearch(ds, lo);
                    for (i = i < 0 ? -i - 1 : i; i < ds.length && ds[i] < hi; i++) {
                        int d = ds[i];
                        int at = filled[d - lo]++;
                        docTerms[d][at] = t;
                        docWeights[d][at] = ws[i];
                    }
                }
            });
        }

        /** The doc's {@code k} best terms, best first; equal weights in index order. */
        int[] best(int doc, int k) {
            int size = sizes[doc];
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int s = Float.compare(docWeights[doc][b], docWeights[doc][a]);
                return s != 0 ? s : Integer.compare(docTerms[doc][a], docTerms[doc][b]);
            });
            int[] out = new int[Math.min(k, size)];
            for (int i = 0; i < out.length; i++) {
                out[i] = docTerms[doc][order[i]];
            }
            return out;
        }

        /** The top papers by summed weight of {@code doc}'s best terms; {@code score} is all zeros. */
        int[] related(int doc, float[] score, int limit, float minShare) {
            int[] query = best(doc, TERMS);
            int[] touched = new int[64];
            int count = 0;
            float self = 0;
            for (int t : query) {
                int[] ds = termDocs.get(t);
                float[] ws = termWeights.get(t);
                for (int i = 0; i < ds.length; i++) {
                    int d = ds[i];
                    if (d == doc) {
                        self += ws[i];
                        continue;
                    }
                    if (score[d] == 0) {
                        if (count == touched.length) {
                            touched = Arrays.copyOf(touched, count * 2);
                        }
                        touched[count++] = d;
                    }
                    score[d] += ws[i];
                }
            }
            // Summed in query-term order every time, so equal inputs give bit-equal scores.
            int[] top = new int[Math.min(limit, count)];
            int filled = 0;
            float floor = self * minShare;
            for (int i = 0; i < count; i++) {
                int d = touched[i];
                if (score[d] < floor) {
                    continue;
                }
                int at = filled;
                while (at > 0 && better(d, top[at - 1], score)) {
                    at--;
                }
                if (at < top.length) {
                    System.arraycopy(top, at, top, at + 1, Math.min(filled, top.length - 1) - at);
                    top[at] = d;
                    filled = Math.min(filled + 1, top.length);
                }
            }
            for (int i = 0; i < count; i++) {
                score[touched[i]] = 0;
            }
            return Arrays.copyOf(top, filled);
        }

        private static boolean better(int a, int b, float[] score) {
            return score[a] > score[b] || score[a] == score[b] && a < b;
        }
    }
}
