package paperbake.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbake.app.configuration.JBakeConfiguration;

/**
 * A theme's Freemarker templates, configured exactly as JBake 2.7.0's {@code FreemarkerTemplateEngine}
 * configures them (the same incompatible-improvements version, encodings, time zone and template
 * folder, all read from the JBake configuration), so a theme renders to the same bytes. Rendering
 * goes around JBake's engine because of its model, not its configuration: see {@link PageModel}.
 */
final class ThemeTemplates {

    private final Configuration freemarker;

    /*
     * Parsed once per build: Freemarker's own cache would re-check each template's file date every
     * five seconds and resolve the localized name under its lock on every page. A build reads its
     * theme once; a template edited mid-build takes effect on the next build.
     */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    private ThemeTemplates(Configuration freemarker) {
        this.freemarker = freemarker;
    }

    /** The settings JBake's engine applies, in its order; anything it leaves unset keeps Freemarker's default for that version. */
    static ThemeTemplates of(JBakeConfiguration config) throws IOException {
        Configuration freemarker = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
        freemarker.setDefaultEncoding(config.getRenderEncoding());
        freemarker.setOutputEncoding(config.getOutputEncoding());
        if (config.getFreemarkerTimeZone() != null) {
            freemarker.setTimeZone(config.getFreemarkerTimeZone());
            freemarker.setSQLDateAndTimeTimeZone(config.getFreemarkerTimeZone());
        }
        freemarker.setDirectoryForTemplateLoading(config.getTemplateFolder());
        /*
         * One setting JBake leaves to the JVM: Freemarker's locale, which formats a theme's numbers,
         * picks localized templates (paper_de.ftl before paper.ftl) and compares strings. The build
         * writes the same bytes in any locale, so it is Locale.ROOT (which formats numbers as the
         * en locale the bundled theme was checked under does).
         */
        freemarker.setLocale(Locale.ROOT);
        return new ThemeTemplates(freemarker);
    }

    /** @throws IOException when the theme has no such template or it does not parse */
    Template get(String name) throws IOException {
        try {
            return parsed.computeIfAbsent(name, this::load);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Template load(String name) {
        try {
            return freemarker.getTemplate(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
