package paperbake.index;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Term shards and deeper postings tiers (the format: {@link SearchIndexWriter}), written as
 * batches of terms arrive in dictionary order ({@link TermScores#compute}): a shard is written
 * once full, and a batch's postings can go once it is added. {@link #finish} gives where each
 * shard starts and its size, for the manifest.
 *
 * <p>Both go into pack files read by HTTP range request: shards into {@code s/<n>.bin}, each a
 * whole number of {@link SearchIndexLayout#shardUnit}s (its gzip member's length in 2 bytes,
 * big-endian, the member, zeros), so the manifest says where a shard is in a character;
 * deeper tiers into {@code t/<n>.bin}, where the term's shard entry says. A file per shard meant
 * ~3,400 files for cs.CL, nearly all rewritten by a rebuild after one new day (the scores use
 * index-wide statistics), and creating files, not computing them, was most of a rebuild's export.
 */
final class TermsWriter implements AutoCloseable {

    private static final int LENGTH_BYTES = 2;

    /** Where the shards start (the shortest separating prefixes) and their sizes in units. */
    record Shards(List<String> first, int[] units) {}

    private final SearchIndexLayout layout;
    private final Pack shardPack;
    private final Pack pack;
    private final Gzip gz = new Gzip();
    private final List<String> shardFirst = new ArrayList<>();
    private final List<Integer> shardUnits = new ArrayList<>();
    private final List<TermScores.DictionaryTerm> dictionary = new ArrayList<>();
    private Bytes shard = new Bytes();
    /** Ordinal (in {@link #dictionary}) of the open shard's first term. */
    private int shardStart;

    TermsWriter(SearchIndexLayout layout, IndexFiles out) {
        this.layout = layout;
        this.shardPack = new Pack(out, "s/", layout.shardPackBytes());
        // Deeper tiers go into a few large pack files read with HTTP range requests: one file
        // per tier would mean tens of thousands of files, and writing them dominated the build.
        this.pack = new Pack(out, "t/", layout.packBytes());
    }

    /** A term's shard entry and its deeper tiers (already gzipped), computed independently per term. */
    private record Encoded(Bytes entry, List<byte[]> tiers) {}

    /** Appends {@code terms}, which follow every term added before in dictionary (UTF-16) order. */
    void add(List<TermScores.Postings> terms) {
        // Encoding and compressing is independent per term: do it on all cores.
        Encoded[] encoded = new Encoded[terms.size()];
        int chunk = 4096;
        IntStream.range(0, (terms.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            try (Gzip own = new Gzip()) { // one per thread
                for (int i = c * chunk; i < Math.min(terms.size(), (c + 1) * chunk); i++) {
                    encoded[i] = termEntry(terms.get(i), own);
                }
            }
        });
        for (int i = 0; i < terms.size(); i++) {
            Encoded e = encoded[i];
            encoded[i] = null;
            dictionary.add(terms.get(i).dictionaryTerm());
            shard.append(e.entry());
            if (!e.tiers().isEmpty()) {
                long total = e.tiers().stream().mapToLong(t -> t.length).sum();
                long[] at = pack.reserve(total);
                shard.varint(at[0]).varint(at[1]);
                for (byte[] t : e.tiers()) {
                    shard.varint(t.length);
                    pack.add(t);
                }
            }
            if (shard.size() >= layout.shardBytes()) {
                closeShard();
            }
        }
    }

    /** Writes the last shard and the packs; returns where each shard starts and its size, for the manifest. */
    Shards finish() {
        if (shard.size() > 0) {
            closeShard();
        }
        shardPack.close();
        pack.close();
        return new Shards(List.copyOf(shardFirst), shardUnits.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public void close() {
        gz.close();
    }

    /** Every term added, in order, with its document frequency. */
    List<TermScores.DictionaryTerm> dictionary() {
        return dictionary;
    }

    private void closeShard() {
        Bytes b = new Bytes().varint(shardStart).varint(dictionary.size() - shardStart).append(shard);
        byte[] member = gz.gzip(b.toByteArray());
        int unit = layout.shardUnit();
        int units = (LENGTH_BYTES + member.length + unit - 1) / unit;
        if (units > SearchIndexLayout.MAX_SHARD_UNITS) {
            throw new IllegalStateException("a term shard of " + member.length + " gzipped bytes does not fit "
                    + SearchIndexLayout.MAX_SHARD_UNITS + " units of " + unit + " bytes");
        }
        byte[] block = new byte[units * unit];
        block[0] = (byte) (member.length >>> 8);
        block[1] = (byte) member.length;
        System.arraycopy(member, 0, block, LENGTH_BYTES, member.length);
        shardPack.reserve(block.length);
        shardPack.add(block);
        shardUnits.add(units);
        shardFirst.add(shardStart == 0 ? "" : separator(dictionary.get(shardStart - 1).term(), dictionary.get(shardStart).term()));
        shard = new Bytes();
        shardStart = dictionary.size();
    }

    /**
     * term, df, number of tiers, the score bound of each deeper tier, the inline tier; the
     * writer then appends where the deeper tiers are: pack, offset and each tier's length.
     */
    private Encoded termEntry(TermScores.Postings p, Gzip gz) {
        List<int[]> tiers = new ArrayList<>();
        int from = 0;
        int size = layout.inline();
        while (from < p.df()) {
            int to = Math.min(p.df(), from + size);
            tiers.add(new int[] {from, to});
            from = to;
            size *= layout.tierGrowth();
        }
        Bytes b = new Bytes().string(p.term()).varint(p.df()).varint(tiers.size());
        for (int k = 1; k < tiers.size(); k++) {
            b.float64(p.scores()[tiers.get(k)[0]]);
        }
        b.append(postings(p, tiers.get(0)[0], tiers.get(0)[1], false));
        List<byte[]> deeper = new ArrayList<>();
        for (int k = 1; k < tiers.size(); k++) {
            deeper.add(gz.gzip(postings(p, tiers.get(k)[0], tiers.get(k)[1], true).toByteArray()));
        }
        return new Encoded(b, deeper);
    }

    /**
     * Pack files {@code <folder><n>.bin}: concatenated blocks, a new file when the next would pass
     * the limit (the client follows the same rule to find a shard: {@code shardBlocks} in search-format.js).
     */
    private static final class Pack {
        private final IndexFiles out;
        private final String folder;
        private final long limit;
        private int number = -1;
        private long offset;
        private java.io.ByteArrayOutputStream buf;

        Pack(IndexFiles out, String folder, long limit) {
            this.out = out;
            this.folder = folder;
            this.limit = limit;
        }

        /** Where {@code length} bytes will go: {pack number, offset}; never split across packs. */
        long[] reserve(long length) {
            if (buf == null || (offset > 0 && offset + length > limit)) {
                close();
                number++;
                offset = 0;
                buf = new java.io.ByteArrayOutputStream((int) Math.min(limit, 1 << 24));
            }
            return new long[] {number, offset};
        }

        void add(byte[] member) {
            buf.write(member, 0, member.length);
            offset += member.length;
        }

        void close() {
            if (buf != null && buf.size() > 0) {
                out.write(folder + number + ".bin", buf.toByteArray());
            }
            buf = null;
        }
    }

    /**
     * The shortest prefix of {@code first} that sorts after {@code previous}: enough for the
     * client to pick the shard (term >= boundary), and it keeps the manifest small.
     */
    static String separator(String previous, String first) {
        for (int len = 1; len < first.length(); len++) {
            if (Character.isHighSurrogate(first.charAt(len - 1))) {
                continue; // never split a surrogate pair
            }
            String p = first.substring(0, len);
            if (p.compareTo(previous) > 0) {
                return p;
            }
        }
        return first;
    }

    /**
     * Groups of equal score, score descending: their number, then (with two groups or more) a
     * shift, then for each group its score, its count and its doc numbers ascending as gaps.
     * The first group's score is a float64, or left out when the reader knows it ({@code
     * firstKnown}: a deeper tier starts at its bound, which the shard holds). Each later score is
     * the difference of its IEEE bits from the previous one's, shifted right by the shift (the
     * trailing zero bits every difference of the tier has: a sum of a few float32 scores leaves
     * most of a double's mantissa zero), as a varint; 0 (never a difference: scores are
     * distinct) escapes a difference of 2^50 or more, which follows as a float64 of the score
     * itself, so the client's varints stay exact doubles. A score then costs 2-3 bytes instead of 8.
     */
    static Bytes postings(TermScores.Postings p, int from, int to, boolean firstKnown) {
        double[] scores = p.scores();
        int groups = 0;
        int shift = 64;
        for (int i = from; i < to; i++) {
            if (i == from || scores[i] != scores[i - 1]) {
                groups++;
                if (i > from) {
                    shift = Math.min(shift, Long.numberOfTrailingZeros(bits(scores, i - 1) - bits(scores, i)));
                }
            }
        }
        Bytes b = new Bytes().varint(groups);
        if (groups > 1) {
            b.varint(shift);
        }
        for (int i = from; i < to; ) {
            int j = i;
            while (j < to && scores[j] == scores[i]) {
                j++;
            }
            if (i > from) {
                long step = (bits(scores, i - 1) - bits(scores, i)) >>> shift;
                if (step < MAX_STEP) {
                    b.varint(step);
                } else {
                    b.varint(0).float64(scores[i]);
                }
            } else if (!firstKnown) {
                b.float64(scores[i]);
            }
            b.varint(j - i);
            int prev = -1;
            for (int k = i; k < j; k++) {
                b.varint(p.docs()[k] - prev - 1);
                prev = p.docs()[k];
            }
            i = j;
        }
        return b;
    }

    /** A score difference the client's varints hold exactly (JavaScript numbers are doubles). */
    static final long MAX_STEP = 1L << 50;

    private static long bits(double[] scores, int i) {
        return Double.doubleToRawLongBits(scores[i]);
    }
}
