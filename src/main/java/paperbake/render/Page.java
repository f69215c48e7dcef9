package paperbake.render;

/**
 * One page to render.
 *
 * @param path     output file relative to the site root, e.g. {@code papers/2310.17940/index.html}
 * @param template Freemarker template name in {@code templates/}
 * @param title    the page's {@code <title>}, raw text
 * @param view     the model the template reads as {@code page}
 * @param format   what the file is; the template declares the matching Freemarker output format
 * @param feed     the Atom feed of what this page lists, or null
 */
public record Page(String path, String template, String title, Object view, Format format, Views.FeedLink feed) {

    /** A page's kind of file (Hugo's output formats): media type, for whoever serves or counts it. */
    public enum Format {
        HTML("text/html"),
        ATOM("application/atom+xml");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    public Page(String path, String template, String title, Object view) {
        this(path, template, title, view, Format.HTML, null);
    }

    public static Page at(String dir, String template, String title, Object view) {
        return new Page(dir + "index.html", template, title, view);
    }

    /** @param link null for none */
    public Page withFeed(Views.FeedLink link) {
        return new Page(path, template, title, view, format, link);
    }
}
