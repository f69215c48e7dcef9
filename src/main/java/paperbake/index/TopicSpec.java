package paperbake.index;

/**
 * One topic as {@code topics.yml} declares it, before its query has met the index.
 *
 * @param line        the line of the topic's entry in topics.yml, for diagnostics
 * @param description empty when none is given
 */
public record TopicSpec(String slug, String nameZh, String nameEn, String query, String description, int line) {

    /** Slugs become paths ({@code topics/<slug>/}) and search links: lower-case ASCII only. */
    public static boolean validSlug(String slug) {
        return slug.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    }

    /** The name to show where only one fits. */
    public String name() {
        return nameEn.isEmpty() ? nameZh : nameEn;
    }
}
