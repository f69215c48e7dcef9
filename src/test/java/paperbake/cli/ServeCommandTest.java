package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paperbake.Bake;
import paperbake.BakeTest;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.serve.DevServer;
import paperbake.serve.StaticServer;
import paperbake.testing.CapturedStreams;
import paperbake.testing.FileTree;

class ServeCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams printed = new CapturedStreams();

    /** Issue #10: a busy port is one line that says what to do, not a stack trace. */
    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        Files.writeString(dir.resolve("index.html"), "<p>home</p>");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            String line = "paperbake: port " + port + " is in use; try --port " + (port + 1) + System.lineSeparator();
            assertThat(Main.run("serve", "--output", dir.toString(), "--port", Integer.toString(port))).isEqualTo(2);
            assertThat(printed.err()).isEqualTo(line);
            printed.reset();
            // With --watch it is said before the first build, not after it.
            Path content = Files.createDirectories(dir.resolve("content"));
            assertThat(Main.run("serve", "--watch", "--content", content.toString(), "--output", dir.resolve("site").toString(),
                    "--port", Integer.toString(port))).isEqualTo(2);
            assertThat(printed.err()).isEqualTo(line);
            assertThat(dir.resolve("site")).doesNotExist();
        }
    }

    @Test
    void helpExplainsWatchAndTheBasePath() {
        assertThat(Main.run("serve", "--help")).isZero();
        assertThat(printed.out()).contains("--watch", "--base-url", "--content", "--theme", "/repo/");
    }

    @Test
    void anUnsafeBaseUrlIsRefused() throws Exception {
        Files.writeString(dir.resolve("index.html"), "<p>home</p>");
        assertThat(Main.run("serve", "--output", dir.toString(), "--port", "0", "--base-url", "/a\"b/")).isEqualTo(2);
        assertThat(printed.err()).contains("--base-url path must be plain URL path segments");
    }

    /** Issue #10: a change to the theme rebuilds and reloads as a change to a digest does. */
    @Test
    void aThemeChangeRebuildsTheServedSite() throws Exception {
        Path theme = dir.resolve("theme");
        FileTree.copyTree(Path.of("templates"), theme.resolve("templates"));
        FileTree.copyTree(Path.of("assets"), theme.resolve("assets"));
        Path content = dir.resolve("content");
        FileTree.copyTree(BakeTest.CONTENT, content);
        assertThat(ServeCommand.inputs(content, dir.resolve("no-theme-here"))).containsExactly(content);
        List<Path> inputs = ServeCommand.inputs(content, theme);
        assertThat(inputs).containsExactly(content, theme.resolve("templates"), theme.resolve("assets"));

        Path site = dir.resolve("site");
        Bake.Options build = new Bake.Options(content, site, "/", theme, "Test archive");
        Bake bake = new Bake(new ContentReader(), new JBakeOven());
        assertThat(bake.build(build).written()).isTrue();
        try (DevServer dev = DevServer.start(StaticServer.Options.of(site, 0), inputs, () -> bake.build(build).written(),
                System.err)) {
            Files.writeString(theme.resolve("assets/css/site.css"), "\n/* theme marker */\n", StandardOpenOption.APPEND);
            for (int i = 0; i < 1200 && dev.reloads() == 0; i++) {
                Thread.sleep(100); // until the rebuild is served (a fail-safe bound, not a measurement)
            }
            assertThat(dev.reloads()).isEqualTo(1);
            HttpResponse<String> css = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(dev.server().uri().resolve("css/site.css")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(css.body()).contains("/* theme marker */");
        }
    }
}
