package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.write.PageSink;

class ShardSlotsTest {

    private static final int SLOT = 1024;

    /**
     * Entries of mixed compressibility (random bytes, repeated text) into 1 KB slots, 5 to a pack:
     * every entry is in exactly one shard, in order, each shard's slot is where its number says,
     * and every shard but the last is full: the next entry would not have fitted its slot.
     */
    @Test
    void everyEntryOnceInOrderInSlotsThatAreFull(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        List<Bytes> entries = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Bytes b = new Bytes();
            int n = 5 + r.nextInt(i % 50 == 0 ? 600 : 120);
            for (int k = 0; k < n; k++) {
                b.raw(new byte[] {(byte) (i % 3 == 0 ? r.nextInt(256) : "model language ".charAt(k % 15))});
            }
            entries.add(b);
        }
        SearchIndexLayout layout = new SearchIndexLayout(SLOT, 40, 3, 2, 5L * SLOT);
        IndexFiles out = new IndexFiles(PageSink.folder(dir));
        List<Integer> starts;
        try (Gzip gz = new Gzip()) {
            ShardSlots slots = new ShardSlots(out, gz, layout);
            entries.forEach(slots::add);
            starts = slots.finish();
        }
        byte[] all = packs(dir.resolve("search/s"), starts.size(), layout.shardsPerPack());
        assertThat(all.length).isEqualTo(starts.size() * SLOT);
        assertThat(starts.size()).as("shards").isGreaterThan(20);
        int next = 0;
        try (Gzip gz = new Gzip()) {
            for (int k = 0; k < starts.size(); k++) {
                byte[] slot = Arrays.copyOfRange(all, k * SLOT, (k + 1) * SLOT);
                int length = ((slot[0] & 0xFF) << 8) | (slot[1] & 0xFF);
                assertThat(length).isBetween(20, SLOT - 2);
                assertThat(Arrays.copyOfRange(slot, 2 + length, SLOT)).as("padding").isEqualTo(new byte[SLOT - 2 - length]);
                assertThat(starts.get(k)).as("first ordinal of shard " + k).isEqualTo(next);
                int count = (k + 1 < starts.size() ? starts.get(k + 1) : entries.size()) - next;
                Bytes expected = new Bytes();
                for (int i = next; i < next + count; i++) {
                    expected.append(entries.get(i));
                }
                assertThat(gunzip(Arrays.copyOfRange(slot, 2, 2 + length))).as("shard " + k)
                        .isEqualTo(new Bytes().varint(next).varint(count).append(expected).toByteArray());
                if (k + 1 < starts.size()) {
                    Bytes more = new Bytes().varint(next).varint(count + 1).append(expected).append(entries.get(next + count));
                    assertThat(gz.gzip(more.toByteArray()).length).as("shard %d with the next entry", k).isGreaterThan(SLOT - 2);
                }
                next += count;
            }
        }
        assertThat(next).isEqualTo(entries.size());
    }

    private static byte[] packs(Path dir, int shards, int perPack) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int files = (shards + perPack - 1) / perPack;
        try (var list = Files.list(dir)) {
            assertThat(list.count()).as("pack files").isEqualTo(files);
        }
        for (int p = 0; p < files; p++) {
            byte[] pack = Files.readAllBytes(dir.resolve(p + ".bin"));
            assertThat(pack.length).as("pack " + p).isEqualTo(Math.min(perPack, shards - p * perPack) * SLOT);
            all.write(pack);
        }
        return all.toByteArray();
    }

    private static byte[] gunzip(byte[] member) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
            return in.readAllBytes();
        }
    }
}
