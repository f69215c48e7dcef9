package paperbake.render;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the rendering tool did; filled from several threads. */
public final class RenderStats {

    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong papers = new AtomicLong();
    private final AtomicLong digests = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();

    /** @param template the page's ({@link Page#template}): a paper's and a digest's are counted apart */
    void count(String template) {
        pages.incrementAndGet();
        if (template.equals(SitePlan.PAPER_TEMPLATE)) {
            papers.incrementAndGet();
        } else if (template.equals(SitePlan.DIGEST_TEMPLATE)) {
            digests.incrementAndGet();
        }
    }

    /** A page the output already held as this build would render it ({@link RenderCache}). */
    void countKept(String template) {
        count(template);
        kept.incrementAndGet();
    }

    /** Pages not rendered, because the output held them as they would be rendered. */
    public long kept() {
        return kept.get();
    }

    public long pages() {
        return pages.get();
    }

    public long paperPages() {
        return papers.get();
    }

    public long digestPages() {
        return digests.get();
    }
}
