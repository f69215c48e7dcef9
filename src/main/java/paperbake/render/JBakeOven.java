package paperbake.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbake.app.Asset;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.app.configuration.JBakeConfigurationInspector;
import org.jbake.template.RenderingException;

/**
 * Bakes a Paperbake theme folder ({@code templates/}, {@code assets/}, optional
 * {@code jbake.properties}) with JBake's configuration and asset copier, the archive's pages
 * rendered by {@link ArchiveRenderingTool} with Freemarker configured from that configuration. JBake's stock renderers (index, feed,
 * archive, tags, sitemap) are never run: they render from its document store, which holds no page.
 */
public final class JBakeOven {

    /**
     * Bakes the way JBake's {@code Oven} does (inspect the configuration, render, then copy the
     * theme's assets, collecting errors), minus its document store: {@code Oven.bake()} starts an
     * OrientDB database and updates its schema before anything is rendered, which cost about a
     * second of CPU per build (a quarter of the embedded example's whole build: hashing the
     * database users' passwords, docs/BENCHMARKS.md) for a store Paperbake leaves empty. The
     * store handed to the rendering tool is never started, and the stock renderers that would
     * query it are not run; JBake's configuration and asset copier are.
     *
     * @return the errors of the bake; empty when it succeeded
     */
    public List<Throwable> bake(Path themeDir, Path contentDir, Path destination, RenderJob job) {
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(themeDir.toFile(), destination.toFile(), false);
        config.setContentFolder(contentDir.toFile());
        config.setProperty(RenderJob.CONFIG_KEY, job);
        new JBakeConfigurationInspector(config).inspect();

        ContentStore unused = new ContentStore("memory", "paperbake");
        List<Throwable> errors = new ArrayList<>();
        try {
            new ArchiveRenderingTool().render(unused, config);
        } catch (RenderingException e) {
            errors.add(e);
        }
        // only the theme's assets/: whatever else a bot leaves in the digest folder is input, never published
        Asset assets = new Asset(config);
        assets.copy();
        errors.addAll(assets.getErrors());
        return errors;
    }
}
