package paperbake.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * Renders every Paperbake page inside JBake's bake, registered through {@code ServiceLoader}.
 *
 * <p>Pages come from the in-memory archive, not from JBake's document store: JBake's own
 * {@code DocumentsRenderer} reloads every document of a type from the store for each page, which
 * made a 17,000-page bake take about an hour (see docs/ARCHITECTURE.md). Templates run through
 * plain Freemarker configured as JBake's engine configures it ({@link ThemeTemplates}), with a
 * plain model ({@link PageModel}): JBake's model machinery cost half the render stage.
 */
public final class ArchiveRenderingTool implements RenderingTool {

    /*
     * The template configuration keeps Freemarker's 2.3.0 defaults (JBake's), whose wrapper does not
     * expose record components as properties; values wrapped here first are passed through untouched.
     */
    private final DefaultObjectWrapper wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        return render(db, config);
    }

    /** The bake itself, which needs no JBake {@code Renderer} nor its store: pages go through the theme's templates directly. */
    int render(ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(config.get(RenderJob.CONFIG_KEY) instanceof RenderJob job)) {
            return 0; // a plain JBake bake that is not Paperbake's: nothing of ours to render
        }
        ThemeTemplates templates;
        try {
            templates = ThemeTemplates.of(config);
        } catch (IOException e) {
            throw new RenderingException("Cannot read the theme's templates from " + config.getTemplateFolder() + ": " + e.getMessage(), e);
        }
        List<PlannedPage> pages = job.plan().planned();
        job.progress().start("render", pages.size(), "pages");
        /*
         * Each worker (this thread and the common pool's) takes the next page as it finishes one:
         * a parallel stream splits the list into leaves of a quarter of it on two cores, and the
         * last leaf ran alone on one core for over a second of a 90,000-page build. A failure is
         * kept, not thrown: the pages not yet begun are skipped, and no worker is still writing
         * into the staging folder, which the failed build then removes, when this returns.
         */
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < pages.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    renderPage(templates, job, pages.get(i));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int k = 0; k < ForkJoinPool.getCommonPoolParallelism(); k++) {
            helpers.add(ForkJoinPool.commonPool().submit(worker));
        }
        try {
            worker.run();
        } finally {
            helpers.forEach(ForkJoinTask::quietlyJoin);
        }
        helpers.forEach(ForkJoinTask::join); // rethrows an Error a helper met
        if (failure.get() instanceof UncheckedIOException e) {
            throw new RenderingException(e.getCause());
        } else if (failure.get() instanceof PageFailure e) {
            throw new RenderingException(e.getMessage(), e.getCause());
        } else if (failure.get() != null) {
            throw failure.get();
        }
        return pages.size();
    }

    private void renderPage(ThemeTemplates templates, RenderJob job, PlannedPage planned) {
        Page page = null;
        try {
            RenderCache cache = job.cache();
            // A page is known by its inputs when it names them, else by its view, which is then made first.
            RenderCache.Key key = cache == null ? null : cache.key(job.site(), planned);
            if (cache != null && key == null) {
                page = planned.page().get();
                key = cache.key(job.site(), page);
            }
            RenderCache.Stored before = key == null ? null : cache.previous(key);
            if (before != null && job.sink().keep(planned.path(), before.size(), before.crc())) {
                cache.kept(key, before);
                job.stats().countKept(planned.template());
                job.progress().step();
                return;
            }
            if (page == null) {
                page = planned.page().get();
            }
            byte[] rendered = render(templates, job.site(), page);
            job.sink().write(page.path(), rendered);
            if (key != null) {
                job.cache().rendered(key, rendered);
            }
            job.stats().count(page.template());
            job.progress().step();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing the page, not rendering it
        }
    }

    /** The page's bytes; a missing or broken template, or a template error, fails with the page's path. */
    private byte[] render(ThemeTemplates templates, Views.Site site, Page page) {
        try {
            PageText text = new PageText(8192);
            templates.get(page.template()).process(PageModel.of(wrapper, site, page), text);
            return text.toByteArray();
        } catch (IOException | TemplateException e) {
            throw new PageFailure("Failed to render " + page.path() + " with " + page.template() + ": " + e, e);
        }
    }

    private static final class PageFailure extends RuntimeException {
        PageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    @Deprecated
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
                      CompositeConfiguration config) {
        throw new UnsupportedOperationException("Paperbake renders through the JBakeConfiguration entry point");
    }
}
