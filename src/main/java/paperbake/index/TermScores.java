package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Every term's contribution to every document's score, as Lucene computes it.
 *
 * <p>For each (field, term) this asks the searcher's {@link Similarity} for the same
 * {@link Similarity.SimScorer} a boosted {@code TermQuery} gets (same index-wide collection and
 * term statistics, same boost) and scores each posting with it, passing the document's norm the
 * way {@code LeafSimScorer} does — i.e. Lucene's own BM25 code computes every number. The
 * per-field floats of one term are then added in double precision: BM25 clause scores span a
 * few binary orders of magnitude at most, so a double sum of floats is exact and order-free,
 * and a client can add those partial sums again and round to float once — exactly what a flat
 * Lucene disjunction does.
 */
public final class TermScores {

    /** One term's postings, ordered by score descending then doc ascending. */
    public record Postings(String term, int[] docs, double[] scores) {
        public int df() {
            return docs.length;
        }
    }

    /** One field's postings of one term, docs ascending. */
    private record FieldPostings(String term, int[] docs, float[] scores) {}

    private TermScores() {}

    /** All terms, sorted by {@link String#compareTo} (UTF-16 order, as JavaScript compares strings). */
    public static List<Postings> compute(LuceneIndex index) {
        int threads = Math.max(1, Math.min(SearchField.values().length, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<FieldPostings>>> jobs = new ArrayList<>();
            for (SearchField f : SearchField.values()) {
                jobs.add(() -> field(index, f));
            }
            List<List<FieldPostings>> fields = new ArrayList<>();
            for (Future<List<FieldPostings>> r : pool.invokeAll(jobs)) {
                fields.add(r.get());
            }
            return merge(fields);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static List<FieldPostings> field(LuceneIndex index, SearchField f) throws IOException {
        IndexSearcher searcher = index.searcher();
        IndexReader reader = index.reader();
        Similarity sim = searcher.getSimilarity();
        List<FieldPostings> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, f.name);
        if (terms == null) {
            return out;
        }
        long[] norms = norms(reader, f.name);
        CollectionStatistics cs = searcher.collectionStatistics(f.name);
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        int[] docs = new int[reader.maxDoc()];
        float[] scores = new float[reader.maxDoc()];
        // A SimScorer depends on the term only through its statistics, and most terms share a
        // handful of (docFreq, totalTermFreq) pairs: reuse Lucene's scorer for equal statistics
        // instead of rebuilding its 256-entry norm cache for each of ~10^5 terms.
        Map<Long, Similarity.SimScorer> byStats = new HashMap<>();
        for (BytesRef b = te.next(); b != null; b = te.next()) {
            int docFreq = te.docFreq();
            long ttf = te.totalTermFreq();
            Similarity.SimScorer scorer = ttf < (1L << 32) ? byStats.get(((long) docFreq << 32) | ttf) : null;
            if (scorer == null) {
                TermStatistics ts = searcher.termStatistics(new Term(f.name, BytesRef.deepCopyOf(b)), docFreq, ttf);
                scorer = sim.scorer(f.boost, cs, ts);
                if (ttf < (1L << 32)) {
                    byStats.put(((long) docFreq << 32) | ttf, scorer);
                }
            }
            pe = te.postings(pe, PostingsEnum.FREQS);
            int n = 0;
            for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                docs[n] = d;
                scores[n++] = scorer.score(pe.freq(), norms[d]);
            }
            out.add(new FieldPostings(b.utf8ToString(), Arrays.copyOf(docs, n), Arrays.copyOf(scores, n)));
        }
        // TermsEnum order is UTF-8 byte order; the index is ordered as JavaScript compares strings.
        out.sort((x, y) -> x.term().compareTo(y.term()));
        return out;
    }

    /** Norm per doc as LeafSimScorer reads it: the stored value, or 1 when the doc has none. */
    private static long[] norms(IndexReader reader, String field) throws IOException {
        long[] out = new long[reader.maxDoc()];
        Arrays.fill(out, 1L);
        NumericDocValues nv = MultiDocValues.getNormValues(reader, field);
        if (nv != null) {
            for (int d = nv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = nv.nextDoc()) {
                out[d] = nv.longValue();
            }
        }
        return out;
    }

    /**
     * k-way merge of the fields' sorted term lists; a term's field scores are summed per doc.
     * The terms are grouped first, then combined in parallel (each into its own slot, so the order
     * is the terms' whatever the threads); each group is dropped once combined, so the fields'
     * postings and the merged ones are not all held at once (the search stage was the build's
     * memory peak: docs/BENCHMARKS.md, "Build").
     */
    private static List<Postings> merge(List<List<FieldPostings>> fields) {
        int k = fields.size();
        int[] pos = new int[k];
        List<FieldPostings[]> groups = new ArrayList<>();
        List<FieldPostings> same = new ArrayList<>(k);
        while (true) {
            String min = null;
            for (int i = 0; i < k; i++) {
                if (pos[i] < fields.get(i).size()) {
                    String t = fields.get(i).get(pos[i]).term();
                    if (min == null || t.compareTo(min) < 0) {
                        min = t;
                    }
                }
            }
            if (min == null) {
                break;
            }
            same.clear();
            for (int i = 0; i < k; i++) {
                if (pos[i] < fields.get(i).size() && fields.get(i).get(pos[i]).term().equals(min)) {
                    same.add(fields.get(i).set(pos[i]++, null));
                }
            }
            groups.add(same.toArray(new FieldPostings[0]));
        }
        Postings[] out = new Postings[groups.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            FieldPostings[] g = groups.get(i);
            groups.set(i, null);
            out[i] = combine(g[0].term(), Arrays.asList(g));
        });
        return Arrays.asList(out);
    }

    private static Postings combine(String term, List<FieldPostings> parts) {
        int total = 0;
        for (FieldPostings p : parts) {
            total += p.docs().length;
        }
        long[] byDoc = new long[total];
        int n = 0;
        for (int pi = 0; pi < parts.size(); pi++) {
            int[] d = parts.get(pi).docs();
            for (int i = 0; i < d.length; i++) {
                byDoc[n++] = ((long) d[i] << 32) | ((long) pi << 24) | i;
            }
        }
        Arrays.sort(byDoc);
        int[] docs = new int[total];
        double[] sums = new double[total];
        int m = 0;
        for (long key : byDoc) {
            int doc = (int) (key >>> 32);
            int pi = (int) ((key >>> 24) & 0xFF);
            int i = (int) (key & 0xFFFFFF);
            double s = parts.get(pi).scores()[i];
            if (m > 0 && docs[m - 1] == doc) {
                sums[m - 1] += s;
            } else {
                docs[m] = doc;
                sums[m++] = s;
            }
        }
        // Order by score descending, then doc: rank the distinct scores, sort (rank, doc) keys.
        double[] distinct = Arrays.copyOf(sums, m);
        Arrays.sort(distinct);
        int u = 0;
        for (int i = 0; i < m; i++) {
            if (u == 0 || distinct[i] != distinct[u - 1]) {
                distinct[u++] = distinct[i];
            }
        }
        long[] keys = new long[m];
        for (int i = 0; i < m; i++) {
            int rank = Arrays.binarySearch(distinct, 0, u, sums[i]);
            keys[i] = ((long) (u - 1 - rank) << 32) | docs[i];
        }
        Arrays.sort(keys);
        int[] od = new int[m];
        double[] os = new double[m];
        for (int i = 0; i < m; i++) {
            od[i] = (int) keys[i];
            os[i] = distinct[u - 1 - (int) (keys[i] >>> 32)];
        }
        return new Postings(term, od, os);
    }
}
