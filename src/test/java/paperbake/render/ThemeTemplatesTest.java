package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.model.TemplateModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.Bake;
import paperbake.BakeTest;
import paperbake.parse.ContentReader;
import paperbake.report.BuildReport;
import paperbake.testing.FileTree;

/** Templates run through plain Freemarker ({@link ThemeTemplates}, {@link PageModel}) render what JBake's engine rendered. */
class ThemeTemplatesTest {

    /**
     * Every key of the model, a record's components, HTML escaping, and what Freemarker formats by
     * locale and version (compared with JBake's engine, which formats by the JVM's locale: the same
     * bytes where that is en or C, as on this project's machines and CI).
     */
    static final String KEYS = """
            <#ftl output_format="HTML">
            ${site.name} ${site.base} ${title} ${description} [${path}] ${ui.archive.zh} ${ui.archive.en}
            <#list page.urls as u>${u}<#sep>, </#list> files: ${page.files?size} ${page.urls?size?c}
            <#if pageFeed??>${pageFeed.url} ${pageFeed.title}</#if>
            ${12345.678} ${1234567} ${"a<b & \\"c\\""} ${"x"?is_string?c} ${"3.5"?number}
            """;

    @TempDir
    Path dir;

    private final DefaultObjectWrapper wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();

    @Test
    void everyModelKeyRendersTheBytesJBakesEngineRendered() throws Exception {
        DefaultJBakeConfiguration config = theme(KEYS);
        Views.Site site = Views.Site.of("Archive <Ω>", new SiteLinks("/arch/"), "https://me.example/arch/", "en");
        List<Page> pages = List.of(
                new Page("sitemap.xml", "keys.ftl", "Sitemap — 站点 😀",
                        new Views.Sitemap(List.of("https://me.example/a", "https://me.example/b?x=1&y=2"), List.of("c")),
                        Page.Format.HTML, new Views.FeedLink("/arch/feed.xml", "Feed \"all\""), "A <described> page", ""),
                Page.at("papers/2310.17940/", "keys.ftl", "No feed, no description",
                        new Views.Sitemap(List.of(), List.of())));
        ThemeTemplates templates = ThemeTemplates.of(config);
        for (Page page : pages) {
            byte[] expected = throughJBake(config, site, page);
            PageText text = new PageText(16);
            templates.get(page.template()).process(PageModel.of(wrapper, site, page), text);
            assertThat(new String(text.toByteArray(), StandardCharsets.UTF_8))
                    .as(page.path()).isEqualTo(new String(expected, StandardCharsets.UTF_8))
                    .contains("Archive &lt;Ω&gt; /arch/ ", " 归档 Archive", "[" + page.urlPath() + "]");
            assertThat(text.toByteArray()).as(page.path()).isEqualTo(expected);
        }
        PageText first = new PageText(16);
        templates.get("keys.ftl").process(PageModel.of(wrapper, site, pages.get(0)), first);
        assertThat(new String(first.toByteArray(), StandardCharsets.UTF_8)).as("numbers as Locale.ROOT formats them, whatever the JVM's locale")
                .contains("12,345.678 1,234,567");
        assertThat(new String(first.toByteArray(), StandardCharsets.UTF_8)).as("record components, escaped")
                .contains("https://me.example/a, https://me.example/b?x=1&amp;y=2 files: 1 2", "/arch/feed.xml Feed &quot;all&quot;",
                        "Sitemap — 站点 😀 A &lt;described&gt; page");
    }

    @Test
    void aMissingTemplateFailsTheBuildNamingThePage() throws IOException {
        Path theme = dir.resolve("theme");
        FileTree.copyTree(Path.of("templates"), theme.resolve("templates"));
        Files.delete(theme.resolve("templates/paper.ftl"));
        BuildReport report = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(BakeTest.CONTENT, dir.resolve("site"), "/", theme, "Test archive"));
        assertThat(report.written()).isFalse();
        assertThat(report.renderErrors()).singleElement().extracting(Throwable::getMessage).asString()
                .containsPattern("Failed to render papers/[^ ]+/index\\.html with paper\\.ftl: ")
                .contains("TemplateNotFoundException", "paper.ftl");
    }

    /** The render as ArchiveRenderingTool did it before: JBake's engine and model, an OutputStreamWriter. */
    private byte[] throughJBake(DefaultJBakeConfiguration config, Views.Site site, Page page) throws Exception {
        FreemarkerTemplateEngine engine = new FreemarkerTemplateEngine(config, new ContentStore("memory", "unused"));
        TemplateModel model = new TemplateModel();
        model.put("site", wrapper.wrap(site));
        model.put("title", wrapper.wrap(page.title()));
        model.put("page", wrapper.wrap(page.view()));
        model.put("pageFeed", wrapper.wrap(page.feed()));
        model.put("description", wrapper.wrap(page.description()));
        model.put("path", wrapper.wrap(page.urlPath()));
        model.put("ui", wrapper.wrap(Labels.all()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            engine.renderDocument(model, page.template(), out);
        }
        return bytes.toByteArray();
    }

    private DefaultJBakeConfiguration theme(String template) throws IOException {
        Path theme = dir.resolve("keys-theme");
        Files.createDirectories(theme.resolve("templates"));
        Files.writeString(theme.resolve("templates/keys.ftl"), template, StandardCharsets.UTF_8);
        return new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(theme.toFile(), dir.resolve("out").toFile(), false);
    }
}
