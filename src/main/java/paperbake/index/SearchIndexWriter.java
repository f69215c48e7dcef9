package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.Paper;

/**
 * Writes the static search index for an archive under {@code <siteRoot>/search/}:
 *
 * <pre>
 * search/manifest.json          analyzer version, doc count, channels, where every shard starts
 * search/s/&lt;n&gt;.bin              term shards (gzip): for each term its df, tier bounds and top postings
 * search/t/&lt;n&gt;.bin              packs of deeper postings tiers (each tier a gzip member), read by range
 * search/r/&lt;n&gt;.json             result data: titles, TL;DR, listings, {@code chunkDocs} papers each
 * search/f/dates.json           first doc number of every listing date (doc numbers are date ordered)
 * search/f/c&lt;i&gt;.bin             papers listed in channel i, as a bitmap (gzip)
 * </pre>
 *
 * Postings carry Lucene's own BM25 scores (see {@link TermScores}), ordered by score, so the
 * browser can stop reading a term as soon as the remaining postings cannot change its top
 * results. Everything is written in a fixed order with no timestamps: same archive, same bytes.
 */
public final class SearchIndexWriter {

    public static final int FORMAT = 2;

    private final SearchIndexLayout layout;
    private final Json json = new Json();

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
            return write(index, archive, siteRoot, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the index of {@code archive} that the build already made (and still owns). */
    public SearchIndexStats write(LuceneIndex index, Archive archive, Path siteRoot) {
        return write(index, archive, siteRoot, System.nanoTime());
    }

    private SearchIndexStats write(LuceneIndex index, Archive archive, Path siteRoot, long t0) {
        try {
            long t1 = System.nanoTime();
            List<TermScores.Postings> terms = TermScores.compute(index);
            long t2 = System.nanoTime();
            Out out = new Out(siteRoot.resolve("search"));
            List<String> shardFirst = writeTerms(terms, out);
            writeResults(index.papers(), archive.channels(), out);
            writeFilters(index.papers(), archive.channels(), out);
            writeManifest(index.papers().size(), archive.channels(), shardFirst, out);
            long t3 = System.nanoTime();
            long postings = terms.stream().mapToLong(TermScores.Postings::df).sum();
            SearchIndexStats stats = new SearchIndexStats(index.papers().size(), out.files.get(), out.bytes.get(),
                    terms.size(), postings, (t3 - t0) / 1_000_000,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what it writes (from several threads); creates each directory once. */
    private static final class Out {
        final Path root;
        final AtomicInteger files = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final Set<Path> dirs = ConcurrentHashMap.newKeySet();

        Out(Path root) throws IOException {
            this.root = root;
            Files.createDirectories(root);
        }

        void write(String rel, byte[] data) {
            try {
                Path p = root.resolve(rel);
                Path dir = p.getParent();
                if (!dirs.contains(dir)) {
                    Files.createDirectories(dir); // idempotent, so racing threads are harmless
                    dirs.add(dir);
                }
                Files.write(p, data);
                files.incrementAndGet();
                bytes.addAndGet(data.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A term's shard entry and its deeper tiers (already gzipped), computed independently per term. */
    private record Encoded(Bytes entry, List<byte[]> tiers) {}

    // ---- terms --------------------------------------------------------------------------

    private List<String> writeTerms(List<TermScores.Postings> terms, Out out) {
        // Encoding and compressing is independent per term: do it on all cores.
        Encoded[] encoded = new Encoded[terms.size()];
        int chunk = 4096;
        IntStream.range(0, (terms.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            try (Gzip gz = new Gzip()) {
                for (int ord = c * chunk; ord < Math.min(terms.size(), (c + 1) * chunk); ord++) {
                    encoded[ord] = termEntry(terms.get(ord), gz);
                }
            }
        });
        // Deeper tiers go into a few large pack files read with HTTP range requests: one file
        // per tier would mean tens of thousands of files, and writing them dominated the build.
        List<String> shardFirst = new ArrayList<>();
        Bytes shard = new Bytes();
        int shardStart = 0;
        Pack pack = new Pack(out, layout.packBytes());
        try (Gzip gz = new Gzip()) {
            for (int ord = 0; ord < terms.size(); ord++) {
                Encoded e = encoded[ord];
                encoded[ord] = null;
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
                if (shard.size() >= layout.shardBytes() || ord == terms.size() - 1) {
                    Bytes b = new Bytes().varint(shardStart).varint(ord + 1 - shardStart).append(shard);
                    out.write("s/" + shardFirst.size() + ".bin", gz.gzip(b.toByteArray()));
                    shardFirst.add(shardStart == 0 ? "" : separator(terms.get(shardStart - 1).term(), terms.get(shardStart).term()));
                    shard = new Bytes();
                    shardStart = ord + 1;
                }
            }
        }
        pack.close();
        return shardFirst;
    }

    /** Pack files t/&lt;n&gt;.bin: concatenated gzip members, a new file once one passes the limit. */
    private static final class Pack {
        private final Out out;
        private final long limit;
        private int number = -1;
        private long offset;
        private java.io.ByteArrayOutputStream buf;

        Pack(Out out, long limit) {
            this.out = out;
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
                out.write("t/" + number + ".bin", buf.toByteArray());
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
        b.append(postings(p, tiers.get(0)[0], tiers.get(0)[1]));
        List<byte[]> deeper = new ArrayList<>();
        for (int k = 1; k < tiers.size(); k++) {
            deeper.add(gz.gzip(postings(p, tiers.get(k)[0], tiers.get(k)[1]).toByteArray()));
        }
        return new Encoded(b, deeper);
    }

    /** Groups of equal score, score descending: score, count, doc numbers ascending as gaps. */
    private static Bytes postings(TermScores.Postings p, int from, int to) {
        Bytes b = new Bytes();
        int groups = 0;
        for (int i = from; i < to; i++) {
            if (i == from || p.scores()[i] != p.scores()[i - 1]) {
                groups++;
            }
        }
        b.varint(groups);
        for (int i = from; i < to; ) {
            int j = i;
            while (j < to && p.scores()[j] == p.scores()[i]) {
                j++;
            }
            b.float64(p.scores()[i]).varint(j - i);
            int prev = -1;
            for (int k = i; k < j; k++) {
                b.varint(p.docs()[k] - prev - 1);
                prev = p.docs()[k];
            }
            i = j;
        }
        return b;
    }

    // ---- result data --------------------------------------------------------------------

    /** [arxiv id, English title, Chinese title, Chinese TL;DR, English TL;DR, [[channel, date|null]...]]. */
    private void writeResults(List<Paper> papers, List<String> channels, Out out) {
        int chunk = layout.chunkDocs();
        IntStream.range(0, (papers.size() + chunk - 1) / chunk).parallel().forEach(n -> {
            int start = n * chunk;
            List<Paper> part = papers.subList(start, Math.min(papers.size(), start + chunk));
            out.write("r/" + n + ".json", json.write(g -> {
                g.writeStartArray();
                for (Paper p : part) {
                    g.writeStartArray();
                    g.writeString(p.id().value());
                    g.writeString(p.titleEn());
                    g.writeString(p.titleZh());
                    g.writeString(p.tldrZh());
                    g.writeString(p.tldrEn());
                    g.writeStartArray();
                    for (Appearance a : p.appearances()) {
                        g.writeStartArray();
                        g.writeNumber(channels.indexOf(a.digest().channel()));
                        g.writeString(a.digest().name());
                        if (a.date() == null) {
                            g.writeNull();
                        } else {
                            g.writeString(a.date().toString());
                        }
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
                g.writeEndArray();
            }));
        });
    }

    // ---- filters ------------------------------------------------------------------------

    /**
     * Doc numbers run newest first, so a date range is a doc-number range: dates.json lists,
     * for each distinct latest-listing date, the first doc number that has it. Channels are
     * bitmaps over doc numbers, one small file each.
     */
    private void writeFilters(List<Paper> papers, List<String> channels, Out out) {
        Map<String, Integer> firstDoc = new TreeMap<>();
        for (int d = papers.size() - 1; d >= 0; d--) {
            LocalDate date = papers.get(d).latest().date();
            if (date != null) {
                firstDoc.put(date.toString(), d);
            }
        }
        int undatedFrom = papers.size();
        while (undatedFrom > 0 && papers.get(undatedFrom - 1).latest().date() == null) {
            undatedFrom--;
        }
        int dated = undatedFrom;
        out.write("f/dates.json", json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("dated", dated);
            g.writeArrayFieldStart("dates");
            for (var e : ((TreeMap<String, Integer>) firstDoc).descendingMap().entrySet()) {
                g.writeStartArray();
                g.writeString(e.getKey());
                g.writeNumber(e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
        for (int c = 0; c < channels.size(); c++) {
            BitSet bits = new BitSet(papers.size());
            for (int d = 0; d < papers.size(); d++) {
                String ch = channels.get(c);
                if (papers.get(d).appearances().stream().anyMatch(a -> a.digest().channel().equals(ch))) {
                    bits.set(d);
                }
            }
            byte[] raw = new byte[(papers.size() + 7) / 8];
            byte[] set = bits.toByteArray();
            System.arraycopy(set, 0, raw, 0, set.length);
            try (Gzip gz = new Gzip()) {
                out.write("f/c" + c + ".bin", gz.gzip(raw));
            }
        }
    }

    // ---- manifest -----------------------------------------------------------------------

    private void writeManifest(int docs, List<String> channels, List<String> shardFirst, Out out) {
        out.write("manifest.json", json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("analyzer", PaperAnalyzer.VERSION);
            g.writeNumberField("docs", docs);
            g.writeNumberField("chunkDocs", layout.chunkDocs());
            g.writeArrayFieldStart("channels");
            for (String c : channels) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("shards", FrontCoding.encode(shardFirst));
            g.writeEndObject();
        }));
    }
}
