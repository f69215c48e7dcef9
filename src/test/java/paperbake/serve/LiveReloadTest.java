package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReloadTest {

    static final String PAGE = "<html><head><title>t</title></head><body>x</body></html>";

    @Test
    void servedPagesGetTheScriptAndTheBuiltFilesDoNot(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.html"), PAGE);
        Files.writeString(root.resolve("site.css"), "</head>");
        LiveReload hub = new LiveReload();
        try (StaticServer dev = StaticServer.start(StaticServer.Options.of(root, 0).withBasePath("/repo/").withLiveReload(hub))) {
            RawHttp.Response page = RawHttp.get(dev.uri(), "/repo/");
            assertThat(page.body()).isEqualTo(
                    "<html><head><title>t</title><script src=\"/repo/__paperbake/livereload.js?since=0\" defer></script>"
                            + "</head><body>x</body></html>");
            assertThat(page.header("Cache-Control")).as("a reload must see the new build").isEqualTo("no-cache");
            assertThat(RawHttp.get(dev.uri(), "/repo/site.css").body()).isEqualTo("</head>");
            RawHttp.Response script = RawHttp.get(dev.uri(), "/repo/__paperbake/livereload.js");
            assertThat(script.header("Content-Type")).startsWith("text/javascript");
            assertThat(script.body()).contains("new EventSource(");
        }
        assertThat(Files.readString(root.resolve("index.html"))).isEqualTo(PAGE);
        try (StaticServer preview = StaticServer.start(root, 0)) {
            assertThat(RawHttp.get(preview.uri(), "/").body()).isEqualTo(PAGE);
            assertThat(RawHttp.get(preview.uri(), "/__paperbake/livereload.js").status()).isEqualTo(404);
        }
    }

    @Test
    void theTagGoesBeforeTheFirstHeadEndAndNothingElseChanges() {
        LiveReload hub = new LiveReload();
        byte[] page = {'<', 'H', 'E', 'A', 'D', '>', (byte) 0xC4, (byte) 0xB0, (byte) 0xFF, '<', '/', 'H', 'e', 'A', 'd', '>', 'x'};
        byte[] tag = "<script src=\"/r/__paperbake/livereload.js?since=0\" defer></script>".getBytes(StandardCharsets.UTF_8);
        byte[] out = hub.inject(page, "/r/");
        assertThat(Arrays.copyOfRange(out, 0, 9)).as("İ and an invalid byte kept as they were").isEqualTo(Arrays.copyOf(page, 9));
        assertThat(Arrays.copyOfRange(out, 9, 9 + tag.length)).isEqualTo(tag);
        assertThat(Arrays.copyOfRange(out, 9 + tag.length, out.length)).isEqualTo(Arrays.copyOfRange(page, 9, page.length));
        assertThat(new String(hub.inject("<p>no head".getBytes(StandardCharsets.UTF_8), "/"), StandardCharsets.UTF_8))
                .isEqualTo("<p>no head<script src=\"/__paperbake/livereload.js?since=0\" defer></script>");
    }

    @Test
    void aListeningPageIsToldAndALatePageIsToldAtOnce(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.html"), PAGE);
        LiveReload hub = new LiveReload();
        try (StaticServer dev = StaticServer.start(StaticServer.Options.of(root, 0).withLiveReload(hub))) {
            CompletableFuture<RawHttp.Response> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.get(dev.uri(), "/__paperbake/events?since=0");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (int i = 0; i < 600 && hub.listening() == 0; i++) {
                Thread.sleep(50); // until the stream is registered (a fail-safe bound, not a measurement)
            }
            assertThat(hub.listening()).isEqualTo(1);
            hub.reload();
            RawHttp.Response told = listening.get(30, TimeUnit.SECONDS);
            assertThat(told.header("Content-Type")).startsWith("text/event-stream");
            assertThat(told.body()).contains("event: reload\ndata: 1\n\n");
            assertThat(hub.listening()).isZero();

            // A page served before that build, whose stream opens only now, reloads at once.
            assertThat(RawHttp.get(dev.uri(), "/__paperbake/events?since=0").body()).contains("event: reload");
        }
    }
}
