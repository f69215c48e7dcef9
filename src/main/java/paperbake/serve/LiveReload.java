package paperbake.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Tells open pages to reload after a rebuild, over Server-Sent Events (the site's CSP allows
 * same-origin {@code connect-src} and {@code script-src}, so an external script and an
 * {@code EventSource} run where inline script may not). One instance per dev server.
 *
 * <p>Each served page carries the generation it was served at ({@code ?since=N} on the script
 * URL), and the event stream answers at once when a newer build exists: a page whose stream was
 * cut (idle timeout, a rebuild between load and connect) still reloads on reconnect.
 */
public final class LiveReload {

    /** Below the site's base path; a site file of this name would be shadowed (the server warns). */
    static final String DIR = "__paperbake/";
    static final String SCRIPT = DIR + "livereload.js";
    static final String EVENTS = DIR + "events";

    private static final byte[] HEAD_END = "</head>".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] JS = """
            // Added by `paperbake serve --watch` only; never part of a built site.
            // Only a visible page listens: a browser opens at most six HTTP/1.1 connections to a
            // site, and a stream per background tab would use them up. A page that missed a build
            // while hidden reloads when shown, since its ?since= is older than the server's build.
            (() => {
              const script = new URL(document.currentScript.src);
              const events = new URL('events' + script.search, script);
              let source = null;
              const listen = () => {
                if (document.visibilityState === 'hidden') {
                  if (source) {
                    source.close();
                    source = null;
                  }
                } else if (!source) {
                  source = new EventSource(events);
                  source.addEventListener('reload', () => {
                    source.close();
                    location.reload();
                  });
                }
              };
              document.addEventListener('visibilitychange', listen);
              listen();
            })();
            """.getBytes(StandardCharsets.UTF_8);

    private record Client(Response response, Callback callback) {}

    private final List<Client> clients = new ArrayList<>();
    private long generation;

    /** Call after the served folder holds a new build. */
    public void reload() {
        List<Client> waiting;
        long now;
        synchronized (this) {
            now = ++generation;
            waiting = List.copyOf(clients);
            clients.clear();
        }
        waiting.forEach(c -> sendReload(c.response(), c.callback(), now));
    }

    public synchronized long generation() {
        return generation;
    }

    /** Open streams, for tests. */
    synchronized int listening() {
        return clients.size();
    }

    /**
     * Puts the script tag before the first {@code </head>} (or at the end). Works on the bytes, so
     * the page is otherwise exactly what was built, whatever its encoding errors.
     */
    byte[] inject(byte[] html, String basePath) {
        byte[] tag = ("<script src=\"" + basePath + SCRIPT + "?since=" + generation() + "\" defer></script>")
                .getBytes(StandardCharsets.UTF_8);
        int at = indexOfIgnoreCase(html, HEAD_END);
        int cut = at < 0 ? html.length : at;
        byte[] out = new byte[html.length + tag.length];
        System.arraycopy(html, 0, out, 0, cut);
        System.arraycopy(tag, 0, out, cut, tag.length);
        System.arraycopy(html, cut, out, cut + tag.length, html.length - cut);
        return out;
    }

    /** ASCII case-insensitive: the needle is ASCII, and UTF-8 never puts ASCII bytes inside other characters. */
    private static int indexOfIgnoreCase(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                int c = haystack[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] script() {
        return JS.clone();
    }

    /** Holds the response open until the next build, or answers at once if the page is already stale. */
    void stream(Request request, Response response, Callback callback) {
        long since = since(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Client client = new Client(response, callback);
        // The page went away or the idle timeout cut the stream: the exchange still has to be
        // completed, unless a reload is already writing to it (that write then fails it).
        request.addFailureListener(failure -> {
            boolean waiting;
            synchronized (this) {
                waiting = clients.remove(client);
            }
            if (waiting) {
                callback.failed(failure);
            }
        });
        // The first write commits the headers, so the browser's EventSource opens; only once it
        // has completed may the stream be written again, hence registering in its callback.
        response.write(false, utf8("retry: 1000\n\n"), Callback.from(() -> {
            long current;
            synchronized (this) {
                current = generation;
                if (current <= since) {
                    clients.add(client);
                    return;
                }
            }
            sendReload(response, callback, current);
        }, callback::failed));
    }

    private static long since(Request request) {
        String value = Request.extractQueryParameters(request).getValue("since");
        try {
            return value == null ? Long.MAX_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // no generation known: wait for the next build rather than reload in a loop
        }
    }

    private static void sendReload(Response response, Callback callback, long generation) {
        response.write(true, utf8("event: reload\ndata: " + generation + "\n\n"), callback);
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
