package paperbake.render;

import paperbake.report.Progress;
import paperbake.write.PageSink;

/**
 * What Paperbake hands to JBake's oven for {@link ArchiveRenderingTool}: the pages to render and
 * where to put them, and whom to tell of each page done. It travels in the JBake configuration under {@link #CONFIG_KEY} because
 * rendering tools are created by {@link java.util.ServiceLoader} and receive nothing else.
 */
/** @param cache which pages need not be rendered again; null for none */
public record RenderJob(SitePlan plan, Views.Site site, PageSink sink, RenderStats stats, Progress progress,
                        RenderCache cache) {

    public static final String CONFIG_KEY = "paperbake.render.job";
}
