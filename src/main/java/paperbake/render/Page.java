package paperbake.render;

/**
 * One file to render: an HTML page, or a data file of the site (sitemap, robots.txt).
 *
 * @param path        output file relative to the site root, e.g. {@code papers/2310.17940/index.html}
 * @param template    Freemarker template name in {@code templates/}
 * @param title       the page's {@code <title>}, raw text
 * @param view        the model the template reads as {@code page}
 * @param description the page's {@code <meta name="description">} and link-preview text, raw; may be empty
 * @param format      what kind of file it is: HTML pages are listed in the sitemap, other formats are not
 */
public record Page(String path, String template, String title, Object view, String description, Format format) {

    /** The kinds of file a page can be: only HTML pages are pages for readers (and the sitemap). */
    public enum Format { HTML, XML, TEXT }

    public Page(String path, String template, String title, Object view) {
        this(path, template, title, view, "", Format.HTML);
    }

    public static Page at(String dir, String template, String title, Object view) {
        return new Page(dir + "index.html", template, title, view);
    }

    public Page describedAs(String text) {
        return new Page(path, template, title, view, text, format);
    }

    /** The page's URL path under the site's base path: {@code papers/2310.17940/} for a folder's index. */
    public String urlPath() {
        return path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }
}
