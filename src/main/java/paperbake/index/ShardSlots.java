package paperbake.index;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Term shards in slots of one fixed size, packed into files {@code s/<n>.bin} of
 * {@link SearchIndexLayout#shardsPerPack} slots each: shard {@code k} is the range at
 * {@code (k % perPack) × slot} of pack {@code k / perPack}, so the client needs no offsets (the
 * manifest stays the size it was) and reads consecutive shards in one range request. A slot holds
 * the shard's gzip member's length (2 bytes, big-endian), the member, then zeros.
 *
 * <p>Why packs: a shard per file meant ~3,400 files for cs.CL, nearly all of them rewritten by a
 * rebuild after one new day (almost every shard holds a term of a new day's papers), and creating
 * and renaming files, not computing them, was most of the export's time on a rebuild.
 *
 * <p>A shard takes terms while its compressed size still fits, so slots are nearly full (98% over
 * the whole shared corpus): it is compressed again only when the raw bytes pass an estimate from
 * the compression ratio seen so far, and closed at the most terms that fit. That is about three
 * compressions a shard instead of one (0.5 s more of the export's CPU for cs.CL; cheaper rules
 * left the slots less full: docs/BENCHMARKS.md, "Term shards in pack slots").
 */
final class ShardSlots {

    private static final int LENGTH_BYTES = 2;

    private final IndexFiles out;
    private final Gzip gz;
    private final int slot;
    private final int perPack;
    /** Dictionary ordinal of each shard's first term. */
    private final List<Integer> starts = new ArrayList<>();
    /** The open shard's term entries, from dictionary ordinal {@link #first}. */
    private final List<Bytes> entries = new ArrayList<>();
    private int first;
    private int raw;
    /** The open shard's first {@link #fitting} entries, compressed: the last set known to fit. */
    private byte[] fits;
    private int fitting;
    /** Raw size at which the open shard is compressed again. */
    private int nextCheck;
    /** Raw bytes per compressed byte of the last shard closed. */
    private double ratio = 1;
    private ByteArrayOutputStream pack;
    private int slotsInPack;
    private int packs;

    ShardSlots(IndexFiles out, Gzip gz, SearchIndexLayout layout) {
        this.out = out;
        this.gz = gz;
        this.slot = layout.shardSlot();
        this.perPack = layout.shardsPerPack();
        this.nextCheck = room();
    }

    /** Appends the entry of the next dictionary term. */
    void add(Bytes entry) {
        entries.add(entry);
        raw += entry.size();
        while (raw >= nextCheck) {
            byte[] g = compress(entries.size());
            if (g.length <= room()) {
                fits = g;
                fitting = entries.size();
                // The slack left, in raw bytes at this shard's ratio, plus one so the loop ends.
                nextCheck = raw + 1 + (int) ((room() - g.length) * (double) raw / g.length);
                return;
            }
            close(entries.size());
        }
    }

    /** Writes the open shard and the last pack; returns each shard's first dictionary ordinal. */
    List<Integer> finish() {
        while (!entries.isEmpty()) {
            byte[] g = fitting == entries.size() ? fits : compress(entries.size());
            if (g.length <= room()) {
                write(entries.size(), g);
            } else {
                close(entries.size());
            }
        }
        if (slotsInPack > 0) {
            writePack();
        }
        return starts;
    }

    /**
     * Closes the open shard at the most entries that fit, knowing that {@link #fitting} do and
     * {@code tooMany} do not (the estimate that triggered the compression may have passed several
     * entries, or, with nothing known to fit, all of them); the others open the next shard.
     */
    private void close(int tooMany) {
        int lo = fitting;
        byte[] g = fits;
        int hi = tooMany;
        // Down from where it overflowed, 1, 2, 4... entries: it is usually over by an entry or two.
        for (int step = 1; hi - lo > 1; step *= 2) {
            int n = Math.max(lo + 1, hi - step);
            byte[] m = compress(n);
            if (m.length <= room()) {
                lo = n;
                g = m;
                break;
            }
            hi = n;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            byte[] m = compress(mid);
            if (m.length <= room()) {
                lo = mid;
                g = m;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            throw new IllegalStateException("a term's shard entry does not fit a " + slot + "-byte shard slot");
        }
        write(lo, g);
    }

    /** Writes the open shard's first {@code n} entries, compressed as {@code member}, into the next slot. */
    private void write(int n, byte[] member) {
        int shardRaw = 0;
        for (int i = 0; i < n; i++) {
            shardRaw += entries.get(i).size();
        }
        ratio = (double) shardRaw / member.length;
        writeSlot(member);
        starts.add(first);
        first += n;
        entries.subList(0, n).clear();
        raw -= shardRaw;
        fits = null;
        fitting = 0;
        // Just below where the last shard's ratio says the next one fills its slot.
        nextCheck = Math.max(1, (int) (room() * ratio * 0.97));
    }

    private int room() {
        return slot - LENGTH_BYTES;
    }

    /** The shard of the open shard's first {@code n} entries, gzipped: first ordinal, count, entries. */
    private byte[] compress(int n) {
        Bytes b = new Bytes(raw + 16).varint(first).varint(n);
        for (int i = 0; i < n; i++) {
            b.append(entries.get(i));
        }
        return gz.gzip(b.toByteArray());
    }

    private void writeSlot(byte[] member) {
        if (pack == null) {
            pack = new ByteArrayOutputStream(Math.min(perPack, 4096) * slot);
        }
        pack.write(member.length >>> 8);
        pack.write(member.length & 0xFF);
        pack.write(member, 0, member.length);
        pack.write(new byte[room() - member.length], 0, room() - member.length);
        if (++slotsInPack == perPack) {
            writePack();
        }
    }

    private void writePack() {
        out.write("s/" + packs++ + ".bin", pack.toByteArray());
        pack = null;
        slotsInPack = 0;
    }
}
