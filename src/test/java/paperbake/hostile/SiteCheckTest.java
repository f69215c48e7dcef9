package paperbake.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker the site tests rely on must itself catch what it claims to. */
class SiteCheckTest {

    @TempDir
    Path site;

    @Test
    void reportsEveryKindOfBrokenReferenceAndNothingElse() throws IOException {
        Files.createDirectories(site.resolve("papers/2401.00001"));
        Files.writeString(site.resolve("papers/2401.00001/index.html"), "<p>paper</p>");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/site.css"), "");
        Files.writeString(site.resolve("index.html"), """
                <link rel="stylesheet" href="/base/css/site.css">
                <a href="/base/papers/2401.00001/">ok</a>
                <a href="papers/2401.00001/">ok, relative</a>
                <a href="https://arxiv.org/abs/2401.00001">external</a>
                <a href="#top">fragment</a>
                <a href="/base/papers/2401.99999/">missing page</a>
                <a href="/papers/2401.00001/">outside the base path</a>
                <img src="/base/img/none.png">
                <a href="javascript:alert(1)">script</a>
                <a href="">empty</a>
                <form action="/base/search/"></form>
                """);
        assertThat(SiteCheck.brokenReferences(site, "/base/")).hasSize(6)
                .anyMatch(s -> s.contains("2401.99999") && s.contains("no index.html"))
                .anyMatch(s -> s.contains("\"/papers/2401.00001/\"") && s.contains("outside the base path"))
                .anyMatch(s -> s.contains("none.png") && s.contains("no such file"))
                .anyMatch(s -> s.contains("scheme javascript"))
                .anyMatch(s -> s.contains("(empty)"))
                .anyMatch(s -> s.contains("/base/search/"));
    }
}
