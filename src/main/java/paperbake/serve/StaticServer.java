package paperbake.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback-only static file server that behaves like GitHub Pages where it matters for the
 * site: the site lives under its base path ({@code /repo/} for a project site, and {@code /}
 * redirects there), directory URLs serve {@code index.html}, a directory without a trailing slash
 * redirects, text types are gzipped when the client accepts it, binary types are sent as they are,
 * single byte ranges as RFC 9110 says. For {@code serve}, the tests and the benchmark; not a
 * production server.
 *
 * <p>On Jetty rather than the JDK's {@code HttpServer}: that one reads a request head on a
 * worker thread, blocking, so a handful of clients that drip header bytes hold every worker, and
 * its only time limits ({@code sun.net.httpserver.maxReqTime}) are JVM-wide system properties
 * read once. Jetty parses without blocking a thread, its timeouts belong to the connector, and
 * its URI parser rejects ambiguous encodings such as {@code %2F} in a path segment.
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

    private static final String TEXT = "text/plain; charset=utf-8";

    /** Compressed text files a preview keeps: a whole example site's, a large site's most read ones. */
    private static final long GZIP_CACHE_BYTES = 64L << 20;

    /** Told about every response: for the benchmark (bytes per query) and for debugging. */
    @FunctionalInterface
    public interface Listener {
        void served(String path, int status, long bodyBytes);
    }

    /**
     * @param basePath     where the site is served, starting and ending with {@code /}
     * @param headerDeadline how long a connection may take to send a request head (see {@link HeaderDeadline})
     * @param liveReload   null for a plain preview; otherwise HTML gets the reload script and nothing is cached
     */
    public record Options(Path root, int port, String basePath, Duration headerDeadline, Listener listener,
                          LiveReload liveReload) {

        public Options {
            if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
                throw new IllegalArgumentException("base path must start and end with '/': " + basePath);
            }
        }

        public static Options of(Path root, int port) {
            return new Options(root, port, "/", Duration.ofSeconds(10), (path, status, bytes) -> { }, null);
        }

        public Options withBasePath(String path) {
            return new Options(root, port, path, headerDeadline, listener, liveReload);
        }

        public Options withHeaderDeadline(Duration deadline) {
            return new Options(root, port, basePath, deadline, listener, liveReload);
        }

        public Options withListener(Listener l) {
            return new Options(root, port, basePath, headerDeadline, l, liveReload);
        }

        public Options withLiveReload(LiveReload hub) {
            return new Options(root, port, basePath, headerDeadline, listener, hub);
        }
    }

    /** The port is taken by another process. */
    public static final class PortInUseException extends IOException {
        private final int port;

        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    private final Options options;
    private final SiteFiles files;
    private final GzipCache gzipCache;
    private final Server server;
    private final ServerConnector connector;
    private final HeaderDeadline deadline;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private StaticServer(Options options) throws IOException {
        this.options = options;
        this.files = new SiteFiles(options.root());
        // A preview's files stay as built; the dev server's change under it (GzipCache).
        this.gzipCache = options.liveReload() == null ? new GzipCache(GZIP_CACHE_BYTES) : null;
        // Enough workers that the browser's parallel fetches, open event streams and a few
        // misbehaving clients never queue one another; slow request heads hold no worker at all.
        QueuedThreadPool pool = new QueuedThreadPool(32, 2);
        pool.setName("paperbake-serve");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(options.port());
        connector.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        this.deadline = new HeaderDeadline(connector.getScheduler(), options.headerDeadline());
        connector.addBean(deadline);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return StaticServer.this.handle(request, response, callback);
            }
        });
    }

    /** Serves {@code root} on 127.0.0.1 at {@code port} (0: any free port). */
    public static StaticServer start(Path root, int port) throws IOException {
        return start(Options.of(root, port));
    }

    public static StaticServer start(Path root, int port, Listener listener) throws IOException {
        return start(Options.of(root, port).withListener(listener));
    }

    public static StaticServer start(Options options) throws IOException {
        StaticServer s = new StaticServer(options);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortInUseException(options.port(), e);
                }
            }
            throw e instanceof IOException io ? io : new IOException("could not start the server", e);
        }
        return s;
    }

    /** The site's address: the server root plus the base path. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + options.basePath());
    }

    /** Response body bytes sent so far (after compression), over all requests. */
    public long bytesSent() {
        return bytesSent.get();
    }

    public long requests() {
        return requests.get();
    }

    private boolean handle(Request request, Response response, Callback callback) throws IOException {
        Connection connection = request.getConnectionMetaData().getConnection();
        deadline.headReceived(connection);
        Request.addCompletionListener(request, failure -> deadline.arm(connection));
        requests.incrementAndGet();
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(request, response, callback, 405, TEXT, bytes("method not allowed\n"), false);
            return true;
        }
        String path = Request.getPathInContext(request);
        String base = options.basePath();
        if (!path.startsWith(base)) {
            if (path.equals("/") || (path + "/").equals(base)) {
                redirect(request, response, callback, 302, base);
            } else {
                notFound(request, response, callback);
            }
            return true;
        }
        String rest = path.substring(base.length());
        LiveReload live = options.liveReload();
        if (live != null && rest.startsWith(LiveReload.DIR)) {
            if (rest.equals(LiveReload.EVENTS)) {
                live.stream(request, response, callback);
            } else if (rest.equals(LiveReload.SCRIPT)) {
                send(request, response, callback, 200, TYPES.get("js"), LiveReload.script(), false);
            } else {
                notFound(request, response, callback);
            }
            return true;
        }
        SiteFiles.Found found = files.find(rest);
        if (found instanceof SiteFiles.Directory d) {
            // Built from the folder found on disk, never from the request: the Location
            // stays a path on this site whatever the URL smuggled in (%5C, //, ..).
            String query = request.getHttpURI().getQuery();
            redirect(request, response, callback, 301,
                    base + URIUtil.encodePath(d.relative()) + "/" + (query == null ? "" : "?" + query));
        } else if (found instanceof SiteFiles.File f) {
            serveFile(request, response, callback, f.path());
        } else {
            notFound(request, response, callback);
        }
        return true;
    }

    private void serveFile(Request request, Response response, Callback callback, Path file) throws IOException {
        String ext = extension(file);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (COMPRESSED.contains(ext)) {
            if (gzipCache != null && gzipOk(request)) {
                write(request, response, callback, 200, type, gzipCache.gzipped(file), true);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html") && options.liveReload() != null) {
                body = options.liveReload().inject(body, options.basePath());
            }
            send(request, response, callback, 200, type, body, gzipOk(request));
            return;
        }
        // Byte ranges only where the body is the file itself, as GitHub Pages does.
        response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        long size = Files.size(file);
        ByteRanges.Answer range = ByteRanges.parse(request.getHeaders().get(HttpHeader.RANGE), size);
        if (range instanceof ByteRanges.Part p) {
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + p.first() + "-" + p.last() + "/" + size);
            send(request, response, callback, 206, type, read(file, p), false);
        } else if (range instanceof ByteRanges.Unsatisfiable) {
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
            send(request, response, callback, 416, TEXT, bytes("range not satisfiable\n"), false);
        } else {
            send(request, response, callback, 200, type, Files.readAllBytes(file), false);
        }
    }

    private static byte[] read(Path file, ByteRanges.Part part) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(part.length()));
        try (FileChannel ch = FileChannel.open(file)) {
            while (buffer.hasRemaining() && ch.read(buffer, part.first() + buffer.position()) > 0) {
                // read until the range is filled
            }
        }
        return buffer.array();
    }

    private void redirect(Request request, Response response, Callback callback, int status, String location)
            throws IOException {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        send(request, response, callback, status, TEXT, new byte[0], false);
    }

    private void notFound(Request request, Response response, Callback callback) throws IOException {
        SiteFiles.Found page = files.find("404.html");
        if (page instanceof SiteFiles.File f) {
            byte[] body = Files.readAllBytes(f.path());
            if (options.liveReload() != null) {
                body = options.liveReload().inject(body, options.basePath());
            }
            send(request, response, callback, 404, TYPES.get("html"), body, gzipOk(request));
        } else {
            send(request, response, callback, 404, TEXT, bytes("not found\n"), false);
        }
    }

    private static boolean gzipOk(Request request) {
        String ae = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        return ae != null && ae.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private void send(Request request, Response response, Callback callback, int status, String type, byte[] body,
                      boolean gzip) {
        boolean encode = gzip && body.length > 0;
        write(request, response, callback, status, type, encode ? GzipCache.gzip(body) : body, encode);
    }

    /** @param gzipped whether {@code out} is the body gzipped (Content-Encoding) or the body itself */
    private void write(Request request, Response response, Callback callback, int status, String type, byte[] out,
                       boolean gzipped) {
        if (gzipped) {
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.VARY, "Accept-Encoding");
        // In dev every reload must see the new build; a preview caches as GitHub Pages does.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, options.liveReload() != null ? "no-cache" : "max-age=600");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
        boolean head = request.getMethod().equals("HEAD");
        response.write(true, ByteBuffer.wrap(out), callback);
        if (!head) {
            bytesSent.addAndGet(out.length);
        }
        options.listener().served(Request.getPathInContext(request), status, head ? 0 : out.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the server", e);
        }
    }
}
