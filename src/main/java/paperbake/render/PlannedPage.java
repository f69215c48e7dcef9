package paperbake.render;

import java.util.List;
import java.util.function.Supplier;
import paperbake.model.Digest;

/**
 * A page of the {@link SitePlan} before its view is made. Most of a site is paper and digest
 * pages, and a rebuild after one new day renders a few hundred of 17,000: for the others, what the
 * view is made from ({@link Inputs}) is enough to know that the output already holds the page
 * ({@link RenderCache}), so their views are never built.
 *
 * @param path     as {@link Page#path}
 * @param template as {@link Page#template}
 * @param format   as {@link Page#format}
 * @param inputs   everything the page's view is made from, or null: then only the view itself
 *                 identifies the page
 * @param page     makes the page (its view); called at most once by the renderer, from any thread
 */
public record PlannedPage(String path, String template, Page.Format format, Inputs inputs, Supplier<Page> page) {

    /**
     * What a page's view is a function of, given the site, the theme and the code: the digests
     * it is made from (which stand for their entries: a digest's entries are a function of the
     * file it was parsed from) and small values derived from the rest of the archive.
     *
     * @param digests may hold null (no such neighbour)
     * @param values  view records, strings, numbers: whatever {@link ViewDigest} takes
     */
    public record Inputs(List<Digest> digests, List<Object> values) {}

    /** A page already made, identified by its view alone. */
    static PlannedPage of(Page page) {
        return new PlannedPage(page.path(), page.template(), page.format(), null, () -> page);
    }
}
