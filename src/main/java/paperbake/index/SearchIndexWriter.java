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
import java.util.TreeMap;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.Paper;

/**
 * Writes the static search index for an archive under {@code <siteRoot>/search/}:
 *
 * <pre>
 * search/manifest.json          analyzer version, doc count, channels, where every shard starts
 * search/s/&lt;n&gt;.bin              term shards (gzip): for each term its df, tier bounds and top postings
 * search/t/&lt;ordinal&gt;-&lt;k&gt;.bin     deeper postings tiers of frequent terms (gzip)
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

    public static final int FORMAT = 1;

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
            List<TermScores.Postings> terms = TermScores.compute(index);
            Out out = new Out(siteRoot.resolve("search"));
            List<String> shardFirst = writeTerms(terms, out);
            writeResults(index.papers(), archive.channels(), out);
            writeFilters(index.papers(), archive.channels(), out);
            writeManifest(index.papers().size(), archive.channels(), shardFirst, out);
            long postings = terms.stream().mapToLong(TermScores.Postings::df).sum();
            SearchIndexStats stats = new SearchIndexStats(index.papers().size(), out.files, out.bytes,
                    terms.size(), postings, (System.nanoTime() - t0) / 1_000_000);
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what it writes; creates directories on demand. */
    private static final class Out {
        final Path root;
        int files;
        long bytes;

        Out(Path root) throws IOException {
            this.root = root;
            Files.createDirectories(root);
        }

        void write(String rel, byte[] data) {
            try {
                Path p = root.resolve(rel);
                Files.createDirectories(p.getParent());
                Files.write(p, data);
                files++;
                bytes += data.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- terms --------------------------------------------------------------------------

    private List<String> writeTerms(List<TermScores.Postings> terms, Out out) {
        List<String> shardFirst = new ArrayList<>();
        Bytes shard = new Bytes();
        int shardStart = 0;
        for (int ord = 0; ord < terms.size(); ord++) {
            TermScores.Postings p = terms.get(ord);
            Bytes entry = termEntry(p, ord, out);
            shard.append(entry);
            if (shard.size() >= layout.shardBytes() || ord == terms.size() - 1) {
                writeShard(shardFirst.size(), shardStart, ord + 1 - shardStart, shard, out);
                shardFirst.add(shardStart == 0 ? "" : separator(terms.get(shardStart - 1).term(), terms.get(shardStart).term()));
                shard = new Bytes();
                shardStart = ord + 1;
            }
        }
        return shardFirst;
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

    private static void writeShard(int n, int firstOrdinal, int count, Bytes body, Out out) {
        Bytes b = new Bytes().varint(firstOrdinal).varint(count).append(body);
        out.write("s/" + n + ".bin", b.gzip());
    }

    /**
     * term, df, number of tiers, the score bound of each deeper tier, then the inline tier.
     * Deeper tiers go to their own files, named by the term's ordinal.
     */
    private Bytes termEntry(TermScores.Postings p, int ordinal, Out out) {
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
        for (int k = 1; k < tiers.size(); k++) {
            out.write("t/" + ordinal + "-" + k + ".bin", postings(p, tiers.get(k)[0], tiers.get(k)[1]).gzip());
        }
        return b;
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
        for (int start = 0, n = 0; start < papers.size(); start += chunk, n++) {
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
        }
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
            out.write("f/c" + c + ".bin", new Bytes().raw(raw).gzip());
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
            g.writeArrayFieldStart("shards");
            for (String s : shardFirst) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }
}
