package paperbake.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * What a page's template sees: these eight names and nothing else (a JBake theme's {@code content},
 * {@code config}, {@code db} and {@code published_*} are not there; the archive's pages never had
 * them). A plain hash, because JBake's {@code LazyLoadingModel} first asks each of its model
 * extractors for every top-level name a template reads, and answers with an exception, a copy of
 * the whole model and then the lookup: a large share of the render stage (docs/BENCHMARKS.md).
 *
 * @param site        the site's links and settings ({@link Views.Site})
 * @param title       the page's {@code <title>}, raw text
 * @param altTitle    the title in the other UI language when Paperbake worded it, else empty
 * @param page        the page's view
 * @param pageFeed    the Atom feed of what the page lists, or null
 * @param description the page's description, raw; may be empty
 * @param path        the page's URL path under the site's base path
 * @param ui          the UI's words in both languages ({@link Labels#all()})
 */
record PageModel(TemplateModel site, TemplateModel title, TemplateModel altTitle, TemplateModel page, TemplateModel pageFeed,
                 TemplateModel description, TemplateModel path, TemplateModel ui) implements TemplateHashModel {

    /**
     * @param wrapper wraps the values; one that exposes record components as properties (Freemarker
     *                2.3.0's defaults, which the template configuration keeps for byte identity, do not)
     */
    static PageModel of(ObjectWrapper wrapper, Views.Site site, Page page) throws TemplateModelException {
        return new PageModel(wrapper.wrap(site), wrapper.wrap(page.title()), wrapper.wrap(page.altTitle()), wrapper.wrap(page.view()),
                wrapper.wrap(page.feed()), wrapper.wrap(page.description()), wrapper.wrap(page.urlPath()),
                wrapper.wrap(Labels.all()));
    }

    @Override
    public TemplateModel get(String key) {
        return switch (key) {
            case "site" -> site;
            case "title" -> title;
            case "altTitle" -> altTitle;
            case "page" -> page;
            case "pageFeed" -> pageFeed;
            case "description" -> description;
            case "path" -> path;
            case "ui" -> ui;
            default -> null; // then Freemarker looks among its shared variables, as it did behind JBake's model
        };
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
