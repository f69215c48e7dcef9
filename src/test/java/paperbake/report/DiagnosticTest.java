package paperbake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void printsCompilerStyle() {
        assertThat(Diagnostic.warning(Path.of("c/a.md"), 7, "what is wrong")).hasToString("c/a.md:7: warning: what is wrong");
        assertThat(Diagnostic.error(Path.of("c"), 0, "no lines")).hasToString("c: error: no lines");
    }

    @Test
    void controlAndBidiCharactersFromNamesAreShownEscaped() {
        Diagnostic d = Diagnostic.warning(Path.of("c/\u001b[2Jx\u202E.md"), 1, "channel '\u0007\u2028'");
        assertThat(d.toString()).isEqualTo("c/\\u001B[2Jx\\u202E.md:1: warning: channel '\\u0007\\u2028'");
    }
}
