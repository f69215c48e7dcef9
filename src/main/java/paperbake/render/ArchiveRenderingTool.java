package paperbake.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateModelException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.render.RenderingTool;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders every Paperbake page inside JBake's bake, registered through {@code ServiceLoader}.
 *
 * <p>Pages come from the in-memory archive, not from JBake's document store: JBake's own
 * {@code DocumentsRenderer} reloads every document of a type from the store for each page, which
 * made a 17,000-page bake take about an hour (see docs/ARCHITECTURE.md). Templates still run
 * through JBake's Freemarker engine, so a JBake theme's conventions hold.
 */
public final class ArchiveRenderingTool implements RenderingTool {

    /*
     * JBake's engine wraps models with Freemarker's 2.3.0 defaults, which do not expose record
     * components as properties; values wrapped here first are passed through untouched.
     */
    private final DefaultObjectWrapper wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        return render(db, config);
    }

    /** The bake itself, which needs no JBake {@code Renderer}: pages go through JBake's Freemarker engine directly. */
    int render(ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(config.get(RenderJob.CONFIG_KEY) instanceof RenderJob job)) {
            return 0; // a plain JBake bake that is not Paperbake's: nothing of ours to render
        }
        FreemarkerTemplateEngine engine = new FreemarkerTemplateEngine(config, db);
        List<PlannedPage> pages = job.plan().planned();
        job.progress().start("render", pages.size(), "pages");
        try {
            pages.parallelStream().forEach(page -> renderPage(engine, job, page));
        } catch (UncheckedIOException e) {
            throw new RenderingException(e.getCause());
        } catch (PageFailure e) {
            throw new RenderingException(e.getMessage(), e.getCause());
        }
        return pages.size();
    }

    private void renderPage(FreemarkerTemplateEngine engine, RenderJob job, PlannedPage planned) {
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
            TemplateModel model = new TemplateModel();
            model.put("site", wrapper.wrap(job.site()));
            model.put("title", wrapper.wrap(page.title()));
            model.put("page", wrapper.wrap(page.view()));
            model.put("pageFeed", wrapper.wrap(page.feed()));
            model.put("description", wrapper.wrap(page.description()));
            model.put("path", wrapper.wrap(page.urlPath()));
            model.put("ui", wrapper.wrap(Labels.all()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                engine.renderDocument(model, page.template(), out);
            }
            byte[] rendered = bytes.toByteArray();
            job.sink().write(page.path(), rendered);
            if (key != null) {
                job.cache().rendered(key, rendered);
            }
            job.stats().count(page.template());
            job.progress().step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RenderingException | TemplateModelException e) {
            throw new PageFailure("Failed to render " + planned.path() + " with " + planned.template() + ": " + e.getMessage(), e);
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
