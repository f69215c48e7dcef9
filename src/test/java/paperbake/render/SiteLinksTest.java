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

    /** From one paper page to another, relative: resolved against the linking page, it is the other's page. */
    @ParameterizedTest
    @CsvSource({
        "2401.00001, 2402.00002, ../2402.00002/",
        "2401.00001, hep-th/9901001, ../hep-th/9901001/",
        "hep-th/9901001, 2402.00002, ../../2402.00002/",
        "math.GT/0309136, hep-th/9901001, ../../hep-th/9901001/",
    })
    void aPaperLinksAnotherRelatively(String from, String to, String link) {
        String href = SiteLinks.paperFromPaper(new paperbake.model.ArxivId(from), new paperbake.model.ArxivId(to));
        assertThat(href).isEqualTo(link);
        String page = "/any/base/" + SiteLinks.paperPath(new paperbake.model.ArxivId(from));
        assertThat(java.net.URI.create(page).resolve(href).getPath())
                .isEqualTo("/any/base/" + SiteLinks.paperPath(new paperbake.model.ArxivId(to)));
    }
}
