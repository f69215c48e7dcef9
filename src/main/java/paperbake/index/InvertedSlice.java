package paperbake.index;

import java.util.Arrays;
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

    /** The slice as bytes for the cache: a format number, then each array length-prefixed. */
    byte[] encode() {
        Buffer b = new Buffer();
        b.varint(FORMAT).varint(maxDoc).varint(fields.length);
        for (Field f : fields) {
            b.bytes(f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            b.bytes(f.termBytes());
            b.gaps(f.termEnds()).ints(f.docFreqs()).ints(f.totalTermFreqs());
            b.bytes(f.postings());
            b.gaps(f.postingEnds());
            b.bytes(f.norms());
            b.varint(f.docCount()).varint(f.sumTotalTermFreq()).varint(f.sumDocFreq());
        }
        return b.toArray();
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

    /** A growable byte array of varints, and of arrays as a count and their values (ascending offsets as gaps). */
    static final class Buffer {
        private byte[] buf;
        private int size;

        Buffer() {
            this(1 << 16);
        }

        Buffer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        Buffer varint(long v) {
            if (size + 10 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        Buffer bytes(byte[] b) {
            return varint(b.length).write(b, 0, b.length);
        }

        Buffer write(byte[] b, int off, int len) {
            if (size + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
            return this;
        }

        int size() {
            return size;
        }

        Buffer ints(int[] values) {
            for (int v : values) {
                varint(v);
            }
            return this;
        }

        Buffer gaps(int[] ascending) {
            varint(ascending.length);
            int prev = 0;
            for (int v : ascending) {
                varint(v - prev);
                prev = v;
            }
            return this;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
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
