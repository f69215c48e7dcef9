package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The folder the index goes to: counts what it writes (from several threads), creates each directory once. */
final class IndexFiles {
    private final Path root;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final Set<Path> dirs = ConcurrentHashMap.newKeySet();

    IndexFiles(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
    }

    void write(String rel, byte[] data) {
        try {
            Path p = root.resolve(rel);
            Path dir = p.getParent();
            if (!dirs.contains(dir)) {
                Files.createDirectories(dir); // idempotent, so racing threads are harmless
                dirs.add(dir);
            }
            Files.write(p, data);
            files.incrementAndGet();
            bytes.addAndGet(data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }
}
