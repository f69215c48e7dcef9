package paperbake.index;

/**
 * Tunables of the static index layout. Defaults were chosen with the cs.CL benchmark
 * (docs/BENCHMARKS.md, Search): they trade the bytes of a typical query against file count.
 *
 * @param shardBytes     a term shard is closed once its uncompressed size reaches this
 * @param shardUnit      a shard takes a whole number of these bytes in its pack, at most {@link #MAX_SHARD_UNITS}
 * @param shardPackBytes shards are packed into files of at most this size
 * @param inline         postings of a term stored in its shard (its top tier)
 * @param tierGrowth     each further tier is this many times larger than the previous one
 * @param chunkDocs      papers per result-data chunk
 * @param packBytes      deeper tiers are packed into files of at most this size (a tier is never split)
 */
public record SearchIndexLayout(int shardBytes, int shardUnit, long shardPackBytes, int inline, int tierGrowth,
                                int chunkDocs, long packBytes) {

    /** A shard's size in units is one character of the manifest (base64url: 1-64 units). */
    public static final int MAX_SHARD_UNITS = 64;

    /**
     * Units of 128 bytes: a shard of ~3,000 raw bytes (2,430 gzipped on average) wastes 64 bytes
     * on average (2.7%), and its size costs the manifest about 3.5 bits after gzip (2.0 KB over the
     * whole shared corpus); 64-byte units would waste half as much for 0.6 KB more of every
     * first query. A shard can grow to 3,000 bytes plus one term's entry (about 1.2 KB at most),
     * far below 64 units.
     */
    public static final SearchIndexLayout DEFAULT = new SearchIndexLayout(3_000, 128, 1L << 20, 40, 3, 2, 32L << 20);

    public SearchIndexLayout {
        if (shardUnit < 16 || (long) shardUnit * MAX_SHARD_UNITS > 0x10000) {
            throw new IllegalArgumentException("shard unit of " + shardUnit
                    + " bytes: a shard's 2-byte length field holds at most 64 units of 1,024 bytes");
        }
    }
}
