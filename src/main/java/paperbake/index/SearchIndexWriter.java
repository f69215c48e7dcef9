package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import paperbake.model.Archive;
import paperbake.write.PageSink;

/**
 * Writes the static search index for an archive under {@code <siteRoot>/search/}:
 *
 * <pre>
 * search/manifest.json          analyzer version, doc count, channels, where every shard starts and its size
 * search/s/&lt;n&gt;.bin              packs of term shards (gzip members in whole units, read by range): for each
 *                               term its df, tier bounds and top postings
 * search/t/&lt;n&gt;.bin              packs of deeper postings tiers (each tier a gzip member), read by range
 * search/r/&lt;n&gt;.json             result data: titles, TL;DR, listings, {@code chunkDocs} papers each
 * search/f/dates.json           first doc number of every listing date (doc numbers are date ordered)
 * search/f/c&lt;i&gt;.bin             papers listed in channel i, as a bitmap (gzip)
 * search/p/&lt;n&gt;.json             the 6 most frequent completions of every prefix whose terms span more
 *                               than 3 shards, by the prefix's first UTF-16 unit mod 16 ({@link CompletionsWriter})
 * </pre>
 *
 * One writer per file family ({@link TermsWriter}, {@link CompletionsWriter}, {@link ResultsWriter},
 * {@link FiltersWriter}, {@link ManifestWriter}); this class builds the Lucene index and runs them.
 *
 * Postings carry Lucene's own BM25 scores (see {@link TermScores}), ordered by score, so the
 * browser can stop reading a term as soon as the remaining postings cannot change its top
 * results. Everything is written in a fixed order with no timestamps: same archive, same bytes.
 */
public final class SearchIndexWriter {

    public static final int FORMAT = 6;

    private final SearchIndexLayout layout;

    public SearchIndexWriter() {
        this(SearchIndexLayout.DEFAULT);
    }

    public SearchIndexWriter(SearchIndexLayout layout) {
        this.layout = layout;
    }

    /** Builds the index and writes it; the returned stats are for the build log. */
    public SearchIndexStats write(Archive archive, Path siteRoot) {
        long t0 = System.nanoTime();
        try (LuceneIndex index = LuceneIndex.build(archive)) {
            return write(index, archive, PageSink.folder(siteRoot), t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the index of {@code archive} that the build already made (and still owns). */
    public SearchIndexStats write(LuceneIndex index, Archive archive, PageSink site) {
        return write(index, archive, site, System.nanoTime());
    }

    private SearchIndexStats write(LuceneIndex index, Archive archive, PageSink site, long t0) {
        long t1 = System.nanoTime();
        IndexFiles out = new IndexFiles(site);
        // Terms are scored and written a batch at a time (TermScores.compute): the scores' time
        // is that step's without the writer's.
        long[] writing = {0};
        TermsWriter.Shards shards;
        List<TermScores.DictionaryTerm> terms;
        try (TermsWriter writer = new TermsWriter(layout, out)) {
            TermScores.compute(index, batch -> {
                long w = System.nanoTime();
                writer.add(batch);
                writing[0] += System.nanoTime() - w;
            });
            shards = writer.finish();
            terms = writer.dictionary();
        }
        long scoring = System.nanoTime() - t1 - writing[0];
        new CompletionsWriter(out).write(terms, shards.first());
        new ResultsWriter(layout, out).write(index.papers(), archive.channels());
        new FiltersWriter(out).write(index.papers(), archive.channels());
        new ManifestWriter(layout, out).write(index.papers().size(), archive.channels(), shards);
        long t3 = System.nanoTime();
        long postings = terms.stream().mapToLong(TermScores.DictionaryTerm::df).sum();
        return new SearchIndexStats(index.papers().size(), out.files(), out.bytes(),
                terms.size(), postings, (t3 - t0) / 1_000_000,
                (t1 - t0) / 1_000_000, scoring / 1_000_000, (t3 - t1 - scoring) / 1_000_000);
    }
}
