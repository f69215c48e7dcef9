package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewDigestTest {

    private final ViewDigest digest = new ViewDigest();

    private static Views.EntryLink entry(String titleEn) {
        return new Views.EntryLink("2310.01319", "/papers/2310.01319/", "标题", titleEn, "摘要", "");
    }

    @Test
    void equalViewsHaveOneDigestAndEveryDifferenceShows() {
        Page a = Page.at("digests/x/", "digest.ftl", "x", new Views.Listing(Views.Title.of("h"), List.of(), List.of()));
        assertThat(digest.of(a)).isEqualTo(digest.of(Page.at("digests/x/", "digest.ftl", "x",
                new Views.Listing(Views.Title.of("h"), List.of(), List.of()))));
        List<Object> variants = List.of(
                Page.at("digests/y/", "digest.ftl", "x", new Views.Listing(Views.Title.of("h"), List.of(), List.of())),
                Page.at("digests/x/", "day.ftl", "x", new Views.Listing(Views.Title.of("h"), List.of(), List.of())),
                Page.at("digests/x/", "digest.ftl", "x", new Views.Listing(Views.Title.of("h2"), List.of(), List.of())),
                a.describedAs("text"),
                a.withFeed(new Views.FeedLink("/feed.xml", "feed")),
                List.of(entry("A")), List.of(entry("B")), List.of(entry("A"), entry("A")),
                // Where one string ends and the next begins is part of the digest.
                List.of("ab", "c"), List.of("a", "bc"), List.of("", "abc"),
                new Views.Bar("2024-01", 1, 0, 0, 1, 1), new Views.Bar("2024-01", 1, 0, 0, 1, 2),
                new byte[] {1, 2}, new byte[] {1, 2, 0}, true, false, 1, 1L, Page.Format.HTML, Page.Format.ATOM);
        assertThat(variants.stream().map(v -> java.util.HexFormat.of().formatHex(digest.of(a, v))).distinct())
                .hasSize(variants.size());
    }

    @Test
    void aValueViewsAreNotMadeOfIsRefusedSoThePageIsAlwaysRendered() {
        assertThatThrownBy(() -> digest.of(Map.of("k", "v"))).isInstanceOf(ViewDigest.Unsupported.class);
        assertThatThrownBy(() -> digest.of(new Object())).isInstanceOf(ViewDigest.Unsupported.class);
    }
}
