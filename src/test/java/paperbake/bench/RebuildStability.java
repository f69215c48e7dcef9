package paperbake.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import paperbake.index.LuceneIndex;
import paperbake.index.SearchField;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.Digest;
import paperbake.parse.ContentReader;

/**
 * What a search index could keep across a rebuild after one new day, whatever its format: the
 * index of a content folder without its newest digest against the index with it, compared
 * (field, term) by (field, term) as the statistics-free postings a format would have to store
 * for the browser to compute Lucene's BM25 itself: each paper's frequency and norm. Prints how
 * many lists, and how many of the postings, are identical; and, with papers numbered from the
 * oldest (so a new day's papers come last), how many blocks of {@value #BLOCK} consecutive
 * postings are, as a doc-ordered format would store them.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) paperbake.bench.RebuildStability ../shared/corpus/cn-chat-arxiv/cs.CL
 * </pre>
 */
public final class RebuildStability {

    private static final int BLOCK = 128;

    private RebuildStability() {}

    /** A (field, term)'s postings: per paper in oldest-first order, its id, frequency and norm. */
    private record Posting(String paper, int freq, long norm) {}

    public static void main(String[] a) throws Exception {
        List<Digest> digests = new ContentReader().read(Path.of(a[0])).digests();
        Digest newest = digests.stream().filter(d -> d.date() != null)
                .max(Comparator.comparing(Digest::date)).orElseThrow();
        Map<String, List<Posting>> before = lists(archive(digests, newest));
        Map<String, List<Posting>> after = lists(archive(digests, null));
        long lists = 0;
        long sameLists = 0;
        long postings = 0;
        long inSameLists = 0;
        long blocks = 0;
        long sameBlocks = 0;
        for (Map.Entry<String, List<Posting>> e : after.entrySet()) {
            List<Posting> now = e.getValue();
            List<Posting> then = before.getOrDefault(e.getKey(), List.of());
            lists++;
            postings += now.size();
            if (now.equals(then)) {
                sameLists++;
                inSameLists += now.size();
            }
            for (int from = 0; from < now.size(); from += BLOCK) {
                blocks++;
                int to = Math.min(now.size(), from + BLOCK);
                if (to <= then.size() && now.subList(from, to).equals(then.subList(from, to))) {
                    sameBlocks++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "the new day: %s, %d entries%n", newest.source().getFileName(), newest.entries().size());
        System.out.printf(Locale.ROOT, "(field, term) lists: %,d, identical %,d (%.1f%%)%n", lists, sameLists, 100.0 * sameLists / lists);
        System.out.printf(Locale.ROOT, "postings: %,d, in identical lists %,d (%.1f%%)%n", postings, inSameLists, 100.0 * inSameLists / postings);
        System.out.printf(Locale.ROOT, "blocks of %d postings, oldest paper first: %,d, identical %,d (%.1f%%)%n",
                BLOCK, blocks, sameBlocks, 100.0 * sameBlocks / blocks);
    }

    private static Archive archive(List<Digest> digests, Digest without) {
        ArchiveBuilder b = new ArchiveBuilder();
        digests.stream().filter(d -> !Objects.equals(d, without)).forEach(b::add);
        return b.build();
    }

    private static Map<String, List<Posting>> lists(Archive archive) throws Exception {
        Map<String, List<Posting>> out = new HashMap<>();
        try (LuceneIndex index = LuceneIndex.build(archive)) {
            for (LeafReaderContext ctx : index.reader().leaves()) {
                LeafReader r = ctx.reader();
                for (SearchField f : SearchField.values()) {
                    Terms terms = r.terms(f.name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
                        NumericDocValues norms = r.getNormValues(f.name);
                        List<Posting> list = new ArrayList<>();
                        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                            long norm = norms.advanceExact(d) ? norms.longValue() : 0;
                            list.add(new Posting(index.papers().get(ctx.docBase + d).id().toString(), pe.freq(), norm));
                        }
                        // doc numbers run newest first: reversed, the oldest paper comes first
                        Collections.reverse(list);
                        out.put(f.name + "/" + t.utf8ToString(), list);
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no postings in " + archive);
            }
        }
        return out;
    }
}
