package paperbake.render;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the rendering tool did; filled from several threads. */
public final class RenderStats {

    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong papers = new AtomicLong();
    private final AtomicLong digests = new AtomicLong();

    void count(Page page) {
        pages.incrementAndGet();
        if (page.view() instanceof Views.PaperPage) {
            papers.incrementAndGet();
        } else if (page.view() instanceof Views.DigestPage) {
            digests.incrementAndGet();
        }
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
