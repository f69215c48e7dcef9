package paperbake.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One digest file after parsing.
 *
 * @param date    null when neither front matter nor file name gives one (listed as undated)
 * @param title   front-matter title, or empty
 * @param entries entries with an arXiv id, in the digest's own order
 * @param others  entries the digest lists without a usable arXiv link: shown on the digest page,
 *                reported as skipped, never given a paper page
 */
public record Digest(
        DigestId id,
        Path source,
        LocalDate date,
        String title,
        List<Entry> entries,
        List<UnlinkedEntry> others) {

    public String channel() {
        return id.channel();
    }

    public boolean dated() {
        return date != null;
    }

    /** An entry whose link is missing or is not an arXiv link. */
    public record UnlinkedEntry(int line, String titleZh, String titleEn, String tldrZh, String url) {}
}
