package paperbake.render;

import java.util.List;

/**
 * What templates see. Each view holds display-ready values (URLs resolved, dates formatted) so
 * that templates only place text; the text itself stays raw and is escaped by the templates'
 * HTML output format.
 */
public final class Views {

    private Views() {}

    /**
     * Shared by every page: the site's name and the site-wide links of the header. The icon is
     * linked explicitly because a browser otherwise asks for /favicon.ico at the host's root,
     * outside a project site's folder: a 404 on every first visit.
     */
    /**
     * @param absoluteBase {@code https://host/path/} for canonical links and link previews; empty
     *                     when the base URL is only a path
     * @param themeJs      the blocking script in {@code <head>} that applies the reader's saved theme
     *                     and UI language before the first paint (and makes "/" focus the search box)
     * @param lang         the site's UI language, {@code zh} or {@code en}; {@code htmlLang} its BCP 47 tag
     */
    public record Site(String name, String base, String home, String archive, String channels, String search,
                       String css, String icon, String searchJs, String absoluteBase, String themeJs,
                       String lang, String htmlLang) {

        public static Site of(String name, SiteLinks links) {
            return of(name, links, "", Labels.DEFAULT);
        }

        public static Site of(String name, SiteLinks links, String absoluteBase, String lang) {
            return new Site(name, links.basePath(), links.home(), links.archive(), links.channels(), links.search(),
                    links.asset("css/site.css"), links.asset("favicon.svg"),
                    links.asset("js/search.js"), absoluteBase, links.asset("js/theme.js"), lang, Labels.htmlLang(lang));
        }
    }

    /**
     * Text a page shows as it is ({@code key} empty: a digest's own title) or that Paperbake worded from the label
     * {@code key} in the site's language, which theme.js rewords when the reader picks the other; {@code alt} is
     * those words in the other language (empty for text shown as it is).
     */
    public record Title(String text, String key, String alt) {

        public static Title of(String text) {
            return new Title(text, "", "");
        }

        public static Title worded(String key, String lang, Object... args) {
            return new Title(Labels.say(key, lang, args), key, Labels.say(key, Labels.other(lang), args));
        }

        /** This, then " · " and {@code text}, in both languages. */
        public Title then(String text) {
            return new Title(this.text + " · " + text, key, alt.isEmpty() ? "" : alt + " · " + text);
        }

        /** This, then " · " and {@code next}, each in its language. */
        public Title then(Title next) {
            return new Title(text + " · " + next.text, key, alt + " · " + next.alt);
        }
    }

    /** A digest as one line of a listing. {@code date} is empty when undated. */
    public record DigestLink(String url, String date, String channel, String channelUrl, Title title, int papers) {}

    public record Pager(int page, int pages, String previousUrl, String nextUrl) {}

    /** @param weeks a month page's calendar (empty elsewhere): rows of seven days, Monday first */
    public record Listing(Title heading, List<DigestLink> digests, List<List<CalendarDay>> weeks) {

        public Listing(Title heading, List<DigestLink> digests) {
            this(heading, digests, List.of());
        }
    }

    /** One cell of a month calendar; {@code day} is 0 for the blanks before the 1st and after the last. */
    public record CalendarDay(int day, String date, String url, int papers) {}

    /** A channel's papers of one day on the front page: the first few, and the digest with all of them. */
    public record ChannelDay(String channel, String anchor, String digestUrl, Title digestTitle,
                             List<EntryLink> entries, int total) {}

    /**
     * A day's papers across channels (the home page is the latest day).
     *
     * @param newerUrl empty on the latest day; {@code olderUrl} empty on the first
     */
    public record DayPage(String date, List<ChannelDay> channels, int papers,
                          String newerUrl, String newerDate, String olderUrl, String olderDate, String monthUrl) {}

    public record Month(String label, String url, int digests, int papers) {}

    public record Year(String year, List<Month> months) {}

    public record ArchiveIndex(List<Year> years, int undated, String undatedUrl) {}

    public record Channel(String name, String url, int digests, String first, String last) {}

    public record ChannelIndex(List<Channel> channels) {}

    public record EntryLink(String id, String paperUrl, String titleZh, String titleEn, String tldrZh, String tldrEn) {}

    /**
     * An entry without an arXiv paper link. {@code url} is a link to arxiv.org or empty;
     * {@code urlText} is any other URL the digest gave, shown as plain text, never as a link.
     */
    public record Unlinked(String titleZh, String titleEn, String tldrZh, String url, String urlText) {}

    /** @param math whether any text holds TeX, so the page loads the math script */
    public record DigestPage(DigestLink digest, List<EntryLink> entries, List<Unlinked> others,
                             DigestLink previous, DigestLink next, boolean math) {}

    /**
     * @param date         ISO, or the undated digest's name worded
     * @param announceType as the listing gave it (arXiv's {@code new}, {@code cross}, ... or a word of its own), or empty
     * @param announceKey  the label that says {@code announceType} in the reader's language, or empty for a word
     *                     Paperbake does not know (shown as written)
     */
    public record AppearanceLink(String url, Title date, String channel, String announceType, String announceKey) {}

    /** The listing some of a paper's fields were taken from: "title, abstract" from this digest, at this line. */
    public record SourceLink(List<Title> fields, String url, Title digest, int line) {}

    /** {@code sources}: where each shown field came from, one item per listing used. */
    public record PaperPage(String id, String titleZh, String titleEn, String tldrZh, String tldrEn,
                            String abstractZh, String abstractEn, boolean abstractZhTruncated,
                            boolean abstractEnTruncated, String category, int version,
                            String absUrl, String pdfUrl, List<AppearanceLink> appearances, List<SourceLink> sources,
                            List<TopicLink> topics, List<EntryLink> related, String jsonLd, boolean math) {}

    /** One file of the sitemap: its page URLs, or (the index at sitemap.xml) the URLs of its files. */
    public record Sitemap(List<String> urls, List<String> files) {}

    public record Robots(String sitemap) {}

    // ---- topics and feeds ----------------------------------------------------------------

    /** Where a page's Atom feed is, for its {@code <link rel="alternate">}. */
    public record FeedLink(String url, String title) {}

    /**
     * Papers per month, drawn at build time as bars in a {@code 0 0 width height} box.
     *
     * @param undated members without a date, in no month
     * @param label   the chart as one sentence, for screen readers, in the site's language
     * @param altLabel the same in the other language, for theme.js
     */
    public record Trend(List<Bar> bars, int width, int height, int undated, String label, String altLabel) {}

    public record Bar(String month, int count, int x, int y, int width, int height) {}

    public record TopicLink(String slug, String nameZh, String nameEn, String url, int papers) {}

    public record TopicSummary(TopicLink topic, String description, Trend trend) {}

    public record TopicIndex(List<TopicSummary> topics) {}

    /** A paper as a line of a topic page. {@code date} and {@code channel} are its latest listing's. */
    public record TopicEntry(String id, String url, String titleZh, String titleEn, String tldrZh, String tldrEn,
                             String date, String channel) {}

    /** {@code label} is YYYY-MM, or empty for the undated papers (the template names them in both UI languages). */
    public record MonthGroup(String label, List<TopicEntry> entries) {}

    public record TopicPage(TopicSummary summary, List<MonthGroup> months, Pager pager, String searchUrl,
                            String feedUrl) {}

    /** An Atom feed; every URL absolute, dates RFC 3339. */
    public record Feed(String id, String title, String selfUrl, String htmlUrl, String updated, String author,
                       List<FeedEntry> entries) {}

    public record FeedEntry(String id, String url, String title, String summary, String updated) {}
}
