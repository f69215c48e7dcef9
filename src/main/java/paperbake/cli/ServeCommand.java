package paperbake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import paperbake.serve.StaticServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves a built site on http://127.0.0.1:PORT/ for a local look, gzipped as GitHub Pages serves it.",
            "Build with the default --base-url / to preview; stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "The built site to serve (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port on the loopback address; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(output.resolve("index.html"))) {
            System.err.println("paperbake: no built site at " + output.toAbsolutePath() + " (run build first)");
            return Diagnostics.FAILED;
        }
        try (StaticServer server = StaticServer.start(output, port)) {
            System.out.println("Serving " + output.toAbsolutePath().normalize() + " at " + server.uri() + " (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return Diagnostics.OK;
    }
}
