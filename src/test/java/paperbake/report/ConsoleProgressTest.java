package paperbake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import paperbake.report.ConsoleProgress.Mode;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();
    private final Diagnostic warning = Diagnostic.warning(Path.of("cs.CL/2024-01-02.md"), 7, "something is off");

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Drives a build's worth of calls: a parse stage of 3 files with a warning on the second. */
    private void parseThreeFiles(ConsoleProgress p) {
        p.start("parse", 3, "files");
        now.addAndGet(200_000_000L);
        p.step();
        p.found(List.of(warning));
        now.addAndGet(200_000_000L);
        p.step();
        now.addAndGet(1_000L); // too soon to redraw
        p.step();
        p.done("parse", "3 files, 1,234 entries", 1_500_000_000L);
        p.start("render", 0, "pages");
        p.done("render", "10 pages", 250_000_000L);
        p.finish();
    }

    @Test
    void aLogGetsOneLinePerStageWithItsCountsAndSecondsAndWarningsAsFound() {
        parseThreeFiles(new ConsoleProgress(out, Mode.LOG, now::get));
        assertThat(printed().split("\n")).containsExactly(
                "cs.CL/2024-01-02.md:7: warning: something is off",
                "parse: 3 files, 1,234 entries in 1.5 s",
                "render: 10 pages in 0.3 s");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void aTerminalGetsOneRewrittenLineThatWarningsInterruptCleanly() {
        parseThreeFiles(new ConsoleProgress(out, Mode.TERMINAL, now::get));
        String s = printed();
        assertThat(s).contains("\rparse: 1 of 3 files").contains("parse: 2 of 3 files");
        assertThat(s).as("the third step came within 100 ms of the second: no redraw").doesNotContain("3 of 3 files");
        // What the terminal finally shows, once every \r has overwritten its line.
        List<String> screen = java.util.Arrays.stream(s.split("\n")).map(l -> {
            String last = l.substring(l.lastIndexOf('\r') + 1);
            return last.isBlank() ? "" : last.strip();
        }).filter(l -> !l.isEmpty()).toList();
        assertThat(screen).containsExactly(
                "cs.CL/2024-01-02.md:7: warning: something is off",
                "parse: 3 files, 1,234 entries in 1.5 s",
                "render: 10 pages in 0.3 s");
        assertThat(s).endsWith("\n");
    }

    @Test
    void quietPrintsOnlyTheProblems() {
        parseThreeFiles(new ConsoleProgress(out, Mode.QUIET, now::get));
        assertThat(printed()).isEqualTo("cs.CL/2024-01-02.md:7: warning: something is off\n");
    }

    @Test
    void theModeFollowsWhereTheOutputGoes() {
        assertThat(ConsoleProgress.modeFor(false, true, null)).isEqualTo(Mode.TERMINAL);
        assertThat(ConsoleProgress.modeFor(false, true, "true")).isEqualTo(Mode.LOG);
        assertThat(ConsoleProgress.modeFor(false, true, "false")).isEqualTo(Mode.TERMINAL);
        assertThat(ConsoleProgress.modeFor(false, false, null)).isEqualTo(Mode.LOG);
        assertThat(ConsoleProgress.modeFor(true, true, null)).isEqualTo(Mode.QUIET);
    }
}
