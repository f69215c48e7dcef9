package paperbake.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a site into a hidden staging folder beside the output and swaps it in only when the
 * build has finished, so a reader (or a deploy step) never sees a half-written site and a
 * failed or killed build leaves the previous site as it was.
 *
 * <p>The staging folder sits beside the output, never inside it, so deploying the output folder
 * can never publish it; stale ones from killed builds are removed by the next build.
 */
public final class SiteOutput implements PageSink, AutoCloseable {

    private static final String STAGING = ".partial-";
    private static final String RETIRED = ".retired-";

    private final Path output;
    private final Path staging;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private boolean committed;

    private SiteOutput(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    public static SiteOutput begin(Path output) throws IOException {
        Path target = output.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        removeLeftovers(parent, target.getFileName().toString());
        Path staging = Files.createTempDirectory(parent, prefix(target, STAGING));
        return new SiteOutput(target, staging);
    }

    private static String prefix(Path target, String kind) {
        return "." + target.getFileName() + kind;
    }

    /** Staging and retired folders of earlier builds that were killed before they could clean up. */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + STAGING) || n.startsWith("." + name + RETIRED)) {
                    Folders.deleteTree(p);
                }
            }
        }
    }

    /** The folder being filled; JBake's asset copy writes here too. */
    public Path staging() {
        return staging;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        long start = System.nanoTime();
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging)) {
            throw new IOException("refusing to write outside the site: " + path);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        files.incrementAndGet();
        bytes.addAndGet(content.length);
        writeNanos.addAndGet(System.nanoTime() - start);
    }

    public long files() {
        return files.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Time spent writing, summed over threads. */
    public long writeNanos() {
        return writeNanos.get();
    }

    /** Moves the finished site into place; the old one is removed only after the new one is there. */
    public void commit() throws IOException {
        Path retired = null;
        if (Files.exists(output)) {
            retired = Files.createTempDirectory(output.getParent(), prefix(output, RETIRED));
            Files.delete(retired);
            move(output, retired);
        }
        move(staging, output);
        committed = true;
        if (retired != null) {
            Folders.deleteTree(retired);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Abandons an uncommitted site; the previous output stays untouched. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Folders.deleteTree(staging);
        }
    }
}
