package paperbake.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code serve --watch}: the static server with live reload, a watcher on the inputs, and a
 * rebuild between them. The build itself is passed in, so this package knows nothing of the
 * pipeline (as Hugo keeps {@code livereload} a leaf); pages reload only after a build has
 * replaced the served folder.
 */
public final class DevServer implements AutoCloseable {

    /** Builds the site into the served folder; false when nothing new was written. */
    @FunctionalInterface
    public interface Rebuild {
        boolean run() throws Exception;
    }

    /** Long enough to gather an editor's save (or a checkout) into one batch, short next to a build. */
    static final Duration QUIET = Duration.ofMillis(150);

    private final StaticServer server;
    private final LiveReload hub;
    private final Watcher watcher;

    private DevServer(StaticServer server, LiveReload hub, Watcher watcher) {
        this.server = server;
        this.hub = hub;
        this.watcher = watcher;
    }

    /** @param options the served folder must already hold a build */
    public static DevServer start(StaticServer.Options options, List<Path> watched, Rebuild rebuild, PrintStream log)
            throws IOException {
        LiveReload hub = new LiveReload();
        StaticServer server = StaticServer.start(options.withLiveReload(hub));
        Watcher watcher;
        try {
            watcher = Watcher.start(watched, QUIET, changed -> {
                log.println("paperbake: " + changed.size() + " changed (" + changed.first() + (changed.size() > 1 ? ", ..." : "")
                        + "); rebuilding");
                if (rebuild.run()) {
                    hub.reload();
                }
            }, log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new DevServer(server, hub, watcher);
    }

    public StaticServer server() {
        return server;
    }

    /** Builds reloaded into the pages so far. */
    public long reloads() {
        return hub.generation();
    }

    /** Pages holding an open event stream: for tests and the latency benchmark. */
    public int listening() {
        return hub.listening();
    }

    @Override
    public void close() throws IOException {
        try {
            watcher.close();
        } finally {
            server.close();
        }
    }
}
