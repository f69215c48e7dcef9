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
            assertThat(get(base, "/../../etc/passwd", true).statusCode()).as("refused or not found").isIn(400, 404);
            assertThat(get(base, "/%2e%2e/%2e%2e/etc/passwd", true).statusCode()).isIn(400, 404);
            assertThat(s.bytesSent()).isGreaterThan(0);

            RawHttp.Response head = RawHttp.request(base, "HEAD", "/search/s/0.bin");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("5");
            assertThat(head.body()).isEmpty();
            assertThat(RawHttp.request(base, "POST", "/").status()).isEqualTo(405);
        }
    }

    /** A preview compresses a text file once, and again once it changed (issue #12: ten result files a query). */
    @Test
    void compressesAFileOnceUntilItChanges(@TempDir Path root) throws Exception {
        Path rows = Files.createDirectories(root.resolve("search/r")).resolve("7.json");
        Files.writeString(rows, "[[\"2301.00001\",\"first\"]]");
        try (StaticServer s = StaticServer.start(root, 0)) {
            byte[] once = get(s.uri(), "/search/r/7.json", true).body();
            assertThat(get(s.uri(), "/search/r/7.json", true).body()).isEqualTo(once);
            assertThat(gunzip(once)).isEqualTo("[[\"2301.00001\",\"first\"]]");
            Files.writeString(rows, "[[\"2301.00001\",\"second, longer\"]]");
            HttpResponse<byte[]> changed = get(s.uri(), "/search/r/7.json", true);
            assertThat(changed.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gunzip(changed.body())).isEqualTo("[[\"2301.00001\",\"second, longer\"]]");
            assertThat(new String(get(s.uri(), "/search/r/7.json", false).body(), StandardCharsets.UTF_8))
                    .isEqualTo("[[\"2301.00001\",\"second, longer\"]]");
        }
    }

    /** The same size written again: the modification time tells the cache the file is new. */
    @Test
    void aCachedBodyIsKeyedByTheFilesTime(@TempDir Path root) throws Exception {
        Path file = root.resolve("a.json");
        Files.writeString(file, "[1]");
        GzipCache cache = new GzipCache(1 << 20);
        byte[] first = cache.gzipped(file);
        Files.writeString(file, "[2]");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 2_000));
        assertThat(gunzip(cache.gzipped(file))).isEqualTo("[2]");
        assertThat(gunzip(first)).isEqualTo("[1]");
        GzipCache small = new GzipCache(1); // over budget: nothing is kept, every body is still right
        assertThat(gunzip(small.gzipped(file))).isEqualTo("[2]");
        assertThat(small.size()).isZero();
    }

    private static String gunzip(byte[] gz) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Issue #9: a redirect built from the request path let {@code /%5Cevil.example/..} lead off the site. */
    @Test
    void redirectsStayOnTheSite(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("search"));
        Files.writeString(root.resolve("search/index.html"), "<p>search</p>");
        try (StaticServer s = StaticServer.start(root, 0)) {
            assertThat(RawHttp.get(s.uri(), "/search?q=x").location()).isEqualTo("/search/?q=x");
            for (String attack : new String[] {"/%5Cevil.example/..%2Fsearch", "/%5Cevil.example/../search",
                    "/%5C%5Cevil.example/%2E%2E/search", "//evil.example/..//search", "/%2F%2Fevil.example/../search",
                    "/\\evil.example/../search", "/%09/evil.example/../search"}) {
                RawHttp.Response r = RawHttp.get(s.uri(), attack);
                assertThat(r.status()).as(attack).isBetween(200, 499);
                if (r.status() / 100 == 3) {
                    assertThat(r.location()).as(attack)
                            .matches("/[^/\\\\].*").doesNotContain("\\");
                    assertThat(s.uri().resolve(r.location()).getAuthority()).as(attack).isEqualTo(s.uri().getAuthority());
                }
            }
        }
    }

    /** Issue #9: a link inside the site to a file or folder outside it is not the site's to serve. */
    @Test
    void servesOnlyRegularFilesInsideTheSite(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("site"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), outside);
        Files.createSymbolicLink(root.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("inside.txt"));
        try (StaticServer s = StaticServer.start(root, 0)) {
            assertThat(RawHttp.get(s.uri(), "/leak.txt").status()).isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/outside/secret.txt").status()).isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/outside").status()).isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/passwd").status()).isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/inside.txt").body()).isEqualTo("inside");
            assertThat(RawHttp.get(s.uri(), "/inside.txt/").status()).isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/alias.txt").body()).as("a link within the site is the site's").isEqualTo("inside");
        }
    }

    /** Issue #9: ranges as RFC 9110 answers them, including numbers beyond a long. */
    @Test
    void answersRangesAsTheRfcSays(@TempDir Path root) throws Exception {
        Files.write(root.resolve("f.bin"), "0123456789".getBytes(StandardCharsets.US_ASCII));
        try (StaticServer s = StaticServer.start(root, 0)) {
            RawHttp.Response last5 = RawHttp.get(s.uri(), "/f.bin", "Range: bytes=-5");
            assertThat(last5.status()).isEqualTo(206);
            assertThat(last5.body()).isEqualTo("56789");
            assertThat(last5.header("Content-Range")).isEqualTo("bytes 5-9/10");

            RawHttp.Response huge = RawHttp.get(s.uri(), "/f.bin", "Range: bytes=99999999999999999999-");
            assertThat(huge.status()).isEqualTo(416);
            assertThat(huge.header("Content-Range")).isEqualTo("bytes */10");

            RawHttp.Response toHuge = RawHttp.get(s.uri(), "/f.bin", "Range: bytes=3-99999999999999999999");
            assertThat(toHuge.status()).isEqualTo(206);
            assertThat(toHuge.body()).isEqualTo("3456789");

            assertThat(RawHttp.get(s.uri(), "/f.bin", "Range: bytes=7-3").status()).as("last < first").isEqualTo(416);
            assertThat(RawHttp.get(s.uri(), "/f.bin", "Range: bytes=10-").status()).as("past the end").isEqualTo(416);
            assertThat(RawHttp.get(s.uri(), "/f.bin", "Range: bytes=-0").status()).isEqualTo(416);
            assertThat(RawHttp.get(s.uri(), "/f.bin", "Range: items=0-1").body()).as("unknown unit: ignored")
                    .isEqualTo("0123456789");
        }
    }

    /** Issue #10: a project-site build ({@code --base-url .../repo/}) is previewed where it will be published. */
    @Test
    void servesTheSiteUnderItsBasePath(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("index.html"), "<p>home</p>");
        Files.writeString(root.resolve("css/site.css"), "p{}");
        try (StaticServer s = StaticServer.start(StaticServer.Options.of(root, 0).withBasePath("/repo/"))) {
            assertThat(s.uri().getPath()).isEqualTo("/repo/");
            assertThat(RawHttp.get(s.uri(), "/").location()).isEqualTo("/repo/");
            assertThat(RawHttp.get(s.uri(), "/repo").location()).isEqualTo("/repo/");
            assertThat(RawHttp.get(s.uri(), "/repo/").body()).isEqualTo("<p>home</p>");
            assertThat(RawHttp.get(s.uri(), "/repo/css/site.css").body()).isEqualTo("p{}");
            assertThat(RawHttp.get(s.uri(), "/css/site.css").status()).as("not at the server root").isEqualTo(404);
            assertThat(RawHttp.get(s.uri(), "/repo/css").location()).isEqualTo("/repo/css/");
        }
    }
}
