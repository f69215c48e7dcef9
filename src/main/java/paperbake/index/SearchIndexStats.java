package paperbake.index;

/**
 * What one index build produced.
 *
 * @param files       files written under {@code search/}
 * @param bytes       their total size on disk (binary files are stored gzipped)
 * @param terms       distinct terms over all fields
 * @param postings    (term, paper) pairs
 * @param millis      wall time of the whole {@code write} call: Lucene indexing, scoring, writing files
 */
public record SearchIndexStats(int docs, int files, long bytes, int terms, long postings, long millis,
                               long indexMillis, long scoreMillis, long writeMillis) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "search index: %d papers, %d terms, %d postings, %d files, %.1f MB, %d ms (lucene %d, scores %d, files %d)",
                docs, terms, postings, files, bytes / 1e6, millis, indexMillis, scoreMillis, writeMillis);
    }
}
