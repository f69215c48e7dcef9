package paperbake.render;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jbake.app.Asset;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Utensils;
import org.jbake.app.UtensilsFactory;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Runs JBake's oven over a Paperbake theme folder ({@code templates/}, {@code assets/}, optional
 * {@code jbake.properties}), with the archive's pages rendered by {@link ArchiveRenderingTool}.
 */
public final class JBakeOven {

    /*
     * JBake's stock renderers draw on its document store, which Paperbake leaves empty; left on,
     * the index renderer would overwrite our home page with an empty one. These win over any
     * jbake.properties a theme brings.
     */
    private static final Map<String, Object> PAPERBAKE_SETTINGS = Map.of(
            "render.index", false,
            "render.feed", false,
            "render.archive", false,
            "render.tags", false,
            "render.tagsindex", false,
            "render.sitemap", false,
            "render.error404", false,
            "db.store", "memory");

    /*
     * OrientDB, JBake's document store, logs a page of start-up chatter through java.util.logging,
     * which would bury Paperbake's own diagnostics; it reads its console level from this
     * property once, when it starts. An explicit -Dlog.console.level still wins.
     */
    private static final String ORIENTDB_CONSOLE_LEVEL = "log.console.level";

    /** @return the errors JBake collected; empty when the bake succeeded */
    public List<Throwable> bake(Path themeDir, Path contentDir, Path destination, RenderJob job) {
        if (System.getProperty(ORIENTDB_CONSOLE_LEVEL) == null) {
            System.setProperty(ORIENTDB_CONSOLE_LEVEL, "SEVERE");
        }
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(themeDir.toFile(), destination.toFile(), false);
        PAPERBAKE_SETTINGS.forEach(config::setProperty);
        config.setContentFolder(contentDir.toFile());
        config.setProperty(RenderJob.CONFIG_KEY, job);

        Utensils utensils = UtensilsFactory.createDefaultUtensils(config);
        utensils.setCrawler(new DigestsAlreadyRead(utensils, config));
        utensils.setAsset(new ThemeAssetsOnly(config));
        Oven oven = new Oven(utensils);
        oven.bake();
        return oven.getErrors();
    }

    /** Digests are read by {@code paperbake.parse}; JBake's crawler would try to read them as its own pages. */
    private static final class DigestsAlreadyRead extends Crawler {
        DigestsAlreadyRead(Utensils utensils, DefaultJBakeConfiguration config) {
            super(utensils.getContentStore(), config);
        }

        @Override
        public void crawl() {
            // nothing: the archive model is already in the render job
        }

        @Override
        public void crawlDataFiles() {
            // nothing: Paperbake has no data files
        }
    }

    /** A digest folder is input only: whatever else a bot leaves there must not get published. */
    private static final class ThemeAssetsOnly extends Asset {
        ThemeAssetsOnly(DefaultJBakeConfiguration config) {
            super(config);
        }

        @Override
        public void copyAssetsFromContent(File path) {
            // nothing: only the theme's assets/ folder is published
        }
    }
}
