package paperbake.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

    @ParameterizedTest
    @CsvSource({
        "http://arxiv.org/abs/2310.17940, 2310.17940, 0",
        "https://arxiv.org/abs/2310.17940v3, 2310.17940, 3",
        "https://rss.arxiv.org/abs/2401.00001, 2401.00001, 0",
        "https://arxiv.org/pdf/2310.17940v2, 2310.17940, 2",
        "https://arxiv.org/pdf/2310.17940v2.pdf, 2310.17940, 2",
        "http://arxiv.org/abs/hep-th/9901001, hep-th/9901001, 0",
        "http://arxiv.org/abs/hep-th/9901001v2, hep-th/9901001, 2",
        "https://arxiv.org/abs/math.GT/0309136, math.GT/0309136, 0",
        "https://arxiv.org/abs/0704.0001, 0704.0001, 0",
        // Scheme and host are case-insensitive, default ports may be written out, /html/ is the same paper.
        "https://ARXIV.ORG/abs/2401.00012, 2401.00012, 0",
        "HTTPS://arxiv.org/abs/2401.00012v2, 2401.00012, 2",
        "https://Export.ArXiv.org/abs/2401.00012, 2401.00012, 0",
        "https://arxiv.org:443/abs/2401.00012, 2401.00012, 0",
        "http://arxiv.org:80/pdf/2401.00012v1, 2401.00012, 1",
        "https://arxiv.org/html/2401.00012v1, 2401.00012, 1",
        "https://arxiv.org/abs/2401.00012v100, 2401.00012, 100",
        "https://arxiv.org/abs/2401.00012v1234, 2401.00012, 1234",
    })
    void normalizesLinks(String url, String id, int version) {
        assertThat(ArxivId.fromUrl(url)).hasValueSatisfying(ref -> {
            assertThat(ref.id().value()).isEqualTo(id);
            assertThat(ref.version()).isEqualTo(version);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://example.com/abs/2310.17940", "javascript:alert(1)",
        "https://arxiv.org/abs/../../etc/passwd", "https://arxiv.org/abs/2310.17940/../x", "arxiv.org/abs/2310.17940",
        // Lookalike hosts are other sites, however much of "arxiv.org" they spell.
        "https://arxiv.org.evil.example/abs/2310.17940", "https://arxiv.org@evil.example/abs/2310.17940",
        "https://xn--arxv-9qa.org/abs/2310.17940", "https://evilarxiv.org/abs/2310.17940",
        "https://arxiv.org:8443/abs/2310.17940", "https://arxiv.org/abs/2310.17940v99999999999"})
    void rejectsWhatIsNotAnArxivLink(String url) {
        assertThat(ArxivId.fromUrl(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "2310.1794<", "hep-th/99", "a/b/c"})
    void idsAreAlwaysSafePathSegments(String value) {
        assertThatThrownBy(() -> new ArxivId(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
