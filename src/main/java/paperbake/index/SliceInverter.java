package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Version;

/**
 * Inverts a slice of papers into an {@link InvertedSlice}: what an IndexWriter with one flush
 * would index for frequencies and norms, without writing a segment. Writing one (the terms
 * dictionary, postings blocks with their impacts, then decoding them again to read) was half
 * of the index stage's CPU, for an index that lives only as long as the build
 * (docs/BENCHMARKS.md, "Build"). The analysis, the term hash and the norm are Lucene's own, so
 * the terms, frequencies, norms and statistics are the same as an IndexWriter's
 * ({@code SliceInverterTest} compares the two field by field).
 */
final class SliceInverter {

    private SliceInverter() {}

    static InvertedSlice invert(List<paperbake.model.Paper> papers, Analyzer analyzer, Similarity similarity) {
        InvertedSlice.Field[] fields = new InvertedSlice.Field[SearchField.values().length];
        for (SearchField f : SearchField.values()) {
            fields[f.ordinal()] = invert(papers, f, analyzer, similarity);
        }
        return new InvertedSlice(papers.size(), fields);
    }

    /** One field of every paper, doc by doc: postings are appended in doc order, then grouped by term. */
    private static InvertedSlice.Field invert(List<paperbake.model.Paper> papers, SearchField field,
                                              Analyzer analyzer, Similarity similarity) {
        BytesRefHash hash = new BytesRefHash();
        int[] lastDoc = new int[1024];
        int[] lastPosting = new int[1024];
        // one posting per (term, doc), in doc order
        int[] postingTerm = new int[4096];
        int[] postingDoc = new int[4096];
        int[] postingFreq = new int[4096];
        int postings = 0;
        byte[] norms = new byte[papers.size()];
        int docCount = 0;
        long tokens = 0;
        for (int doc = 0; doc < papers.size(); doc++) {
            int length = 0;
            int overlaps = 0;
            try (TokenStream ts = analyzer.tokenStream(field.name, field.text.apply(papers.get(doc)))) {
                TermToBytesRefAttribute term = ts.getAttribute(TermToBytesRefAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (inc.getPositionIncrement() == 0) {
                        overlaps++;
                    }
                    length++;
                    int id = hash.add(term.getBytesRef());
                    if (id >= 0) {
                        if (id == lastDoc.length) {
                            lastDoc = Arrays.copyOf(lastDoc, id * 2);
                            lastPosting = Arrays.copyOf(lastPosting, id * 2);
                        }
                        lastDoc[id] = -1;
                    } else {
                        id = -id - 1;
                    }
                    if (lastDoc[id] != doc) {
                        if (postings == postingTerm.length) {
                            postingTerm = Arrays.copyOf(postingTerm, postings * 2);
                            postingDoc = Arrays.copyOf(postingDoc, postings * 2);
                            postingFreq = Arrays.copyOf(postingFreq, postings * 2);
                        }
                        lastDoc[id] = doc;
                        lastPosting[id] = postings;
                        postingTerm[postings] = id;
                        postingDoc[postings] = doc;
                        postingFreq[postings] = 0;
                        postings++;
                    }
                    postingFreq[lastPosting[id]]++;
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a String reader
            }
            if (length > 0) {
                docCount++;
                tokens += length;
                // What IndexingChain passes the similarity for a field of DOCS_AND_FREQS; an empty field's norm is 0, as there.
                norms[doc] = (byte) similarity.computeNorm(new FieldInvertState(Version.LATEST.major, field.name,
                        IndexOptions.DOCS_AND_FREQS, length, length, overlaps, 0, 0, 0));
            }
        }
        return group(field.name, hash, postingTerm, postingDoc, postingFreq, postings, norms, docCount, tokens);
    }

    /** Terms in Lucene's order (unsigned bytes) and each one's postings, docs ascending. */
    private static InvertedSlice.Field group(String name, BytesRefHash hash, int[] postingTerm, int[] postingDoc,
                                             int[] postingFreq, int postings, byte[] norms, int docCount, long tokens) {
        int terms = hash.size();
        int[] sorted = hash.sort(); // ids by term; the hash is unusable after this, and not used
        int[] rank = new int[terms];
        for (int i = 0; i < terms; i++) {
            rank[sorted[i]] = i;
        }
        int[] docFreqs = new int[terms];
        for (int i = 0; i < postings; i++) {
            docFreqs[rank[postingTerm[i]]]++;
        }
        // counting sort by rank; stable, so each term's docs stay ascending
        int[] next = new int[terms];
        for (int i = 1; i < terms; i++) {
            next[i] = next[i - 1] + docFreqs[i - 1];
        }
        int[] order = new int[postings];
        for (int i = 0; i < postings; i++) {
            order[next[rank[postingTerm[i]]]++] = i;
        }
        Bytes termBytes = new Bytes(terms * 4);
        Bytes encoded = new Bytes(postings * 2);
        int[] termEnds = new int[terms];
        int[] postingEnds = new int[terms];
        int[] ttfs = new int[terms];
        BytesRef scratch = new BytesRef();
        for (int t = 0, p = 0; t < terms; t++) {
            hash.get(sorted[t], scratch);
            termBytes.write(scratch.bytes, scratch.offset, scratch.length);
            termEnds[t] = termBytes.size();
            int prev = -1;
            int ttf = 0;
            for (int k = 0; k < docFreqs[t]; k++, p++) {
                int i = order[p];
                int freq = postingFreq[i];
                encoded.varint((postingDoc[i] - prev) << 1 | (freq == 1 ? 1 : 0));
                if (freq != 1) {
                    encoded.varint(freq);
                }
                prev = postingDoc[i];
                ttf += freq;
            }
            postingEnds[t] = encoded.size();
            ttfs[t] = ttf;
        }
        return new InvertedSlice.Field(name, termBytes.toByteArray(), termEnds, docFreqs, ttfs, encoded.toByteArray(),
                postingEnds, norms, docCount, tokens, postings);
    }
}
