package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SitePlanTest {

    @Test
    void aSitemapOverTheLimitIsSplitIntoFilesListedByTheIndex() {
        List<String> urls = IntStream.range(0, 7).mapToObj(i -> "https://x.org/p/" + i + "/").toList();
        List<Page> files = SitePlan.sitemaps(urls, "https://x.org/", 3);
        assertThat(files).extracting(Page::path).containsExactly("sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml");
        assertThat(((Views.Sitemap) files.get(0).view()).files())
                .containsExactly("https://x.org/sitemaps/1.xml", "https://x.org/sitemaps/2.xml", "https://x.org/sitemaps/3.xml");
        assertThat(files.subList(1, 4)).extracting(p -> ((Views.Sitemap) p.view()).urls().size()).containsExactly(3, 3, 1);
        assertThat(files.subList(1, 4).stream().flatMap(p -> ((Views.Sitemap) p.view()).urls().stream()).toList()).isEqualTo(urls);
        assertThat(files).extracting(Page::format).containsOnly(Page.Format.XML);
    }

    @Test
    void aDescriptionIsOneLineOfAtMost160CodePoints() {
        assertThat(SitePlan.clip("  a\n b\t c ")).isEqualTo("a b c");
        String han = "模".repeat(200);
        String clipped = SitePlan.clip(han);
        assertThat(clipped.codePointCount(0, clipped.length())).isEqualTo(160);
        assertThat(clipped).endsWith("…");
        String astral = "𝔸".repeat(170); // surrogate pairs are never cut in half
        assertThat(SitePlan.clip(astral)).isEqualTo("𝔸".repeat(159) + "…");
    }

    @Test
    void arxivsAnnouncementTypesAreLabelsAndAnyOtherWordIsShownAsWritten() {
        for (String type : List.of("new", "cross", "replace", "replace-cross")) {
            assertThat(Labels.all()).containsKey(SitePlan.announceKey(type));
        }
        assertThat(SitePlan.announceKey("withdrawn")).isEmpty();
        assertThat(SitePlan.announceKey("")).isEmpty();
    }
}
