package paperbake.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback-only static file server that behaves like GitHub Pages where it matters for the
 * site: directory URLs serve {@code index.html}, a directory without a trailing slash redirects,
 * text types are gzipped when the client accepts it, binary types are sent as they are. For
 * tests, the benchmark and a future {@code serve} command; not a production server.
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"));

    /** The types GitHub Pages compresses; everything else (incl. our pre-gzipped .bin) goes as is. */
    private static final Set<String> COMPRESSED = Set.of("html", "css", "js", "mjs", "json", "xml", "txt", "svg");

    /** Told about every response: for the benchmark (bytes per query) and for debugging. */
    @FunctionalInterface
    public interface Listener {
        void served(String path, int status, long bodyBytes);
    }

    private final Path root;
    private final Listener listener;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private StaticServer(Path root, Listener listener, HttpServer server, ExecutorService executor) {
        this.root = root;
        this.listener = listener;
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code root} on 127.0.0.1 at {@code port} (0: any free port). */
    public static StaticServer start(Path root, int port) throws IOException {
        return start(root, port, (path, status, bytes) -> { });
    }

    public static StaticServer start(Path root, int port, Listener listener) throws IOException {
        Path absRoot = root.toAbsolutePath().normalize();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        StaticServer s = new StaticServer(absRoot, listener, http, pool);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Response body bytes sent so far (after compression), over all requests. */
    public long bytesSent() {
        return bytesSent.get();
    }

    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(), false);
                return;
            }
            String path = ex.getRequestURI().getPath();
            Path file = resolve(path);
            if (file == null) {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(), false);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    String q = ex.getRequestURI().getRawQuery();
                    ex.getResponseHeaders().set("Location", path + "/" + (q == null ? "" : "?" + q));
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0], false);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "not found\n".getBytes();
                send(ex, 404, "text/html; charset=utf-8", body, gzipOk(ex));
                return;
            }
            String ext = extension(file);
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null && !COMPRESSED.contains(ext)) {
                sendRange(ex, file, type, range);
                return;
            }
            send(ex, 200, type, Files.readAllBytes(file), COMPRESSED.contains(ext) && gzipOk(ex));
        }
    }

    /** Maps a URL path into the root, refusing anything that escapes it. */
    private Path resolve(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/") || urlPath.indexOf('\0') >= 0) {
            return null;
        }
        Path p = root.resolve(urlPath.substring(1)).normalize();
        return p.startsWith(root) ? p : null;
    }

    /** A single {@code bytes=a-b} range, as static hosts serve it; anything else gets the whole file. */
    private void sendRange(HttpExchange ex, Path file, String type, String range) throws IOException {
        long size = Files.size(file);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range.trim());
        if (!m.matches()) {
            send(ex, 200, type, Files.readAllBytes(file), false);
            return;
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        if (start > end || start >= size) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
            send(ex, 416, "text/plain; charset=utf-8", new byte[0], false);
            return;
        }
        byte[] body = new byte[(int) (end - start + 1)];
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(body);
            while (bb.hasRemaining() && ch.read(bb, start + bb.position()) > 0) {
                // read until the range is filled
            }
        }
        ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        send(ex, 206, type, body, false);
    }

    private static boolean gzipOk(HttpExchange ex) {
        String ae = ex.getRequestHeaders().getFirst("Accept-Encoding");
        return ae != null && ae.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private void send(HttpExchange ex, int status, String type, byte[] body, boolean gzip) throws IOException {
        byte[] out = body;
        if (gzip && body.length > 0) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(body.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(body);
            }
            out = buf.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Vary", "Accept-Encoding");
        ex.getResponseHeaders().set("Cache-Control", "max-age=600");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || out.length == 0 ? -1 : out.length);
        if (!head && out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
            bytesSent.addAndGet(out.length);
        }
        listener.served(ex.getRequestURI().getPath(), status, head ? 0 : out.length);
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
