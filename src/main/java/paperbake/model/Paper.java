package paperbake.model;

import java.util.List;

/**
 * One distinct arXiv paper across the whole archive, merged from every entry that lists it.
 *
 * @param version     the highest version any digest linked, 0 when none named one
 * @param appearances every digest the paper appeared in, newest first
 * @param sources     for each non-empty text field, the listing it was taken from, in field order
 */
public record Paper(
        ArxivId id,
        String titleZh,
        String titleEn,
        String tldrZh,
        String tldrEn,
        String abstractZh,
        String abstractEn,
        boolean abstractZhTruncated,
        boolean abstractEnTruncated,
        String category,
        int version,
        List<Appearance> appearances,
        List<FieldSource> sources) {

    public Paper {
        appearances = List.copyOf(appearances);
        sources = List.copyOf(sources);
    }

    /** The newest dated appearance, or the first undated one when the paper was never dated. */
    public Appearance latest() {
        return appearances.get(0);
    }
}
