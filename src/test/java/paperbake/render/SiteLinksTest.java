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

    @ParameterizedTest
    @CsvSource({
        "https://me.github.io/archive, https://me.github.io/archive/",
        "HTTPS://Me.GitHub.io, https://me.github.io/",
        "http://localhost:8080/a//b?x=1, http://localhost:8080/a/b/",
        "/, ''",
        "/repo/, ''",
        "'', ''",
        "ftp://example.org/, ''",
        "javascript:alert(1), ''",
        "https://user:pw@example.org/, ''",
        "https:///nohost, ''",
    })
    void anAbsoluteBaseNeedsAnHttpSchemeAndAHost(String baseUrl, String absolute) {
        assertThat(SiteLinks.absoluteBase(baseUrl)).isEqualTo(absolute);
    }
}
