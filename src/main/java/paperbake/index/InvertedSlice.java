package paperbake.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One slice's inverted fields as plain arrays: for each field its terms in Lucene's order
 * (unsigned UTF-8 bytes), each term's postings (doc, frequency), each doc's BM25 norm and the
 * field's statistics: all that the build's readers of the index use ({@link SliceReader} shows
 * them to Lucene as a segment). Made by {@link SliceInverter}; {@link #encode} and {@link #decode}
 * keep it in the {@link SliceCache}.
 *
 * @param maxDoc the slice's papers; doc {@code i} is its {@code i}-th paper
 * @param fields in {@link SearchField} order
 */
record InvertedSlice(int maxDoc, Field[] fields) {

    /**
     * @param termEnds  where term {@code i}'s bytes end in {@code termBytes} (it starts where {@code i - 1} ends)
     * @param postings  per term, per doc in ascending order: varint of (doc gap &lt;&lt; 1 | frequency is 1),
     *                  then the frequency when it is not 1; {@code postingEnds} as {@code termEnds}
     * @param norms     per doc, the similarity's norm of the field's length (0: no tokens)
     * @param docCount  docs with at least one token in the field
     */
    record Field(String name, byte[] termBytes, int[] termEnds, int[] docFreqs, int[] totalTermFreqs,
                 byte[] postings, int[] postingEnds, byte[] norms, int docCount, long sumTotalTermFreq,
                 long sumDocFreq) {

        int terms() {
            return termEnds.length;
        }

        int termStart(int ord) {
            return ord == 0 ? 0 : termEnds[ord - 1];
        }

        int postingStart(int ord) {
            return ord == 0 ? 0 : postingEnds[ord - 1];
        }
    }

    private static final int FORMAT = 2;

    /**
     * The slices, in order, as one: doc numbers run on from slice to slice, each field's terms
     * are merged and a term's postings concatenated. Read as one segment rather than as many:
     * walking the terms of 42 monthly slices through Lucene's MultiTermsEnum was 40% of the search
     * export's scoring (docs/BENCHMARKS.md, "Build"); statistics and norms add up to the same.
     */
    static InvertedSlice merge(List<InvertedSlice> slices) {
        if (slices.size() == 1) {
            return slices.get(0);
        }
        int[] docBase = new int[slices.size()];
        int maxDoc = 0;
        for (int i = 0; i < slices.size(); i++) {
            docBase[i] = maxDoc;
            maxDoc += slices.get(i).maxDoc();
        }
        int total = maxDoc;
        Field[] fields = new Field[slices.get(0).fields().length];
        // fields are independent: merged on all cores, each into its own slot
        java.util.stream.IntStream.range(0, fields.length).parallel().forEach(f -> {
            List<Field> parts = new ArrayList<>(slices.size());
            for (InvertedSlice s : slices) {
                parts.add(s.fields()[f]);
            }
            fields[f] = new FieldMerge(parts, docBase, total).merge();
        });
        return new InvertedSlice(maxDoc, fields);
    }

    /** The slice as bytes for the cache: a format number, then each array length-prefixed. */
    byte[] encode() {
        Bytes b = new Bytes(1 << 16);
        b.varint(FORMAT).varint(maxDoc).varint(fields.length);
        for (Field f : fields) {
            bytes(b, f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes(b, f.termBytes());
            gaps(b, f.termEnds());
            ints(b, f.docFreqs());
            ints(b, f.totalTermFreqs());
            bytes(b, f.postings());
            gaps(b, f.postingEnds());
            bytes(b, f.norms());
            b.varint(f.docCount()).varint(f.sumTotalTermFreq()).varint(f.sumDocFreq());
        }
        return b.toByteArray();
    }

    /**
     * The slice {@link #encode} wrote, or empty for anything else (another format, a damaged or
     * truncated payload): every length and offset is checked before a reader could trip on it.
     */
    static Optional<InvertedSlice> decode(byte[] data) {
        try {
            Reader r = new Reader(data);
            if (r.varint() != FORMAT) {
                return Optional.empty();
            }
            int maxDoc = r.count();
            Field[] fields = new Field[r.count()];
            for (int i = 0; i < fields.length; i++) {
                String name = new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                byte[] termBytes = r.bytes();
                int[] termEnds = r.gaps();
                int[] docFreqs = r.ints(termEnds.length);
                int[] ttfs = r.ints(termEnds.length);
                byte[] postings = r.bytes();
                int[] postingEnds = r.gaps();
                byte[] norms = r.bytes();
                Field f = new Field(name, termBytes, termEnds, docFreqs, ttfs, postings, postingEnds, norms,
                        Math.toIntExact(r.varint()), r.varint(), r.varint());
                if (!consistent(f, maxDoc)) {
                    return Optional.empty();
                }
                fields[i] = f;
            }
            return r.atEnd() ? Optional.of(new InvertedSlice(maxDoc, fields)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean consistent(Field f, int maxDoc) {
        int n = f.terms();
        return f.docFreqs().length == n && f.totalTermFreqs().length == n && f.postingEnds().length == n
                && f.norms().length == maxDoc && f.docCount() <= maxDoc
                && (n == 0 || (f.termEnds()[n - 1] == f.termBytes().length && f.postingEnds()[n - 1] == f.postings().length))
                && Arrays.stream(f.docFreqs()).allMatch(d -> d > 0 && d <= maxDoc);
    }

    /**
     * One field of many slices merged: a heap of the slices by their next term, lowest first
     * (ties by slice, so a term's postings come off in doc order). Each slice's next term is kept
     * as offsets into its bytes, so that a comparison touches arrays only.
     */
    private static final class FieldMerge {
        private final List<Field> parts;
        private final int[] docBase;
        private final int maxDoc;
        private final byte[][] bytes;
        private final int[] next; // per part, the ordinal of its next term
        private final int[] from; // per part, where that term's bytes start
        private final int[] to; // and end
        private final int[] heap; // part numbers
        private int size;

        FieldMerge(List<Field> parts, int[] docBase, int maxDoc) {
            this.parts = parts;
            this.docBase = docBase;
            this.maxDoc = maxDoc;
            int k = parts.size();
            this.bytes = new byte[k][];
            this.next = new int[k];
            this.from = new int[k];
            this.to = new int[k];
            this.heap = new int[k];
        }

        Field merge() {
            String name = parts.get(0).name();
            int estimate = 0;
            long sumTtf = 0;
            long sumDf = 0;
            int docCount = 0;
            byte[] norms = new byte[maxDoc];
            for (int p = 0; p < parts.size(); p++) {
                Field f = parts.get(p);
                estimate = Math.max(estimate, f.terms());
                sumTtf += f.sumTotalTermFreq();
                sumDf += f.sumDocFreq();
                docCount += f.docCount();
                System.arraycopy(f.norms(), 0, norms, docBase[p], f.norms().length);
                bytes[p] = f.termBytes();
                if (f.terms() > 0) {
                    at(p, 0);
                    heap[size++] = p;
                    up(size - 1);
                }
            }
            Bytes termBytes = new Bytes(estimate * 8);
            Bytes postings = new Bytes(estimate * 8);
            Ints termEnds = new Ints(estimate * 2);
            Ints postingEnds = new Ints(estimate * 2);
            Ints docFreqs = new Ints(estimate * 2);
            Ints ttfs = new Ints(estimate * 2);
            while (size > 0) {
                int first = heap[0];
                int termFrom = from[first];
                int termTo = to[first];
                termBytes.write(bytes[first], termFrom, termTo - termFrom);
                termEnds.add(termBytes.size());
                int df = 0;
                int ttf = 0;
                int prev = -1;
                byte[] term = bytes[first];
                // equal terms come off the heap in part order, so docs stay ascending
                do {
                    int p = heap[0];
                    Field g = parts.get(p);
                    int o = next[p];
                    prev = append(postings, g, o, docBase[p], prev);
                    df += g.docFreqs()[o];
                    ttf += g.totalTermFreqs()[o];
                    if (o + 1 < g.terms()) {
                        at(p, o + 1); // the part's next term replaces it at the top
                    } else {
                        heap[0] = heap[--size];
                    }
                    if (size > 0) {
                        down(0);
                    }
                } while (size > 0 && Arrays.equals(bytes[heap[0]], from[heap[0]], to[heap[0]], term, termFrom, termTo));
                docFreqs.add(df);
                ttfs.add(ttf);
                postingEnds.add(postings.size());
            }
            return new Field(name, termBytes.toByteArray(), termEnds.toArray(), docFreqs.toArray(), ttfs.toArray(),
                    postings.toByteArray(), postingEnds.toArray(), norms, docCount, sumTtf, sumDf);
        }

        private void at(int p, int ord) {
            Field f = parts.get(p);
            next[p] = ord;
            from[p] = f.termStart(ord);
            to[p] = f.termEnds()[ord];
        }

        /**
         * Appends part {@code g}'s postings of term {@code o}, its docs moved up by {@code base}:
         * only the first gap changes (it is counted from the previous part's last doc), the rest
         * are copied as they are. Returns the last doc appended.
         */
        private static int append(Bytes out, Field g, int o, int base, int prev) {
            byte[] data = g.postings();
            int end = g.postingEnds()[o];
            int[] cursor = {g.postingStart(o)};
            int v = varint(data, cursor);
            int doc = (v >>> 1) - 1 + base;
            out.varint((long) (doc - prev) << 1 | (v & 1));
            out.write(data, cursor[0], end - cursor[0]);
            // the last doc: the first plus every gap after it
            int last = doc;
            if ((v & 1) == 0) {
                varint(data, cursor); // the first doc's frequency, copied above
            }
            while (cursor[0] < end) {
                int w = varint(data, cursor);
                last += w >>> 1;
                if ((w & 1) == 0) {
                    varint(data, cursor);
                }
            }
            return last;
        }

        private static int varint(byte[] data, int[] cursor) {
            int b = data[cursor[0]++];
            int v = b & 0x7F;
            for (int shift = 7; b < 0; shift += 7) {
                b = data[cursor[0]++];
                v |= (b & 0x7F) << shift;
            }
            return v;
        }

        private boolean less(int p, int q) {
            byte[] a = bytes[p];
            byte[] b = bytes[q];
            int i = from[p];
            int j = from[q];
            // most terms differ in their first byte (a new character): compare it before the ranges
            if (i < to[p] && j < to[q] && a[i] != b[j]) {
                return (a[i] & 0xFF) < (b[j] & 0xFF);
            }
            int c = Arrays.compareUnsigned(a, i, to[p], b, j, to[q]);
            return c != 0 ? c < 0 : p < q;
        }

        private void up(int i) {
            while (i > 0 && less(heap[i], heap[(i - 1) / 2])) {
                int parent = (i - 1) / 2;
                int t = heap[parent];
                heap[parent] = heap[i];
                heap[i] = t;
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int m = i;
                if (l < size && less(heap[l], heap[m])) {
                    m = l;
                }
                if (l + 1 < size && less(heap[l + 1], heap[m])) {
                    m = l + 1;
                }
                if (m == i) {
                    return;
                }
                int t = heap[m];
                heap[m] = heap[i];
                heap[i] = t;
                i = m;
            }
        }
    }

    /** A growable int array. */
    private static final class Ints {
        private int[] values;
        private int size;

        Ints(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Values as varints, their count said before (the terms' ends). */
    private static void ints(Bytes b, int[] values) {
        for (int v : values) {
            b.varint(v);
        }
    }

    /** Ascending offsets as their count and gaps. */
    private static void gaps(Bytes b, int[] ascending) {
        b.varint(ascending.length);
        int prev = 0;
        for (int v : ascending) {
            b.varint(v - prev);
            prev = v;
        }
    }

    private static void bytes(Bytes b, byte[] data) {
        b.varint(data.length).raw(data);
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) {
                    throw new IllegalArgumentException("varint too long");
                }
                byte b = data[at++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        /** A non-negative int no larger than what is left to read (every counted item takes a byte). */
        int count() {
            long v = varint();
            if (v < 0 || v > data.length - at) {
                throw new IllegalArgumentException("count out of range");
            }
            return (int) v;
        }

        byte[] bytes() {
            int n = count();
            byte[] b = Arrays.copyOfRange(data, at, at + n);
            at += n;
            return b;
        }

        int[] ints(int n) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.toIntExact(varint());
            }
            return v;
        }

        int[] gaps() {
            int[] v = new int[count()];
            long prev = 0;
            for (int i = 0; i < v.length; i++) {
                prev += varint();
                v[i] = Math.toIntExact(prev);
            }
            return v;
        }

        boolean atEnd() {
            return at == data.length;
        }
    }
}
