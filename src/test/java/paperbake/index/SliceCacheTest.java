package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.cache.BuildCache;
import paperbake.model.Archive;

/** Slices read back from the cache make the same index as slices indexed anew, and a bad entry is indexed anew. */
class SliceCacheTest {

    @TempDir
    Path dir;

    private SliceCache cache(boolean reuse) {
        return new SliceCache(BuildCache.open(dir, "test", n -> { }).orElseThrow(), reuse);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve(SliceCache.KIND))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aWarmCacheADamagedOneAndNoneGiveOneIndex() throws IOException {
        Archive a = SearchIndexWriterTest.big();
        List<TermScores.Postings> plain;
        try (LuceneIndex none = LuceneIndex.build(a, 2)) {
            plain = TermScores.compute(none);
        }
        try (LuceneIndex cold = LuceneIndex.build(a, false, 2, cache(true))) {
            SearchIndexWriterTest.assertSameScores(plain, TermScores.compute(cold));
        }
        List<Path> stored = entries();
        assertThat(stored).as("a slice per month").hasSize(3);
        for (Path p : stored) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0));
        }
        try (LuceneIndex warm = LuceneIndex.build(a, false, 2, cache(true))) {
            SearchIndexWriterTest.assertSameScores(plain, TermScores.compute(warm));
        }
        for (Path p : stored) {
            assertThat(Files.getLastModifiedTime(p).toMillis()).as("read, not written again: " + p).isZero();
        }

        byte[] b = Files.readAllBytes(stored.get(1));
        b[b.length / 2] ^= 1;
        Files.write(stored.get(1), b);
        try (LuceneIndex damaged = LuceneIndex.build(a, false, 2, cache(true))) {
            SearchIndexWriterTest.assertSameScores(plain, TermScores.compute(damaged));
        }
        assertThat(Files.getLastModifiedTime(stored.get(1)).toMillis()).as("indexed anew and stored again").isPositive();
    }

    @Test
    void aSliceIsKeyedByEveryFieldOfEveryPaperInOrder() {
        Archive a = SearchIndexWriterTest.big();
        List<List<paperbake.model.Paper>> months = LuceneIndex.byMonth(
                a.papers().values().stream().sorted(LuceneIndex.ORDER).toList());
        List<paperbake.model.Paper> m = months.get(0);
        byte[] key = SliceCache.key(m, "x");
        assertThat(SliceCache.key(m, "x")).isEqualTo(key);
        assertThat(SliceCache.key(m, "y")).as("how it was indexed").isNotEqualTo(key);
        assertThat(SliceCache.key(m.subList(1, m.size()), "x")).isNotEqualTo(key);
        List<paperbake.model.Paper> swapped = new java.util.ArrayList<>(m);
        java.util.Collections.swap(swapped, 0, 1);
        assertThat(SliceCache.key(swapped, "x")).as("order").isNotEqualTo(key);
    }

    /**
     * With the digests' source keys, a slice is keyed by the digests its papers are merged from:
     * a changed file (even one whose entries read the same) changes the key; without a key for
     * every digest, the text is digested as before.
     */
    @Test
    void aSliceIsKeyedByTheDigestsItsPapersAreMadeFrom() {
        Archive a = SearchIndexWriterTest.big();
        java.util.Map<paperbake.model.DigestId, paperbake.model.Digest> byId = new java.util.HashMap<>();
        a.digests().forEach(d -> byId.put(d.id(), d));
        java.util.Map<Path, byte[]> files = new java.util.HashMap<>();
        a.digests().forEach(d -> files.put(d.source(), BuildCache.key(d.source().toString().getBytes())));
        List<paperbake.model.Paper> m = LuceneIndex.byMonth(a.papers().values().stream().sorted(LuceneIndex.ORDER).toList()).get(0);
        BuildCache c = BuildCache.open(dir, "test", n -> { }).orElseThrow();
        byte[] key = new SliceCache(c, true, new paperbake.model.DigestKeys(files)).key(m, "x", byId);
        assertThat(new SliceCache(c, true, new paperbake.model.DigestKeys(files)).key(m, "x", byId)).isEqualTo(key);
        assertThat(key).as("tagged apart from a text key").isNotEqualTo(SliceCache.key(m, "x"));
        assertThat(new SliceCache(c, true, new paperbake.model.DigestKeys(files)).key(m, "y", byId)).isNotEqualTo(key);

        paperbake.model.Digest listing = byId.get(m.get(0).appearances().get(0).digest());
        java.util.Map<Path, byte[]> edited = new java.util.HashMap<>(files);
        edited.put(listing.source(), BuildCache.key("other bytes".getBytes()));
        assertThat(new SliceCache(c, true, new paperbake.model.DigestKeys(edited)).key(m, "x", byId))
                .as("a file of one of its papers changed").isNotEqualTo(key);

        java.util.Map<Path, byte[]> missing = new java.util.HashMap<>(files);
        missing.remove(listing.source());
        assertThat(new SliceCache(c, true, new paperbake.model.DigestKeys(missing)).key(m, "x", byId))
                .as("a digest without a key: the text is digested").isEqualTo(SliceCache.key(m, "x"));
        assertThat(cache(true).key(m, "x", byId)).as("no keys at all").isEqualTo(SliceCache.key(m, "x"));
    }
}
