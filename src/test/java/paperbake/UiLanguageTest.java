package paperbake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.hostile.SiteCheck;
import paperbake.index.TopicsFile;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.testing.FileTree;

/** The site language ({@code --lang}) sets {@code <html lang>}, titles and the language of every label a page carries. */
class UiLanguageTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    static Path dir;

    /** The fixture archive with topics, so that paper pages have every block they can have. */
    private static Path content() throws IOException {
        Path content = dir.resolve("content");
        if (!Files.exists(content)) {
            FileTree.copyTree(BakeTest.CONTENT, content);
            Files.copy(Path.of("src/test/resources/topics/topics.yml"), content.resolve(TopicsFile.NAME));
        }
        return content;
    }

    private static Path bake(String lang) throws IOException {
        Path out = dir.resolve("site-" + lang);
        new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(content(), out, "/", Path.of("."), "Test archive", paperbake.render.FeedSettings.DEFAULT_ENTRIES, lang), notice -> { }, paperbake.report.Progress.SILENT);
        return out;
    }

    @Test
    void englishAndChineseSitesSayTheirLanguageAndCarryTheirLabelsInIt() throws IOException {
        Path en = bake("en");
        Path zh = bake("zh");
        Document enArchive = SiteCheck.parse(en.resolve("archive/index.html"));
        assertThat(enArchive.select("html").attr("lang")).isEqualTo("en");
        assertThat(enArchive.select("html").attr("data-ui")).isEqualTo("en");
        assertThat(enArchive.title()).isEqualTo("Archive · Test archive");
        Document zhArchive = SiteCheck.parse(zh.resolve("archive/index.html"));
        assertThat(zhArchive.select("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(zhArchive.title()).isEqualTo("归档 · Test archive");
        // The header's search box is made by theme.js in the site's language (ReaderSiteBrowserTest): the page carries its element.
        assertThat(SiteCheck.parse(zh.resolve("index.html")).select("header.site-header > pb-search:empty")).hasSize(1);
        assertThat(enArchive.select("header.site-header > pb-search:empty")).hasSize(1);
        // Each label is in the page once, in the site's language (theme.js writes the other: UiSwitchBrowserTest).
        int labels = 0;
        int hanTexts = 0;
        int badges = 0;
        for (Path page : SiteCheck.pages(zh)) {
            Document zhPage = SiteCheck.parse(page);
            Document enPage = SiteCheck.parse(en.resolve(zh.relativize(page)));
            assertThat(zhPage.select("ui-zh, ui-en, .ui-zh, .ui-en")).as(page + ": labels in both languages").isEmpty();
            assertThat(enPage.select("l-").size()).as(page.toString()).isEqualTo(zhPage.select("l-").size());
            for (Element label : zhPage.select("l-")) {
                assertThat(label.text()).as(page + ": " + label.outerHtml()).containsPattern("\\p{IsHan}");
                // The shown label is in <html lang>'s language (theme.js sets it with data-ui): no element
                // around it may say another language.
                for (Element up = label.parent(); up != null && !up.tagName().equals("html"); up = up.parent()) {
                    assertThat(up.hasAttr("lang")).as(page + ": a label inside " + up.tagName() + "[lang]").isFalse();
                }
                labels++;
            }
            for (Element label : enPage.select("l-")) {
                assertThat(label.text()).as(page + ": " + label.outerHtml()).doesNotContainPattern("\\p{IsHan}");
            }
            // arXiv's announcement types are labels too ("replace": 修订版 / revised)
            for (Element badge : zhPage.select(".appearances .announce")) {
                assertThat(badge.select("l-")).as(page + ": " + badge.outerHtml()).hasSize(1);
                badges++;
            }
            // Chinese on the English site is a paper's or a topic's text, marked as such: never a heading
            // written into a template in both languages ("Related papers · 相关论文").
            for (TextNode text : enPage.body().nodeStream(TextNode.class).toList()) {
                if (HAN.matcher(text.text()).find()) {
                    assertThat(declaredLang(text.parent())).as(en.resolve(zh.relativize(page)) + ": Chinese outside a zh element: " + text.parent()).startsWith("zh");
                    hanTexts++;
                }
            }
        }
        assertThat(labels).isGreaterThan(100);
        assertThat(hanTexts).isGreaterThan(100);
        assertThat(badges).isGreaterThan(10);
    }

    /** The language an element's text is in: its own {@code lang} or its nearest ancestor's. */
    private static String declaredLang(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element e && e.hasAttr("lang")) {
                return e.attr("lang");
            }
        }
        return "";
    }

    @Test
    void onlyZhAndEnAreLanguages() {
        assertThatThrownBy(() -> new Bake.Options(BakeTest.CONTENT, dir, "/", null, "x", 20, "fr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zh or en");
        assertThat(new Bake.Options(BakeTest.CONTENT, dir, "/", null, "x", 20, " EN ").lang()).isEqualTo("en");
    }
}
