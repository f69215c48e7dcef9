package paperbake.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import paperbake.Bake;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.render.SiteLinks;
import paperbake.report.BuildReport;
import paperbake.serve.BasePath;
import paperbake.serve.DevServer;
import paperbake.serve.StaticServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves a built site on http://127.0.0.1:PORT/ for a local look, gzipped as GitHub Pages serves it,",
            "under the base path it was built for (build --base-url https://me.github.io/repo/ is served at /repo/).",
            "With --watch it builds first, rebuilds when the content or the theme changes and reloads open pages.",
            "Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "The built site to serve; with --watch, where it is built (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port on the loopback address; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Serve under this URL's path (default: the base URL the site was built with).")
    String baseUrl;

    @Option(names = "--watch",
            description = "Build now, rebuild on every change to --content or --theme, and reload open pages.")
    boolean watch;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "With --watch: the folder of digests (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--theme", paramLabel = "DIR", defaultValue = ".",
            description = "With --watch: a JBake project folder with templates/ and assets/ (default: ${DEFAULT-VALUE}).")
    Path theme;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Paperbake",
            description = "With --watch: the site's name (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws Exception {
        String base = basePath();
        if (base == null) {
            return Diagnostics.FAILED;
        }
        List<Path> watched = inputs(content, theme);
        Bake.Options build = new Bake.Options(content, output, base, theme, title);
        if (watch) {
            if (!Files.isDirectory(content)) {
                System.err.println("paperbake: content folder not found: " + content.toAbsolutePath());
                return Diagnostics.FAILED;
            }
            Path out = output.toAbsolutePath().normalize();
            for (Path w : watched) {
                if (out.startsWith(w.toAbsolutePath().normalize())) {
                    System.err.println("paperbake: the output " + out + " is inside the watched folder " + w
                            + "; every build would trigger the next");
                    return Diagnostics.FAILED;
                }
            }
            if (portInUse()) {
                return Diagnostics.FAILED; // said so before a build the user would wait for in vain
            }
            build(build);
        }
        if (!Files.isRegularFile(output.resolve("index.html"))) {
            System.err.println("paperbake: no built site at " + output.toAbsolutePath() + " (run build first)");
            return Diagnostics.FAILED;
        }
        if (Files.exists(output.resolve("__paperbake")) && watch) {
            System.err.println("paperbake: warning: " + output.resolve("__paperbake")
                    + " is hidden while serving: the live reload uses that path");
        }
        StaticServer.Options options = StaticServer.Options.of(output, port).withBasePath(base);
        try {
            if (watch) {
                try (DevServer dev = DevServer.start(options, watched, () -> build(build), System.err)) {
                    announce(dev.server(), " (watching " + watched + "; Ctrl-C stops)");
                    new CountDownLatch(1).await();
                }
            } else {
                try (StaticServer server = StaticServer.start(options)) {
                    announce(server, " (Ctrl-C stops)");
                    new CountDownLatch(1).await();
                }
            }
        } catch (StaticServer.PortInUseException e) {
            busy();
            return Diagnostics.FAILED;
        }
        return Diagnostics.OK;
    }

    private boolean portInUse() throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (BindException e) {
            busy();
            return true;
        }
    }

    private void busy() {
        System.err.println("paperbake: port " + port + " is in use; try --port " + (port < 65535 ? port + 1 : 0));
    }

    private void announce(StaticServer server, String how) {
        System.out.println("Serving " + output.toAbsolutePath().normalize() + " at " + server.uri() + how);
    }

    /** --base-url, else what the site's pages say they were built for, else {@code /}; null after an error. */
    private String basePath() throws IOException {
        if (baseUrl != null) {
            String path = SiteLinks.forBaseUrl(baseUrl).basePath();
            if (!BasePath.isSafe(path)) {
                System.err.println("paperbake: --base-url path must be plain URL path segments: " + path);
                return null;
            }
            return path;
        }
        Optional<String> recorded = BasePath.recorded(output);
        if (recorded.isEmpty()) {
            return "/";
        }
        String path = SiteLinks.forBaseUrl(recorded.get()).basePath();
        if (!BasePath.isSafe(path)) {
            System.err.println(output.resolve("index.html") + ":1: warning: ignoring the base path it records ("
                    + path + "); serving at /");
            return "/";
        }
        return path;
    }

    /**
     * The inputs of a build: the content and, when the theme is a folder of its own, its templates
     * and assets (not the theme folder itself: by default it is the working directory, which
     * holds the output).
     */
    static List<Path> inputs(Path content, Path theme) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(content);
        if (Files.isDirectory(theme.resolve("templates"))) {
            dirs.add(theme.resolve("templates"));
            dirs.add(theme.resolve("assets"));
        }
        return dirs;
    }

    private boolean build(Bake.Options options) throws IOException {
        BuildReport report = new Bake(new ContentReader(), new JBakeOven()).build(options);
        Diagnostics.print(report.diagnostics(), System.err);
        report.renderErrors().forEach(e -> System.err.println("paperbake: render error: " + e.getMessage()));
        System.out.println(report.summary());
        if (!report.written()) {
            System.err.println("paperbake: nothing was written; still serving the previous site");
        }
        return report.written();
    }
}
