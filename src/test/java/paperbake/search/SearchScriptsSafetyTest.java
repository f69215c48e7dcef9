package paperbake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Static checks on the shipped scripts: untrusted text never becomes markup or code. */
class SearchScriptsSafetyTest {

    @Test
    void scriptsNeverParseStringsAsHtmlOrCode() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("assets/js"))) {
            scripts = s.filter(p -> p.toString().endsWith(".js")).toList();
        }
        assertThat(scripts).isNotEmpty();
        for (Path p : scripts) {
            String js = Files.readString(p);
            assertThat(js).as(p.toString()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "new Function", "setTimeout('", "javascript:");
        }
    }
}
