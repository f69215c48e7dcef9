package paperbake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.hostile.SiteCheck;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;

/** The site language ({@code --lang}) sets {@code <html lang>}, titles and which label shows without scripts. */
class UiLanguageTest {

    @TempDir
    static Path dir;

    private static Path bake(String lang) throws IOException {
        Path out = dir.resolve("site-" + lang);
        new Bake(new ContentReader(), new JBakeOven()).build(
                new Bake.Options(BakeTest.CONTENT, out, "/", Path.of("."), "Test archive", paperbake.render.FeedSettings.DEFAULT_ENTRIES, lang), notice -> { }, paperbake.report.Progress.SILENT);
        return out;
    }

    @Test
    void englishAndChineseSitesSayTheirLanguageAndCarryBothLabels() throws IOException {
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
        int pairs = 0;
        for (Path page : SiteCheck.pages(zh)) {
            Document doc = SiteCheck.parse(page);
            for (Element label : doc.select("ui-zh")) {
                Element other = label.nextElementSibling();
                assertThat(other).as(page + ": " + label.outerHtml()).isNotNull();
                assertThat(other.tagName()).as(page + ": " + label.outerHtml()).isEqualTo("ui-en");
                assertThat(other.text()).isNotBlank();
                // The shown label is in <html lang>'s language (theme.js sets it with data-ui): no element
                // between them may say another language.
                for (Element up = label.parent(); up != null && !up.tagName().equals("html"); up = up.parent()) {
                    assertThat(up.hasAttr("lang")).as(page + ": a label inside " + up.tagName() + "[lang]").isFalse();
                }
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(100);
    }

    @Test
    void onlyZhAndEnAreLanguages() {
        assertThatThrownBy(() -> new Bake.Options(BakeTest.CONTENT, dir, "/", null, "x", 20, "fr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zh or en");
        assertThat(new Bake.Options(BakeTest.CONTENT, dir, "/", null, "x", 20, " EN ").lang()).isEqualTo("en");
    }
}
