package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

        public DictionaryTerm dictionaryTerm() {
            return new DictionaryTerm(term, docs.length);
        }
    }

    /** A dictionary term and the number of papers that have it. */
    public record DictionaryTerm(String term, int df) {}

    /** One field's postings of one term, docs ascending. */
    private record FieldPostings(String term, int[] docs, float[] scores) {}

    /**
     * Where the dictionary is cut into batches, as the code point a batch's terms start at (each
     * batch runs to the next; the first from the very first term): digits and other ASCII, each Latin letter, the CJK symbols, the
     * unified ideographs in 24 equal ranges, the rest of the BMP, and last everything from
     * U+E000 and the supplementary planes. Every cut is a single BMP character below the
     * surrogates, so a batch is a range in Lucene's UTF-8 order and in UTF-16 order alike
     * (they differ only between U+E000 and the supplementary planes, which share the last batch,
     * sorted as a whole). Any cuts give the same output; these keep the largest batch to a few
     * percent of the postings.
     */
    static final int[] CUTS = cuts();

    private static int[] cuts() {
        List<Integer> c = new ArrayList<>(List.of(0, (int) '0'));
        for (char l = 'a'; l <= 'z'; l++) {
            c.add((int) l);
        }
        c.add(0x3000);
        for (int i = 0; i < 24; i++) {
            c.add(0x4E00 + i * (0xA000 - 0x4E00) / 24);
        }
        c.add(0xA000);
        c.add(0xE000);
        return c.stream().mapToInt(Integer::intValue).toArray();
    }

    private TermScores() {}

    /** All terms at once, in the order of {@link #compute(LuceneIndex, Consumer)}. */
    public static List<Postings> compute(LuceneIndex index) {
        List<Postings> all = new ArrayList<>();
        compute(index, all::addAll);
        return all;
    }

    /**
     * All terms, sorted by {@link String#compareTo} (UTF-16 order, as JavaScript compares strings),
     * handed to {@code sink} a batch of consecutive terms at a time ({@link #CUTS}): a batch is
     * read only once the one before it was read, and merged while the next is read, so the build
     * holds two batches' postings rather than all of them (~300 MB of scores on the synthetic 90k
     * papers, the build's memory peak: docs/BENCHMARKS.md, "Build").
     */
    public static void compute(LuceneIndex index, Consumer<List<Postings>> sink) {
        int threads = Math.max(1, Math.min(SearchField.values().length, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<FieldScorer> fields = new ArrayList<>();
            for (SearchField f : SearchField.values()) {
                fields.add(new FieldScorer(index, f));
            }
            // The next batch is read while this one is merged and handed on: two batches at most
            // are held, and the cores are kept busy across the steps of one.
            List<Future<List<FieldPostings>>> next = read(pool, fields, 0);
            for (int b = 0; b < CUTS.length; b++) {
                List<List<FieldPostings>> batch = new ArrayList<>();
                for (Future<List<FieldPostings>> r : next) {
                    batch.add(r.get());
                }
                next = b + 1 < CUTS.length ? read(pool, fields, b + 1) : List.of();
                List<Postings> merged = merge(batch);
                if (!merged.isEmpty()) {
                    sink.accept(merged);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // A failed merge or sink leaves the next batch being read: it must not outlive this
            // call, since the index it reads is closed once the export returns.
            pool.shutdownNow();
            awaitReads(pool);
        }
    }

    private static void awaitReads(ExecutorService pool) {
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS); // one field's batch: seconds at most
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts reading batch {@code b} of every field; a field's batches are read one after another. */
    private static List<Future<List<FieldPostings>>> read(ExecutorService pool, List<FieldScorer> fields, int b) {
        BytesRef from = cut(b);
        BytesRef to = b + 1 < CUTS.length ? cut(b + 1) : null;
        List<Future<List<FieldPostings>>> out = new ArrayList<>();
        for (FieldScorer f : fields) {
            out.add(pool.submit(() -> f.range(from, to)));
        }
        return out;
    }

    private static BytesRef cut(int b) {
        return b == 0 ? new BytesRef() : new BytesRef(new String(Character.toChars(CUTS[b])));
    }

    /**
     * One field's scoring, batch after batch: its norms and statistics are read once, and a
     * batch is read only once its previous one was taken (a future's get, then the next submit, order them).
     */
    private static final class FieldScorer {
        private final IndexSearcher searcher;
        private final SearchField field;
        private final Terms terms;
        private final long[] norms;
        private final CollectionStatistics cs;
        private final int[] docs;
        private final float[] scores;
        // A SimScorer depends on the term only through its statistics, and most terms share a
        // handful of (docFreq, totalTermFreq) pairs: reuse Lucene's scorer for equal statistics
        // instead of rebuilding its 256-entry norm cache for each of ~10^5 terms.
        private final Map<Long, Similarity.SimScorer> byStats = new HashMap<>();
        private PostingsEnum pe;

        FieldScorer(LuceneIndex index, SearchField field) throws IOException {
            this.searcher = index.searcher();
            this.field = field;
            IndexReader reader = index.reader();
            this.terms = MultiTerms.getTerms(reader, field.name);
            this.norms = terms == null ? null : norms(reader, field.name);
            this.cs = terms == null ? null : searcher.collectionStatistics(field.name);
            this.docs = new int[terms == null ? 0 : reader.maxDoc()];
            this.scores = new float[docs.length];
        }

        /** The field's terms in [from, to) (UTF-8 order; {@code to} null: to the end), sorted in UTF-16 order. */
        List<FieldPostings> range(BytesRef from, BytesRef to) throws IOException {
            List<FieldPostings> out = new ArrayList<>();
            if (terms == null) {
                return out;
            }
            Similarity sim = searcher.getSimilarity();
            TermsEnum te = terms.iterator();
            if (te.seekCeil(from) == TermsEnum.SeekStatus.END) {
                return out;
            }
            for (BytesRef b = te.term(); b != null && (to == null || b.compareTo(to) < 0); b = te.next()) {
                int docFreq = te.docFreq();
                long ttf = te.totalTermFreq();
                Similarity.SimScorer scorer = ttf < (1L << 32) ? byStats.get(((long) docFreq << 32) | ttf) : null;
                if (scorer == null) {
                    TermStatistics ts = searcher.termStatistics(new Term(field.name, BytesRef.deepCopyOf(b)), docFreq, ttf);
                    scorer = sim.scorer(field.boost, cs, ts);
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
            out[i] = combine(g[0].term(), g);
        });
        return Arrays.asList(out);
    }

    private static Postings combine(String term, FieldPostings[] parts) {
        // Arrays rather than lists, and one field (most terms) without a merge: under the README's
        // C1-only JIT a List's get is a call that is not inlined, and this loop sees every posting.
        int m;
        int[] docs;
        double[] sums;
        if (parts.length == 1) {
            docs = parts[0].docs();
            float[] s = parts[0].scores();
            m = docs.length;
            sums = new double[m];
            for (int i = 0; i < m; i++) {
                sums[i] = s[i]; // 0.0 + s[i], as the merge below sums it
            }
        } else {
            // Merge the fields' doc-ascending lists, adding the scores of a doc that several have.
            int k = parts.length;
            int[][] pd = new int[k][];
            float[][] ps = new float[k][];
            int total = 0;
            for (int pi = 0; pi < k; pi++) {
                pd[pi] = parts[pi].docs();
                ps[pi] = parts[pi].scores();
                total += pd[pi].length;
            }
            docs = new int[total];
            sums = new double[total];
            int[] at = new int[k];
            m = 0;
            while (true) {
                int doc = Integer.MAX_VALUE;
                for (int pi = 0; pi < k; pi++) {
                    if (at[pi] < pd[pi].length && pd[pi][at[pi]] < doc) {
                        doc = pd[pi][at[pi]];
                    }
                }
                if (doc == Integer.MAX_VALUE) {
                    break;
                }
                // Fields in a fixed order, so the sum is the same whatever the threads did.
                double sum = 0;
                for (int pi = 0; pi < k; pi++) {
                    if (at[pi] < pd[pi].length && pd[pi][at[pi]] == doc) {
                        sum += ps[pi][at[pi]++];
                    }
                }
                docs[m] = doc;
                sums[m++] = sum;
            }
        }
        // Order by score descending, then doc: the docs are ascending, so a stable sort by score.
        int[] order = byScoreDescending(sums, m);
        int[] od = new int[m];
        double[] os = new double[m];
        for (int i = 0; i < m; i++) {
            od[i] = docs[order[i]];
            os[i] = sums[order[i]];
        }
        return new Postings(term, od, os);
    }

    /**
     * The indexes {@code 0..m-1} ordered by {@code key} descending, equal keys in index order: a
     * stable merge sort of the permutation (runs of 16 by insertion first). Half the time of
     * sorting the keys and finding each one's rank by binary search, under C1.
     */
    static int[] byScoreDescending(double[] key, int m) {
        int[] a = new int[m];
        for (int i = 0; i < m; i++) {
            a[i] = i;
        }
        final int run = 16;
        for (int lo = 0; lo < m; lo += run) {
            int hi = Math.min(lo + run, m);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                double kv = key[v];
                int j = i - 1;
                while (j >= lo && key[a[j]] < kv) { // strictly less: an equal key stays ahead
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        int[] b = new int[m];
        for (int width = run; width < m; width *= 2) {
            for (int lo = 0; lo < m; lo += 2 * width) {
                int mid = Math.min(lo + width, m);
                int hi = Math.min(lo + 2 * width, m);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    b[o++] = key[a[j]] > key[a[i]] ? a[j++] : a[i++]; // the left run wins ties
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (j < hi) {
                    b[o++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
