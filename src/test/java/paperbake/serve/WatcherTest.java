package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {

    final BlockingQueue<SortedSet<Path>> batches = new LinkedBlockingQueue<>();
    final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** Waits generously for the next batch (a fail-safe, not a measurement). */
    SortedSet<Path> next() throws InterruptedException {
        SortedSet<Path> batch = batches.poll(60, TimeUnit.SECONDS);
        assertThat(batch).as("a batch arrived").isNotNull();
        return batch;
    }

    @Test
    void changesMadeTogetherAreOneBatchAndSubfoldersAreWatched(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/cs.CL"));
        Path other = Files.createDirectories(dir.resolve("theme"));
        // A quiet period far longer than the writes take, so the writes land in one batch.
        try (Watcher w = Watcher.start(List.of(dir.resolve("content"), other), Duration.ofSeconds(2), batches::add, log)) {
            Files.writeString(content.resolve("a.md"), "a");
            Files.writeString(content.resolve("b.md"), "b");
            Files.writeString(other.resolve("layout.ftl"), "x");
            assertThat(next()).contains(content.resolve("a.md"), content.resolve("b.md"), other.resolve("layout.ftl"));

            Path fresh = content.getParent().resolve("q-fin");
            Files.createDirectories(fresh);
            Files.writeString(fresh.resolve("c.md"), "c");
            assertThat(next()).contains(fresh);
            // The new folder is watched from now on.
            Files.writeString(fresh.resolve("d.md"), "d");
            SortedSet<Path> later = next();
            while (!later.contains(fresh.resolve("d.md"))) {
                later = next(); // c.md may have come in a batch of its own
            }
            assertThat(later).contains(fresh.resolve("d.md"));
        }
    }

    @Test
    void aFailingRebuildDoesNotEndWatching(@TempDir Path dir) throws Exception {
        try (Watcher w = Watcher.start(List.of(dir), Duration.ofMillis(200), changed -> {
            batches.add(changed);
            throw new IllegalStateException("broken template");
        }, log)) {
            Files.writeString(dir.resolve("a.md"), "a");
            assertThat(next()).contains(dir.resolve("a.md"));
            Files.writeString(dir.resolve("b.md"), "b");
            SortedSet<Path> second = next();
            while (!second.contains(dir.resolve("b.md"))) {
                second = next();
            }
            assertThat(second).contains(dir.resolve("b.md"));
        }
    }
}
