package paperbake.render;

/**
 * One HTML page to render.
 *
 * @param path     output file relative to the site root, e.g. {@code papers/2310.17940/index.html}
 * @param template Freemarker template name in {@code templates/}
 * @param title    the page's {@code <title>}, raw text
 * @param view     the model the template reads as {@code page}
 */
public record Page(String path, String template, String title, Object view) {

    public static Page at(String dir, String template, String title, Object view) {
        return new Page(dir + "index.html", template, title, view);
    }
}
