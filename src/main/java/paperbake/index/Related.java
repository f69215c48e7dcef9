package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import paperbake.model.ArxivId;

/**
 * Up to {@link #LIMIT} related papers per paper, computed once before rendering. The query is
 * MoreLikeThis's: the paper's {@link #TERMS} most distinctive terms (tf × idf over the archive,
 * skipping terms only it has or that a tenth of the archive has) in both titles and both
 * TL;DRs, OR-ed and ranked by BM25 over the same fields. The terms are read from the inverted
 * index in one pass, not from term vectors: MoreLikeThis itself, over term vectors, took 15 ms a
 * paper (a compressed vector chunk inflated per lookup); this is the same query at a fraction of
 * the cost (docs/BENCHMARKS.md). Abstracts are left out: they bring the terms a paper shares
 * with everything. Ties go to the lower doc number (the newer paper), and term ties to index
 * order, so the result is the same on every run and thread count.
 *
 * @param byPaper for every paper with a related one, the related ids, most related first; never
 *                the paper itself
 */
public record Related(Map<ArxivId, List<ArxivId>> byPaper) {

    public static final int LIMIT = 5;
    static final int TERMS = 20;

    static final List<SearchField> FIELDS = List.of(
            SearchField.TITLE_EN, SearchField.TITLE_ZH, SearchField.TLDR_EN, SearchField.TLDR_ZH);

    public static final Related NONE = new Related(Map.of());

    public Related {
        byPaper = Map.copyOf(byPaper);
    }

    public List<ArxivId> of(ArxivId id) {
        return byPaper.getOrDefault(id, List.of());
    }

    public static Related of(LuceneIndex index) {
        int n = index.papers().size();
        Candidates candidates;
        try {
            candidates = Candidates.read(index.reader(), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        List<ArxivId>[] out = new List[n];
        // Every paper's query is independent; the searcher is thread-safe.
        IntStream.range(0, n).parallel().forEach(doc -> out[doc] = related(index, candidates, doc));
        Map<ArxivId, List<ArxivId>> map = new TreeMap<>();
        for (int doc = 0; doc < n; doc++) {
            if (!out[doc].isEmpty()) {
                map.put(index.papers().get(doc).id(), out[doc]);
            }
        }
        return new Related(map);
    }

    private static List<ArxivId> related(LuceneIndex index, Candidates c, int doc) {
        int[] best = c.best(doc, TERMS);
        if (best.length == 0) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int t : best) {
            b.add(new TermQuery(c.terms.get(t)), BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = index.searcher().search(b.build(), LIMIT + 1);
            List<ArxivId> ids = new ArrayList<>(LIMIT);
            for (ScoreDoc sd : top.scoreDocs) {
                if (sd.doc != doc && ids.size() < LIMIT) {
                    ids.add(index.papers().get(sd.doc).id());
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per paper, its candidate terms (ids into {@code terms}) with their tf × idf. */
    private static final class Candidates {
        final List<Term> terms = new ArrayList<>();
        final int[][] ids;
        final float[][] scores;
        final int[] sizes;

        private Candidates(int docs) {
            ids = new int[docs][];
            scores = new float[docs][];
            sizes = new int[docs];
        }

        static Candidates read(IndexReader reader, int docs) throws IOException {
            Candidates c = new Candidates(docs);
            int maxDf = Math.max(2, docs / 10);
            for (SearchField f : FIELDS) {
                // merged over the index's slices: global doc freqs and doc numbers
                Terms terms = MultiTerms.getTerms(reader, f.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (BytesRef bytes = te.next(); bytes != null; bytes = te.next()) {
                    int df = te.docFreq();
                    if (df < 2 || df > maxDf) {
                        continue;
                    }
                    // ClassicSimilarity's idf, as MoreLikeThis scores its terms
                    float idf = (float) (Math.log((docs + 1) / (double) (df + 1)) + 1);
                    int id = c.terms.size();
                    c.terms.add(new Term(f.name, BytesRef.deepCopyOf(bytes)));
                    pe = te.postings(pe, PostingsEnum.FREQS);
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        c.add(d, id, pe.freq() * idf);
                    }
                }
            }
            return c;
        }

        private void add(int doc, int term, float score) {
            if (ids[doc] == null) {
                ids[doc] = new int[16];
                scores[doc] = new float[16];
            } else if (sizes[doc] == ids[doc].length) {
                ids[doc] = Arrays.copyOf(ids[doc], sizes[doc] * 2);
                scores[doc] = Arrays.copyOf(scores[doc], sizes[doc] * 2);
            }
            ids[doc][sizes[doc]] = term;
            scores[doc][sizes[doc]++] = score;
        }

        /** The doc's {@code k} best terms, best first; equal scores in index order. */
        int[] best(int doc, int k) {
            int size = sizes[doc];
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int s = Float.compare(scores[doc][b], scores[doc][a]);
                return s != 0 ? s : Integer.compare(ids[doc][a], ids[doc][b]);
            });
            int[] out = new int[Math.min(k, size)];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids[doc][order[i]];
            }
            return out;
        }
    }
}
