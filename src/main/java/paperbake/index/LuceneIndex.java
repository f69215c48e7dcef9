package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import paperbake.model.Archive;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Paper;

/**
 * The archive as an in-memory Lucene index. Document number {@code i} is the
 * {@code i}-th paper of {@link #order}: newest first, so that the exported doc numbers double as
 * a date order and Lucene's tie-break (lower doc number first) means "newer first" too.
 */
public final class LuceneIndex implements AutoCloseable {

    /** Newest latest-listing first, undated last, then by id descending (newer ids first). */
    public static final Comparator<Paper> ORDER = Comparator
            .comparing((Paper p) -> p.latest().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Paper::id, Comparator.reverseOrder());

    static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS);
    private static final FieldType TEXT_WITH_POSITIONS = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private final List<Paper> papers;
    private final PaperAnalyzer analyzer;
    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final boolean positions;

    private LuceneIndex(List<Paper> papers, PaperAnalyzer analyzer, IndexReader reader, boolean positions) {
        this.papers = papers;
        this.analyzer = analyzer;
        this.reader = reader;
        this.positions = positions;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    /** Without positions: what search, related papers and exact-phrase topics need. */
    public static LuceneIndex build(Archive archive) {
        return build(archive, false);
    }

    /**
     * @param positions index term positions: only a topic query that Lucene alone can answer
     *                  (a sloppy phrase, {@link Topics#needsPositions}) needs them. They were over
     *                  a third of the index stage's CPU (docs/BENCHMARKS.md); exact phrases are
     *                  answered without them ({@link PhraseMatches}).
     */
    public static LuceneIndex build(Archive archive, boolean positions) {
        return build(archive, positions, null);
    }

    /** @param cache the slices a build before indexed, or null */
    public static LuceneIndex build(Archive archive, boolean positions, SliceCache cache) {
        return build(archive, positions, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), cache);
    }

    public static LuceneIndex build(Archive archive, int threads) {
        return build(archive, false, threads, null);
    }

    /**
     * Indexes the papers in slices, one per month of latest listing (undated papers last), on
     * {@code threads} threads, each slice inverted into arrays ({@link SliceInverter}) and the
     * slices merged into one segment ({@link InvertedSlice#merge}, read by {@link SliceReader}),
     * or with term positions each through a single-threaded IndexWriter of its own, a segment a
     * slice; read as one {@link MultiReader} in paper order. Doc numbers are therefore the paper order whatever
     * the thread count, and BM25 statistics are index-wide (IndexSearcher adds them up over the
     * slices), so the output depends neither on the machine nor on which slices came from the
     * cache. Months, because a new day then changes one slice, the newest (and those of papers
     * it lists again).
     */
    public static LuceneIndex build(Archive archive, boolean positions, int threads, SliceCache cache) {
        return build(archive, positions, threads, cache, LuceneIndex::byMonth);
    }

    /** @param slicing cuts the papers, in order, into the runs that are indexed one by one */
    static LuceneIndex build(Archive archive, boolean positions, int threads, SliceCache cache,
                             Function<List<Paper>, List<List<Paper>>> slicing) {
        initializeLucene();
        FieldType type = positions ? TEXT_WITH_POSITIONS : TEXT;
        List<Paper> papers = new ArrayList<>(archive.papers().values());
        papers.sort(ORDER);
        PaperAnalyzer analyzer = new PaperAnalyzer();
        Map<DigestId, Digest> digests = new HashMap<>();
        archive.digests().forEach(d -> digests.put(d.id(), d));
        List<Callable<Object>> jobs = new ArrayList<>();
        for (List<Paper> slice : slicing.apply(papers)) {
            jobs.add(positions
                    ? () -> cache == null ? DirectoryReader.open(indexSlice(slice, type)) : cached(slice, type, cache, digests)
                    : () -> cache == null ? invert(slice) : cachedInverted(slice, cache, digests));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, jobs.size())));
        try {
            List<Object> done = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(jobs)) {
                done.add(f.get());
            }
            IndexReader[] readers = positions
                    ? done.toArray(new IndexReader[0])
                    // the inverted slices read as one segment (InvertedSlice.merge), whichever came from the cache
                    : new IndexReader[] {new SliceReader(InvertedSlice.merge(done.stream().map(InvertedSlice.class::cast).toList()))};
            return new LuceneIndex(List.copyOf(papers), analyzer, new MultiReader(readers, true), positions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("indexing failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Initializes Lucene's IndexWriter on this thread, before the slices' threads start. Lucene
     * 9's IndexWriter, ConcurrentMergeScheduler and SegmentReader each register with
     * {@code TestSecrets} in their static initializers while {@code TestSecrets} initializes all
     * of them in its own (apache/lucene#12419): a rebuild, where one thread reads a cached slice
     * (DirectoryReader.open: IndexWriter first) while another indexes one (IndexWriterConfig:
     * ConcurrentMergeScheduler first), hung forever in class initialization. Initialized here,
     * the cycle runs on one thread.
     */
    private static void initializeLucene() {
        try {
            Class.forName(IndexWriter.class.getName(), true, IndexWriter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectoryReader cached(List<Paper> slice, FieldType type, SliceCache cache,
                                          Map<DigestId, Digest> digests) throws IOException {
        // What a cached slice must have been indexed with (the analyzer is the code's, which the cache's stamp names).
        byte[] key = cache.key(slice, "fields " + type.indexOptions(), digests);
        Optional<DirectoryReader> kept = cache.get(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        ByteBuffersDirectory dir = indexSlice(slice, type);
        cache.put(key, dir);
        return DirectoryReader.open(dir);
    }

    private static InvertedSlice cachedInverted(List<Paper> slice, SliceCache cache, Map<DigestId, Digest> digests) {
        byte[] key = cache.key(slice, "inverted " + TEXT.indexOptions(), digests);
        Optional<InvertedSlice> kept = cache.getInverted(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        InvertedSlice inverted = invert(slice);
        cache.put(key, inverted);
        return inverted;
    }

    /** Frequencies and norms without a segment written ({@link SliceInverter}): what all but sloppy phrases need. */
    static InvertedSlice invert(List<Paper> slice) {
        return SliceInverter.invert(slice, new PaperAnalyzer(), new BM25Similarity());
    }

    /** Runs of papers (in {@link #ORDER}) with the same month of latest listing; at least one run. */
    static List<List<Paper>> byMonth(List<Paper> papers) {
        List<List<Paper>> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= papers.size(); i++) {
            if (i == papers.size() || !month(papers.get(i)).equals(month(papers.get(from)))) {
                runs.add(papers.subList(from, i));
                from = i;
            }
        }
        if (runs.isEmpty()) {
            runs.add(papers);
        }
        return runs;
    }

    private static String month(Paper p) {
        LocalDate d = p.latest().date();
        return d == null ? "" : YearMonth.from(d).toString();
    }

    /** The slice through an IndexWriter, with term positions when {@code type} has them. */
    static ByteBuffersDirectory indexSlice(List<Paper> papers, FieldType type) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // One thread and one big buffer: a single flush, so doc numbers are insertion order.
        IndexWriterConfig cfg = new IndexWriterConfig(new PaperAnalyzer())
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(256)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergePolicy(new LogDocMergePolicy())
                .setUseCompoundFile(false)
                .setCommitOnClose(true);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (Paper p : papers) {
                Document doc = new Document();
                for (SearchField f : SearchField.values()) {
                    doc.add(new Field(f.name, f.text.apply(p), type));
                }
                w.addDocument(doc);
            }
            w.forceMerge(1);
        }
        return dir;
    }

    /** BM25 scores need frequencies and norms only; positions are for sloppy topic phrases. */
    private static FieldType textType(IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(options);
        t.setStored(false);
        t.freeze();
        return t;
    }

    /** Papers in doc-number order. */
    public List<Paper> papers() {
        return papers;
    }

    public PaperAnalyzer analyzer() {
        return analyzer;
    }

    public IndexReader reader() {
        return reader;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** Whether term positions are indexed, so that Lucene can run phrase queries itself. */
    public boolean positions() {
        return positions;
    }

    /** Every paper {@code query} matches, as a set of doc numbers (scores are not computed). */
    public FixedBitSet matching(Query query) {
        FixedBitSet docs = new FixedBitSet(Math.max(1, papers.size()));
        try {
            searcher.search(query, new SimpleCollector() {
                private int base;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    base = context.docBase;
                }

                @Override
                public void collect(int doc) {
                    docs.set(base + doc);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The distinct query terms of {@code text}, in first-occurrence order. */
    public List<String> queryTerms(String text) {
        return List.copyOf(new LinkedHashSet<>(analyzer.terms(text)));
    }

    /**
     * The query the browser evaluates: for each group of the plan a {@link ConstantScoreQuery}
     * (any of its terms in any field) boosted by the plan's bonus, and every (term, field) pair
     * of the plan's terms (a superset of the groups' terms: a completion that does not count for
     * its group still scores, {@link QueryPlan#wordDominates})
     * as a boosted BM25 {@link TermQuery}, all SHOULD clauses of one flat disjunction. A paper's
     * score is thus bonus × matched groups + its BM25 sum: papers matching every word first,
     * BM25 within. Flat on purpose: Lucene adds all clause scores in one double sum and rounds
     * once to float, and the bonus is a power of two, so the client reproduces it exactly.
     */
    public static Query query(QueryPlan plan) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (QueryPlan.Group g : plan.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String t : g.terms()) {
                for (SearchField f : SearchField.values()) {
                    any.add(new TermQuery(new Term(f.name, t)), BooleanClause.Occur.SHOULD);
                }
            }
            b.add(new BoostQuery(new ConstantScoreQuery(any.build()), plan.bonus()), BooleanClause.Occur.SHOULD);
        }
        for (String t : plan.terms()) {
            for (SearchField f : SearchField.values()) {
                b.add(new BoostQuery(new TermQuery(new Term(f.name, t)), f.boost), BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
