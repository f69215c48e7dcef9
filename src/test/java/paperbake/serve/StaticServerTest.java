package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticServerTest {

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<byte[]> get(URI base, String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path));
        if (gzip) {
            r.header("Accept-Encoding", "gzip");
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesLikeAStaticHost(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("search/s"));
        Files.writeString(root.resolve("index.html"), "<p>home</p>".repeat(100));
        Files.writeString(root.resolve("search/index.html"), "<p>search</p>");
        Files.write(root.resolve("search/s/0.bin"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        try (StaticServer s = StaticServer.start(root, 0)) {
            URI base = s.uri();
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            HttpResponse<byte[]> home = get(base, "/", true);
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Encoding")).contains("gzip");
            String body = new String(new GZIPInputStream(new ByteArrayInputStream(home.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(body).startsWith("<p>home</p>");
            assertThat(get(base, "/", false).headers().firstValue("Content-Encoding")).isEmpty();
            HttpResponse<byte[]> redirect = get(base, "/search?q=x", true);
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).contains("/search/?q=x");
            HttpResponse<byte[]> bin = get(base, "/search/s/0.bin", true);
            assertThat(bin.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(bin.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(bin.body()).hasSize(5);
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(base.resolve("/search/s/0.bin"))
                    .header("Range", "bytes=2-3").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).containsExactly(1, 2);
            assertThat(part.headers().firstValue("Content-Range")).contains("bytes 2-3/5");
            assertThat(get(base, "/nope.html", true).statusCode()).isEqualTo(404);
            assertThat(get(base, "/../../etc/passwd", true).statusCode()).isEqualTo(404);
            assertThat(get(base, "/%2e%2e/%2e%2e/etc/passwd", true).statusCode()).isEqualTo(404);
            assertThat(s.bytesSent()).isGreaterThan(0);
        }
    }
}
