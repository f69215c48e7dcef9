package paperbake.model;

/**
 * One paper as one digest lists it. Absent text is the empty string, never null, so every
 * later stage can treat fields uniformly.
 *
 * @param ref           the arXiv id and the version the digest linked (0 when unversioned)
 * @param line          1-based line in the digest where the entry starts (table row, else footnote)
 * @param announceType  {@code new}, {@code cross}, {@code replace}, {@code replace-cross}, or empty;
 *                      old-style {@code UPDATED}/{@code CROSS LISTED} tails map to replace/cross
 * @param category      the primary category when the digest names it (old style only), else empty
 */
public record Entry(
        ArxivId.Ref ref,
        int line,
        String titleZh,
        String titleEn,
        String tldrZh,
        String tldrEn,
        String abstractZh,
        String abstractEn,
        boolean abstractZhTruncated,
        boolean abstractEnTruncated,
        String announceType,
        String category) {

    public ArxivId id() {
        return ref.id();
    }
}
