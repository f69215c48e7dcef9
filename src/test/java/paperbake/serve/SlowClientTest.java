package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9: four clients that send a header line every 2 s held every worker of the JDK server,
 * so nobody else was answered. The slow clients are bounded: four of them, ten lines at most,
 * all on 127.0.0.1; the bounds below are generous fail-safes, not measurements.
 */
class SlowClientTest {

    static final int SLOW_CLIENTS = 4;
    static final int MAX_LINES = 10;

    @Test
    void slowClientsNeitherStarveOthersNorHoldOnForever(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.html"), "<p>home</p>");
        ExecutorService pool = Executors.newFixedThreadPool(SLOW_CLIENTS);
        List<Socket> sockets = new ArrayList<>();
        try (StaticServer s = StaticServer.start(StaticServer.Options.of(root, 0).withHeaderDeadline(Duration.ofSeconds(3)))) {
            List<Future<Integer>> linesBeforeClose = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.uri().getPort());
                socket.setSoTimeout(1_000);
                sockets.add(socket);
                send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                linesBeforeClose.add(pool.submit(() -> drip(socket)));
            }
            // The old server had handed all four to its four workers by now.
            Thread.sleep(500);

            RawHttp.Response normal = RawHttp.get(s.uri(), "/");
            assertThat(normal.status()).isEqualTo(200);
            assertThat(normal.body()).isEqualTo("<p>home</p>");

            for (Future<Integer> lines : linesBeforeClose) {
                assertThat(lines.get(60, TimeUnit.SECONDS)).as("closed by the server before the client gave up")
                        .isLessThan(MAX_LINES);
            }
        } finally {
            pool.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Sends a header line every 2 s until the server closes the connection; returns how many were sent. */
    private static int drip(Socket socket) throws IOException, InterruptedException {
        for (int line = 0; line < MAX_LINES; line++) {
            try {
                if (socket.getInputStream().read() < 0) {
                    return line; // closed by the server (it may send a 408 first; reading it is enough)
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing from the server within a second: still waiting for our head
            } catch (IOException reset) {
                return line;
            }
            Thread.sleep(1_000);
            try {
                send(socket, "X-Slow-" + line + ": still typing\r\n");
            } catch (IOException reset) {
                return line;
            }
        }
        return MAX_LINES;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
