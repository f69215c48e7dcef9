package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import paperbake.bench.Corpus;
import paperbake.model.Archive;
import paperbake.model.Paper;

/**
 * The inverted slice is what an IndexWriter indexes, read through Lucene's own API: every
 * field's terms in order, their frequencies and postings, every doc's norm and the statistics
 * BM25 reads, over the real fixtures (Chinese, English, math, empty fields) and a generated archive.
 */
class SliceInverterTest {

    private static List<Paper> papers(Archive a) {
        List<Paper> p = new ArrayList<>(a.papers().values());
        p.sort(LuceneIndex.ORDER);
        return p;
    }

    private static List<List<Paper>> archives() {
        return List.of(papers(Corpus.read(Path.of("src/test/resources/fixtures"))), papers(SearchIndexWriterTest.big()));
    }

    @Test
    void aSliceIsWhatAnIndexWriterIndexes() throws IOException {
        for (List<Paper> papers : archives()) {
            try (DirectoryReader lucene = DirectoryReader.open(LuceneIndex.indexSlice(papers, LuceneIndex.TEXT));
                 SliceReader ours = new SliceReader(LuceneIndex.invert(papers))) {
                LeafReader theirs = lucene.leaves().get(0).reader();
                assertThat(ours.maxDoc()).isEqualTo(theirs.maxDoc()).isEqualTo(papers.size());
                for (SearchField f : SearchField.values()) {
                    assertSameField(f.name, theirs, ours);
                }
            }
        }
    }

    /** Slices inverted month by month and merged are the archive inverted at once: what the build reads. */
    @Test
    void mergedMonthsAreWhatAnIndexWriterIndexesAtOnce() throws IOException {
        for (List<Paper> papers : archives()) {
            List<InvertedSlice> months = LuceneIndex.byMonth(papers).stream().map(LuceneIndex::invert).toList();
            assertThat(months).hasSizeGreaterThan(2);
            try (DirectoryReader lucene = DirectoryReader.open(LuceneIndex.indexSlice(papers, LuceneIndex.TEXT));
                 SliceReader ours = new SliceReader(InvertedSlice.merge(months))) {
                LeafReader theirs = lucene.leaves().get(0).reader();
                assertThat(ours.maxDoc()).isEqualTo(papers.size());
                for (SearchField f : SearchField.values()) {
                    assertSameField(f.name, theirs, ours);
                }
            }
        }
    }

    private static void assertSameField(String field, LeafReader theirs, LeafReader ours) throws IOException {
        Terms a = theirs.terms(field);
        Terms b = ours.terms(field);
        if (a == null) {
            assertThat(b).as(field).isNull();
            return;
        }
        assertThat(b.size()).as(field).isEqualTo(a.size()).isPositive();
        assertThat(b.getSumTotalTermFreq()).as(field).isEqualTo(a.getSumTotalTermFreq());
        assertThat(b.getSumDocFreq()).as(field).isEqualTo(a.getSumDocFreq());
        assertThat(b.getDocCount()).as(field).isEqualTo(a.getDocCount());
        TermsEnum ta = a.iterator();
        TermsEnum tb = b.iterator();
        TermsEnum seek = b.iterator();
        PostingsEnum pa = null;
        PostingsEnum pb = null;
        long ord = 0;
        for (BytesRef t = ta.next(); t != null; t = ta.next(), ord++) {
            BytesRef u = tb.next();
            assertThat(u).as(field + " term " + ord).isEqualTo(t);
            assertThat(tb.ord()).isEqualTo(ord);
            assertThat(tb.docFreq()).as(t.utf8ToString()).isEqualTo(ta.docFreq());
            assertThat(tb.totalTermFreq()).as(t.utf8ToString()).isEqualTo(ta.totalTermFreq());
            pa = ta.postings(pa, PostingsEnum.FREQS);
            pb = tb.postings(pb, PostingsEnum.FREQS);
            for (int d = pa.nextDoc(); ; d = pa.nextDoc()) {
                assertThat(pb.nextDoc()).as(t.utf8ToString()).isEqualTo(d);
                if (d == PostingsEnum.NO_MORE_DOCS) {
                    break;
                }
                assertThat(pb.freq()).isEqualTo(pa.freq());
            }
            assertThat(seek.seekCeil(t)).isEqualTo(TermsEnum.SeekStatus.FOUND);
            assertThat(seek.term()).isEqualTo(t);
            // just past this term: the next one, as Lucene's dictionary answers
            BytesRef after = new BytesRef(java.util.Arrays.copyOf(BytesRef.deepCopyOf(t).bytes, t.length + 1));
            TermsEnum.SeekStatus expected = a.iterator().seekCeil(after);
            TermsEnum lu = a.iterator();
            lu.seekCeil(after);
            assertThat(seek.seekCeil(after)).isEqualTo(expected);
            if (expected != TermsEnum.SeekStatus.END) {
                assertThat(seek.term()).isEqualTo(lu.term());
            }
        }
        assertThat(tb.next()).isNull();
        assertThat(b.iterator().seekCeil(new BytesRef(""))).isEqualTo(a.iterator().seekCeil(new BytesRef("")));
        NumericDocValues na = theirs.getNormValues(field);
        NumericDocValues nb = ours.getNormValues(field);
        for (int d = 0; d < theirs.maxDoc(); d++) {
            assertThat(nb.advanceExact(d)).isEqualTo(na.advanceExact(d));
            assertThat(nb.longValue()).as(field + " norm of " + d).isEqualTo(na.longValue());
        }
    }

    @Test
    void aSliceDecodesAsEncodedAndADamagedOneNotAtAll() throws IOException {
        List<Paper> papers = archives().get(0);
        InvertedSlice slice = LuceneIndex.invert(papers);
        byte[] bytes = slice.encode();
        InvertedSlice back = InvertedSlice.decode(bytes).orElseThrow();
        assertThat(back.encode()).isEqualTo(bytes);
        try (SliceReader a = new SliceReader(slice); SliceReader b = new SliceReader(back)) {
            for (SearchField f : SearchField.values()) {
                assertSameField(f.name, a, b);
            }
        }
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] damaged = java.util.Arrays.copyOf(bytes, i % 2 == 0 ? bytes.length : r.nextInt(bytes.length));
            if (i % 2 == 0) {
                damaged[r.nextInt(damaged.length)] ^= (byte) (1 + r.nextInt(255));
            }
            // never throws; decodes to a slice only when it still holds together
            InvertedSlice.decode(damaged).ifPresent(s -> assertThat(s.maxDoc()).isEqualTo(papers.size()));
        }
        assertThat(InvertedSlice.decode(new byte[0])).isEmpty();
        assertThat(InvertedSlice.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
    }
}
