package paperbake.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes a site into a hidden staging folder beside the output and swaps it in only when the
 * build has finished, so a reader (or a deploy step) never sees a half-written site and a
 * failed or killed build leaves the previous site as it was.
 *
 * <p>The staging folder sits beside the output, never inside it, so deploying the output folder
 * can never publish it; stale ones from killed builds are removed by the next build. The swap is
 * two renames (the old site aside, the new one in): a build killed between them leaves the old
 * site complete (still marked) in {@code .NAME.retired-*}, and the next build puts it back before
 * anything else, saying so. Only a folder {@link OutputGuard} accepts is ever replaced.
 *
 * <p>A rebuild over a site Paperbake built is applied in place instead ({@link SiteUpdate}): only
 * files whose bytes changed are staged, then moved over the old ones; {@code inPlace = false}
 * (the {@code --clean} build) swaps in a whole new tree as above.
 */
public final class SiteOutput implements PageSink, AutoCloseable {

    /**
     * Test hook: when set to a file path, a build that is about to swap in a new site over an old
     * one creates that file between the two renames and waits there until it is killed, so a
     * test can kill it inside the window.
     */
    public static final String PAUSE_BETWEEN_RENAMES = "paperbake.write.pauseBetweenRenames";

    private static final String STAGING = ".partial-";
    private static final String RETIRED = ".retired-";
    private static final String SCRATCH = ".work-";

    private final Path output;
    private final Path staging;
    private final Path scratch;
    private final Runnable betweenRenames;
    /**
     * The in-place update, known once the output's walk ends (see {@link #begin}); null when the
     * site is swapped in as a whole.
     */
    private final CompletableFuture<SiteUpdate> update;
    private final AtomicLong files = new AtomicLong();
    private final MadeFolders folders = new MadeFolders();
    private boolean committed;
    private boolean applying;

    private SiteOutput(Path output, Path staging, Path scratch, Runnable betweenRenames,
                       CompletableFuture<SiteUpdate> update) {
        this.output = output;
        this.staging = staging;
        this.scratch = scratch;
        this.betweenRenames = betweenRenames;
        this.update = update;
    }

    /**
     * Checks that the output may be replaced, restores a site an earlier killed build left aside,
     * and opens a staging folder.
     *
     * @param notices receives one sentence for each thing done to the output folder besides the build itself
     * @throws OutputGuard.OutputRefused when the output folder is not Paperbake's to replace; nothing was touched
     */
    public static SiteOutput begin(Path output, OutputGuard guard, Consumer<String> notices, boolean inPlace)
            throws IOException {
        return begin(output, guard, notices, inPlace, pauseFromProperty());
    }

    /**
     * @param inPlace update a site Paperbake built before in place rather than swap in a new tree
     * @param betweenRenames run inside the commit's window: between the swap's two renames, or
     *                       once an update is sealed and before it is applied
     */
    static SiteOutput begin(Path output, OutputGuard guard, Consumer<String> notices, boolean inPlace,
                            Runnable betweenRenames) throws IOException {
        Path target = output.toAbsolutePath().normalize();
        guard.checkPlace(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!Files.exists(target)) {
            recover(target, leftovers(target, RETIRED), leftovers(target, STAGING), notices);
        }
        finishKilledUpdate(target, leftovers(target, STAGING), notices);
        OutputGuard.checkFolder(target);
        for (String kind : List.of(STAGING, RETIRED, SCRATCH)) {
            for (Path p : leftovers(target, kind)) {
                Folders.deleteTree(p);
            }
        }
        Path staging = Files.createTempDirectory(parent, prefix(target, STAGING));
        readableByAll(staging);
        Path scratch = Files.createTempDirectory(parent, prefix(target, SCRATCH));
        // The walk of the output (a stat of each of its files: half a second for cs.CL's 28,000)
        // runs beside the stages that read the digests, which never touch the output: nothing
        // needs it before the first page or index file is written. Its snapshot is therefore
        // taken during those stages rather than here; either way a file inside the built site
        // that the new site does not have is Paperbake's to remove, and a foreign top-level
        // entry still stops the commit (OutputGuard.checkFolder).
        CompletableFuture<SiteUpdate> update = inPlace && SiteMarker.present(target)
                ? CompletableFuture.supplyAsync(() -> open(target, staging), SiteOutput::onDaemon)
                : CompletableFuture.completedFuture(null);
        return new SiteOutput(target, staging, scratch, betweenRenames, update);
    }

    private static SiteUpdate open(Path target, Path staging) {
        try {
            return SiteUpdate.open(target, staging).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thread of its own, which never keeps the JVM alive (a failed build does not wait for it). */
    private static void onDaemon(Runnable task) {
        Thread t = new Thread(task, "paperbake-output-walk");
        t.setDaemon(true);
        t.start();
    }

    /** The in-place update, once the output's walk has ended; its failure is this call's. */
    private SiteUpdate update() throws IOException {
        try {
            return update.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /**
     * A sealed update in a staging folder is a finished build that was killed while its changes
     * were being moved into the site: the move is finished now, so the site is the one that build made.
     */
    private static void finishKilledUpdate(Path target, List<Path> staged, Consumer<String> notices) throws IOException {
        for (Path p : staged) {
            if (SiteUpdate.sealed(p) && SiteMarker.present(target)) {
                SiteUpdate.apply(p, target);
                notices.accept("an earlier build was killed while updating " + target + " in place; finished its update from "
                        + p.getFileName());
            }
        }
    }

    /**
     * The output is missing, so a build was killed in the swap: between the renames, a marked
     * retired folder is the previous site; with none (the output was absent or held no site),
     * a marked staging folder is a finished site that only lacked its rename.
     */
    private static void recover(Path target, List<Path> retired, List<Path> staged, Consumer<String> notices)
            throws IOException {
        Optional<Path> previous = retired.stream().filter(SiteMarker::present).findFirst();
        if (previous.isPresent()) {
            move(previous.get(), target);
            notices.accept("an earlier build was killed while swapping in its site; restored the previous site to "
                    + target + " from " + previous.get().getFileName());
            return;
        }
        Optional<Path> finished = staged.stream().filter(p -> SiteMarker.present(p) && !SiteUpdate.sealed(p)).findFirst();
        if (finished.isPresent()) {
            move(finished.get(), target);
            notices.accept("an earlier build was killed just before moving its finished site into place; moved it from "
                    + finished.get().getFileName() + " to " + target);
        }
    }

    private static String prefix(Path target, String kind) {
        return "." + target.getFileName() + kind;
    }

    /** Folders of one kind that earlier builds left beside the output, in name order. */
    private static List<Path> leftovers(Path target, String kind) throws IOException {
        List<Path> found = new ArrayList<>();
        // A filter, not a glob: the output's name may hold glob syntax such as [ or {.
        String prefix = prefix(target, kind);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))) {
            siblings.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    /** The folder being filled; JBake's asset copy writes here too. */
    public Path staging() {
        return staging;
    }

    /**
     * A folder for the build's own temporary files (an unpacked theme), beside the output rather
     * than in the system temp folder, so that when a build is killed the next one removes it.
     */
    public Path scratch() {
        return scratch;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        Path file = inside(path);
        SiteUpdate update = update();
        if (update == null || !update.same(path, content)) {
            folders.ensure(file.getParent());
            Files.write(file, content);
        }
        files.incrementAndGet();
    }

    @Override
    public boolean keep(String path, long size, int crc) throws IOException {
        inside(path);
        SiteUpdate update = update();
        if (update == null || !update.keep(path, size, crc)) {
            return false;
        }
        files.incrementAndGet();
        return true;
    }

    /** Where {@code path} is staged; a path that leads out of the site is refused. */
    private Path inside(String path) throws IOException {
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IOException("refusing to write outside the site: " + path);
        }
        return file;
    }

    /** Files of the new site that were already in the output, byte for byte, so not written (0 for a new tree). */
    public long unchanged() {
        SiteUpdate u = update.isCompletedExceptionally() ? null : update.join();
        return u == null ? 0 : u.unchanged();
    }

    public long files() {
        return files.get();
    }


    /**
     * Moves the finished site into place; the old one is removed only after the new one is there.
     * The output folder is checked again first: a file added to it during the build is not lost.
     */
    public void commit() throws IOException {
        OutputGuard.checkFolder(output);
        SiteUpdate update = update();
        if (update != null) {
            commitUpdate(update);
            return;
        }
        finishStaging();
        Path retired = null;
        if (Files.exists(output)) {
            retired = Files.createTempDirectory(output.getParent(), prefix(output, RETIRED));
            Files.delete(retired);
            move(output, retired);
            try {
                betweenRenames.run();
                move(staging, output);
            } catch (IOException | RuntimeException | Error e) {
                putBack(retired, e);
                throw e;
            }
        } else {
            move(staging, output);
        }
        committed = true;
        if (retired != null) {
            // Unmarked first: a retired folder half deleted by a kill is never mistaken for a site to restore.
            Files.deleteIfExists(retired.resolve(SiteMarker.NAME));
            Folders.deleteTree(retired);
        }
    }

    /**
     * The update's side of {@link #finishStaging}: the CNAME stays where it is (the journal never
     * lists it), the rest goes through {@link #write}, so it is staged only if it changed.
     */
    private void commitUpdate(SiteUpdate update) throws IOException {
        update.takeStaged();
        write(SiteMarker.NOJEKYLL, new byte[0]);
        write(SiteMarker.NAME, SiteMarker.content(update.topLevel()));
        update.seal();
        betweenRenames.run();
        // From the first move on, the sealed staging folder is what can finish the update: a
        // failure while applying leaves it for the next build, which finishes it first.
        applying = true;
        SiteUpdate.apply(staging, output);
        committed = true;
    }

    /** What every site carries besides its pages: the user's CNAME, .nojekyll, and the marker, last. */
    private void finishStaging() throws IOException {
        Path cname = output.resolve(SiteMarker.CNAME);
        if (Files.isRegularFile(cname)) {
            Files.copy(cname, staging.resolve(SiteMarker.CNAME), StandardCopyOption.REPLACE_EXISTING);
        }
        Path nojekyll = staging.resolve(SiteMarker.NOJEKYLL);
        if (!Files.exists(nojekyll)) {
            Files.write(nojekyll, new byte[0]);
        }
        SiteMarker.write(staging);
    }

    private void putBack(Path retired, Throwable failure) {
        try {
            move(retired, output);
        } catch (IOException e) {
            failure.addSuppressed(e); // the retired folder is still marked: the next build restores it
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Abandons an uncommitted site; the previous output stays untouched. An update that failed
     * while being applied keeps its sealed staging folder for the next build to finish.
     */
    @Override
    public void close() throws IOException {
        if (!committed && !applying) {
            Folders.deleteTree(staging);
        }
        Folders.deleteTree(scratch);
    }

    private static Runnable pauseFromProperty() {
        String signal = System.getProperty(PAUSE_BETWEEN_RENAMES);
        if (signal == null) {
            return () -> { };
        }
        return () -> {
            try {
                Files.createFile(Path.of(signal));
                while (true) {
                    Thread.sleep(60_000);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /*
     * A temporary folder is created rwx------; the staging folder becomes the site, which a web
     * server running as another user (nginx, a container's) must be able to read, like every
     * file written into it with the default umask.
     */
    private static void readableByAll(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

}
