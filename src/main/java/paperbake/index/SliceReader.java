package paperbake.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * An {@link InvertedSlice} as a Lucene segment of its own: terms, postings with frequencies and
 * norms, nothing stored, no deletions. IndexSearcher, MultiTerms and MultiDocValues read it as
 * they read a segment an IndexWriter made, which is what topics, related papers and the search
 * export do (as Lucene's own MemoryIndex is a reader over arrays).
 */
final class SliceReader extends LeafReader {

    private final InvertedSlice slice;
    private final FieldInfos infos;
    private final Map<String, InvertedSlice.Field> byName = new HashMap<>();

    SliceReader(InvertedSlice slice) {
        this.slice = slice;
        FieldInfo[] fi = new FieldInfo[slice.fields().length];
        for (int i = 0; i < fi.length; i++) {
            InvertedSlice.Field f = slice.fields()[i];
            byName.put(f.name(), f);
            fi[i] = new FieldInfo(f.name(), i, false, false, false, IndexOptions.DOCS_AND_FREQS, DocValuesType.NONE,
                    -1, new HashMap<>(), 0, 0, 0, 0, VectorEncoding.FLOAT32, VectorSimilarityFunction.EUCLIDEAN,
                    false, false);
        }
        this.infos = new FieldInfos(fi);
    }

    @Override
    public Terms terms(String field) {
        InvertedSlice.Field f = byName.get(field);
        return f == null || f.terms() == 0 ? null : new FieldTerms(f); // as a segment without the field's terms
    }

    @Override
    public NumericDocValues getNormValues(String field) {
        InvertedSlice.Field f = byName.get(field);
        return f == null ? null : new Norms(f.norms());
    }

    @Override
    public FieldInfos getFieldInfos() {
        return infos;
    }

    @Override
    public int numDocs() {
        return slice.maxDoc();
    }

    @Override
    public int maxDoc() {
        return slice.maxDoc();
    }

    @Override
    public Bits getLiveDocs() {
        return null;
    }

    /** Not cached by Lucene's query cache: the build runs each query once. */
    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    @Override
    public LeafMetaData getMetaData() {
        return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
    }

    @Override
    public void checkIntegrity() {}

    @Override
    protected void doClose() {}

    @Override
    public NumericDocValues getNumericDocValues(String field) {
        return null;
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String field) {
        return null;
    }

    @Override
    public SortedDocValues getSortedDocValues(String field) {
        return null;
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String field) {
        return null;
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String field) {
        return null;
    }

    @Override
    public FloatVectorValues getFloatVectorValues(String field) {
        return null;
    }

    @Override
    public ByteVectorValues getByteVectorValues(String field) {
        return null;
    }

    @Override
    public void searchNearestVectors(String field, float[] target, KnnCollector knn, Bits acceptDocs) {}

    @Override
    public void searchNearestVectors(String field, byte[] target, KnnCollector knn, Bits acceptDocs) {}

    @Override
    public PointValues getPointValues(String field) {
        return null;
    }

    @Override
    public Fields getTermVectors(int doc) {
        return null;
    }

    @Override
    public TermVectors termVectors() {
        return TermVectors.EMPTY;
    }

    @Override
    public StoredFields storedFields() {
        return new StoredFields() {
            @Override
            public void document(int doc, StoredFieldVisitor visitor) {}
        };
    }

    @Override
    public void document(int doc, StoredFieldVisitor visitor) {}

    private static final class FieldTerms extends Terms {
        private final InvertedSlice.Field f;

        FieldTerms(InvertedSlice.Field f) {
            this.f = f;
        }

        @Override
        public TermsEnum iterator() {
            return new FieldTermsEnum(f);
        }

        @Override
        public long size() {
            return f.terms();
        }

        @Override
        public long getSumTotalTermFreq() {
            return f.sumTotalTermFreq();
        }

        @Override
        public long getSumDocFreq() {
            return f.sumDocFreq();
        }

        @Override
        public int getDocCount() {
            return f.docCount();
        }

        @Override
        public boolean hasFreqs() {
            return true;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    }

    private static final class FieldTermsEnum extends BaseTermsEnum {
        private final InvertedSlice.Field f;
        private final BytesRef term = new BytesRef();
        private int ord = -1;

        FieldTermsEnum(InvertedSlice.Field f) {
            this.f = f;
            term.bytes = f.termBytes();
        }

        @Override
        public SeekStatus seekCeil(BytesRef target) {
            int lo = 0;
            int hi = f.terms() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Arrays.compareUnsigned(f.termBytes(), f.termStart(mid), f.termEnds()[mid],
                        target.bytes, target.offset, target.offset + target.length);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    position(mid);
                    return SeekStatus.FOUND;
                }
            }
            if (lo == f.terms()) {
                ord = f.terms();
                return SeekStatus.END;
            }
            position(lo);
            return SeekStatus.NOT_FOUND;
        }

        @Override
        public void seekExact(long ord) {
            position(Math.toIntExact(ord));
        }

        @Override
        public BytesRef next() {
            if (ord + 1 >= f.terms()) {
                ord = f.terms();
                return null;
            }
            position(ord + 1);
            return term;
        }

        private void position(int o) {
            ord = o;
            term.offset = f.termStart(o);
            term.length = f.termEnds()[o] - term.offset;
        }

        @Override
        public BytesRef term() {
            return term;
        }

        @Override
        public long ord() {
            return ord;
        }

        @Override
        public int docFreq() {
            return f.docFreqs()[ord];
        }

        @Override
        public long totalTermFreq() {
            return f.totalTermFreqs()[ord];
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            Postings p = reuse instanceof Postings own && own.data == f.postings() ? own : new Postings(f.postings());
            p.reset(f.postingStart(ord), f.docFreqs()[ord]);
            return p;
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            return new SlowImpactsEnum(postings(null, flags));
        }
    }

    /** One term's postings, decoded as they are read: (doc gap &lt;&lt; 1 | frequency is 1), then the frequency unless 1. */
    private static final class Postings extends PostingsEnum {
        private final byte[] data;
        private int at;
        private int left;
        private int df;
        private int doc;
        private int freq;

        Postings(byte[] data) {
            this.data = data;
        }

        void reset(int start, int docFreq) {
            at = start;
            left = docFreq;
            df = docFreq;
            doc = -1;
            freq = 0;
        }

        @Override
        public int nextDoc() {
            if (left == 0) {
                return doc = NO_MORE_DOCS;
            }
            left--;
            int v = varint();
            doc += v >>> 1;
            freq = (v & 1) != 0 ? 1 : varint();
            return doc;
        }

        private int varint() {
            int b = data[at++];
            int v = b & 0x7F;
            for (int shift = 7; b < 0; shift += 7) {
                b = data[at++];
                v |= (b & 0x7F) << shift;
            }
            return v;
        }

        @Override
        public int advance(int target) throws java.io.IOException {
            return slowAdvance(target);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int freq() {
            return freq;
        }

        @Override
        public int nextPosition() {
            return -1;
        }

        @Override
        public int startOffset() {
            return -1;
        }

        @Override
        public int endOffset() {
            return -1;
        }

        @Override
        public BytesRef getPayload() {
            return null;
        }

        @Override
        public long cost() {
            return df;
        }
    }

    /** A norm for every doc, as an IndexWriter stores them when every doc has the field (0 when empty). */
    private static final class Norms extends NumericDocValues {
        private final byte[] norms;
        private int doc = -1;

        Norms(byte[] norms) {
            this.norms = norms;
        }

        @Override
        public long longValue() {
            return norms[doc];
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return true;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return doc = doc + 1 < norms.length ? doc + 1 : NO_MORE_DOCS;
        }

        @Override
        public int advance(int target) {
            return doc = target < norms.length ? target : NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return norms.length;
        }
    }
}
