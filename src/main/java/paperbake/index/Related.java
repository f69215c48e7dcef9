package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import paperbake.model.ArxivId;

/**
 * Up to {@link #LIMIT} related papers per paper, computed once before rendering with Lucene's
 * {@link MoreLikeThis}: the paper's most distinctive terms (tf-idf over the archive) in both
 * titles and both TL;DRs, as one query over the same fields. Abstracts are left out: they make
 * the terms a paper shares with everything ("model", "模型") and cost most of the time (see
 * docs/BENCHMARKS.md for the measurement behind this). Ties go to the lower doc number, i.e. the
 * newer paper, so the result is the same on every run and thread count.
 *
 * @param byPaper for every paper with a related one, the related ids, most related first; never
 *                the paper itself
 */
public record Related(Map<ArxivId, List<ArxivId>> byPaper) {

    public static final int LIMIT = 5;

    static final Set<SearchField> FIELDS = Set.of(
            SearchField.TITLE_EN, SearchField.TITLE_ZH, SearchField.TLDR_EN, SearchField.TLDR_ZH);

    public static final Related NONE = new Related(Map.of());

    public Related {
        byPaper = Map.copyOf(byPaper);
    }

    public List<ArxivId> of(ArxivId id) {
        return byPaper.getOrDefault(id, List.of());
    }

    public static Related of(LuceneIndex index) {
        String[] fields = FIELDS.stream().map(f -> f.name).sorted().toArray(String[]::new);
        int n = index.papers().size();
        @SuppressWarnings("unchecked")
        List<ArxivId>[] out = new List[n];
        // Every paper's query is independent; the searcher is thread-safe.
        IntStream.range(0, n).parallel().forEach(doc -> out[doc] = related(index, fields, doc));
        Map<ArxivId, List<ArxivId>> map = new TreeMap<>();
        for (int doc = 0; doc < n; doc++) {
            if (!out[doc].isEmpty()) {
                map.put(index.papers().get(doc).id(), out[doc]);
            }
        }
        return new Related(map);
    }

    private static List<ArxivId> related(LuceneIndex index, String[] fields, int doc) {
        try {
            MoreLikeThis mlt = new MoreLikeThis(index.reader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(fields);
            mlt.setMinTermFreq(1);    // titles and TL;DRs are short: a term said once is the norm
            mlt.setMinDocFreq(2);     // a term no other paper has cannot relate it to anything
            mlt.setMaxDocFreqPct(10); // nor can one that a tenth of the archive has
            mlt.setMaxQueryTerms(20);
            Query q = mlt.like(doc);
            TopDocs top = index.searcher().search(q, LIMIT + 1);
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
}
