package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import paperbake.model.Archive;
import paperbake.model.Paper;

/**
 * The archive as an in-memory, single-segment Lucene index. Document number {@code i} is the
 * {@code i}-th paper of {@link #order}: newest first, so that the exported doc numbers double as
 * a date order and Lucene's tie-break (lower doc number first) means "newer first" too.
 */
public final class LuceneIndex implements AutoCloseable {

    /** Newest latest-listing first, undated last, then by id descending (newer ids first). */
    public static final Comparator<Paper> ORDER = Comparator
            .comparing((Paper p) -> p.latest().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Paper::id, Comparator.reverseOrder());

    private static final FieldType TEXT = textType();

    private final List<Paper> papers;
    private final PaperAnalyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private LuceneIndex(List<Paper> papers, PaperAnalyzer analyzer, DirectoryReader reader) {
        this.papers = papers;
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    public static LuceneIndex build(Archive archive) {
        List<Paper> papers = new ArrayList<>(archive.papers().values());
        papers.sort(ORDER);
        PaperAnalyzer analyzer = new PaperAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // One thread, one big buffer and an order-preserving merge policy: doc numbers must be
        // exactly the insertion order, because the browser uses them as the tie-break.
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(512)
                .setMergePolicy(new LogDocMergePolicy())
                .setCommitOnClose(true);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (Paper p : papers) {
                Document doc = new Document();
                for (SearchField f : SearchField.values()) {
                    doc.add(new Field(f.name, f.text.apply(p), TEXT));
                }
                w.addDocument(doc);
            }
            w.forceMerge(1);
            w.commit();
            return new LuceneIndex(List.copyOf(papers), analyzer, DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
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

    public DirectoryReader reader() {
        return reader;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** The distinct query terms of {@code text}, in first-occurrence order. */
    public List<String> queryTerms(String text) {
        return List.copyOf(new LinkedHashSet<>(analyzer.terms(text)));
    }

    /**
     * The query the browser evaluates: every (term, field) pair as a boosted SHOULD clause of
     * one flat disjunction. Flat on purpose: Lucene then adds all clause scores in one double
     * sum and rounds once to float, which the client can reproduce exactly.
     */
    public static Query query(Collection<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(terms)) {
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
