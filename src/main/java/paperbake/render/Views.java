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
    public record Site(String name, String base, String home, String archive, String channels, String search,
                       String css, String icon, String siteJs, String searchJs) {

        public static Site of(String name, SiteLinks links) {
            return new Site(name, links.basePath(), links.home(), links.archive(), links.channels(), links.search(),
                    links.asset("css/site.css"), links.asset("favicon.svg"), links.asset("js/site.js"),
                    links.asset("js/search.js"));
        }
    }

    /** A digest as one line of a listing. {@code date} is empty when undated. */
    public record DigestLink(String url, String date, String channel, String channelUrl, String title, int papers) {}

    public record Pager(int page, int pages, String previousUrl, String nextUrl) {}

    public record Listing(String heading, List<DigestLink> digests, Pager pager) {}

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

    public record DigestPage(DigestLink digest, List<EntryLink> entries, List<Unlinked> others,
                             DigestLink previous, DigestLink next) {}

    public record AppearanceLink(String url, String date, String channel, String announceType) {}

    /** The listing some of a paper's fields were taken from: "title, abstract" from this digest, at this line. */
    public record SourceLink(String fields, String url, String digest, int line) {}

    /** {@code sources}: where each shown field came from, one item per listing used. */
    public record PaperPage(String id, String titleZh, String titleEn, String tldrZh, String tldrEn,
                            String abstractZh, String abstractEn, boolean abstractZhTruncated,
                            boolean abstractEnTruncated, String category, int version,
                            String absUrl, String pdfUrl, List<AppearanceLink> appearances, List<SourceLink> sources) {}
}
