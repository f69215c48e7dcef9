package paperbake.index;

/**
 * Tunables of the static index layout. Defaults were chosen with the cs.CL benchmark
 * (docs/BENCHMARKS.md, Search): they trade the bytes of a typical query against file count.
 *
 * @param shardBytes  a term shard is closed once its uncompressed size reaches this
 * @param inline      postings of a term stored in its shard (its top tier)
 * @param tierGrowth  each further tier is this many times larger than the previous one
 * @param chunkDocs   papers per result-data chunk
 * @param packBytes   deeper tiers are packed into files of at most this size (a tier is never split)
 */
public record SearchIndexLayout(int shardBytes, int inline, int tierGrowth, int chunkDocs, long packBytes) {

    public static final SearchIndexLayout DEFAULT = new SearchIndexLayout(3_000, 40, 3, 2, 32L << 20);
}
