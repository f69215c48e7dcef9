package paperbake.render;

/**
 * One file to render: an HTML page, or a data file of the site (Atom feed, sitemap, robots.txt).
 *
 * @param path        output file relative to the site root, e.g. {@code papers/2310.17940/index.html}
 * @param template    Freemarker template name in {@code templates/}
 * @param title       the page's {@code <title>}, raw text
 * @param view        the model the template reads as {@code page}
 * @param format      what the file is; the template declares the matching Freemarker output format
 * @param feed        the Atom feed of what this page lists, or null
 * @param description the page's {@code <meta name="description">} and link-preview text, raw; may be empty
 * @param altTitle    the title in the other UI language, for theme.js to switch to, when Paperbake worded it; else empty
 */
public record Page(String path, String template, String title, Object view, Format format, Views.FeedLink feed,
                   String description, String altTitle) {

    /** A page's kind of file (Hugo's output formats): media type, for whoever serves or counts it. */
    public enum Format {
        HTML("text/html"),
        ATOM("application/atom+xml"),
        XML("application/xml"),
        TEXT("text/plain");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    public Page(String path, String template, String title, Object view) {
        this(path, template, title, view, Format.HTML, null, "", "");
    }

    public Page(String path, String template, String title, Object view, Format format, Views.FeedLink feed) {
        this(path, template, title, view, format, feed, "", "");
    }

    public static Page at(String dir, String template, String title, Object view) {
        return new Page(dir + "index.html", template, title, view);
    }

    /** A page titled in words Paperbake made: its {@code <title>} is {@code title}, switched to {@code title.alt()}. */
    public static Page at(String dir, String template, Views.Title title, Object view) {
        return new Page(dir + "index.html", template, title.text(), view, Format.HTML, null, "", title.alt());
    }

    /** @param link null for none */
    public Page withFeed(Views.FeedLink link) {
        return new Page(path, template, title, view, format, link, description, altTitle);
    }

    public Page describedAs(String text) {
        return new Page(path, template, title, view, format, feed, text, altTitle);
    }

    /** The page's URL path under the site's base path: {@code papers/2310.17940/} for a folder's index. */
    public String urlPath() {
        return urlPath(path);
    }

    /** {@link #urlPath()} of a file at {@code path}. */
    static String urlPath(String path) {
        return path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }
}
