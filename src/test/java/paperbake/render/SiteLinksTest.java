package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteLinksTest {

    @ParameterizedTest
    @CsvSource({
        "/, /",
        "'', /",
        "https://me.github.io/archive, /archive/",
        "https://me.github.io/archive/, /archive/",
        "https://me.github.io, /",
        "/repo, /repo/",
        "repo//sub/, /repo/sub/",
        "https://example.org/a/b/?x=1#y, /a/b/",
    })
    void keepsOnlyThePathOfTheBaseUrl(String baseUrl, String basePath) {
        assertThat(SiteLinks.forBaseUrl(baseUrl).basePath()).isEqualTo(basePath);
    }
}
