package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Issue #10: a busy port is one line that says what to do, not a stack trace. */
    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        Files.writeString(dir.resolve("index.html"), "<p>home</p>");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            assertThat(Main.run("serve", "--output", dir.toString(), "--port", Integer.toString(port))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("paperbake: port " + port + " is in use; try --port " + (port + 1) + System.lineSeparator());
        }
    }

    @Test
    void helpExplainsWatchAndTheBasePath() {
        assertThat(Main.run("serve", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--watch", "--base-url", "--content", "--theme", "/repo/");
    }

    @Test
    void anUnsafeBaseUrlIsRefused() throws Exception {
        Files.writeString(dir.resolve("index.html"), "<p>home</p>");
        assertThat(Main.run("serve", "--output", dir.toString(), "--port", "0", "--base-url", "/a\"b/")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--base-url path must be plain URL path segments");
    }
}
