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
}
