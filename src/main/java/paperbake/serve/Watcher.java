package paperbake.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders, subfolders included, and hands on changes in batches: after the first event
 * it waits until the folders have been quiet for a moment, so an editor's save (a temporary
 * file, a rename, a modify) or a {@code git checkout} of fifty digests is one batch and one
 * rebuild. Batches are handed on one at a time on the watcher's thread; what changes during a
 * rebuild is the next batch.
 */
public final class Watcher implements AutoCloseable {

    /** Told about each batch of changed paths (sorted); a folder stands for "something below it". */
    @FunctionalInterface
    public interface Batch {
        void changed(SortedSet<Path> paths) throws Exception;
    }

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Duration quiet;
    private final Batch batch;
    private final PrintStream log;
    private final Thread thread;

    private Watcher(WatchService service, Duration quiet, Batch batch, PrintStream log) {
        this.service = service;
        this.quiet = quiet;
        this.batch = batch;
        this.log = log;
        this.thread = new Thread(this::run, "paperbake-watch");
        thread.setDaemon(true);
    }

    /** @param roots existing folders; others are skipped */
    public static Watcher start(List<Path> roots, Duration quiet, Batch batch, PrintStream log) throws IOException {
        Watcher w = new Watcher(FileSystems.getDefault().newWatchService(), quiet, batch, log);
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                w.registerTree(root.toAbsolutePath().normalize());
            }
        }
        w.thread.start();
        return w;
    }

    private void registerTree(Path top) throws IOException {
        try (Stream<Path> tree = Files.walk(top)) {
            tree.filter(Files::isDirectory).forEach(dir -> {
                try {
                    dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void run() {
        try {
            while (true) {
                SortedSet<Path> changed = new TreeSet<>();
                drain(service.take(), changed);
                WatchKey next;
                while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next, changed);
                }
                try {
                    batch.changed(changed);
                } catch (Exception e) {
                    // One failed rebuild must not end watching: the next save may fix it.
                    log.println("paperbake: rebuild failed: " + e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            // closed
        }
    }

    private void drain(WatchKey key, SortedSet<Path> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                changed.add(dir); // events were lost: something below changed
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            changed.add(path);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                    // Files may have landed in it before it was registered.
                    try (Stream<Path> below = Files.walk(path)) {
                        below.forEach(changed::add);
                    }
                } catch (IOException e) {
                    log.println("paperbake: cannot watch " + path + ": " + e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            dirs.remove(key); // the folder is gone
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
