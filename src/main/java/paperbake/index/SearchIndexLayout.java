package paperbake.index;

/**
 * Tunables of the static index layout. Defaults were chosen with the cs.CL benchmark
 * (docs/BENCHMARKS.md, Search): they trade the bytes of a typical query against file count.
 *
 * @param shardSlot   bytes of a term shard's slot in its pack (its gzip member, 2 bytes of length, zeros)
 * @param inline      postings of a term stored in its shard (its top tier)
 * @param tierGrowth  each further tier is this many times larger than the previous one
 * @param chunkDocs   papers per result-data chunk
 * @param packBytes   shards and deeper tiers are packed into files of at most this size (a tier is never split)
 */
public record SearchIndexLayout(int shardSlot, int inline, int tierGrowth, int chunkDocs, long packBytes) {

    /** A slot of 2,560 bytes holds what a shard of ~3,000 raw bytes did: about as many shards, so a manifest about as large. */
    public static final SearchIndexLayout DEFAULT = new SearchIndexLayout(2_560, 40, 3, 2, 32L << 20);

    public SearchIndexLayout {
        if (shardSlot < 1024 || shardSlot > 0xFFFF) {
            throw new IllegalArgumentException("shard slot of " + shardSlot + " bytes: its length field holds 1,024-65,535");
        }
    }

    /** Shard slots in one pack file. */
    public int shardsPerPack() {
        return (int) Math.max(1, packBytes / shardSlot);
    }
}
