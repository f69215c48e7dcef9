package paperbake.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * A rebuild over a site Paperbake built before, applied in place: a file whose bytes are the
 * same as the output's is not written at all, the others go to the staging folder, and the
 * commit moves them over the old ones and deletes what the new build no longer has. So a rebuild
 * after one new digest writes the pages that changed instead of creating and deleting the whole
 * tree (on a disk without a journal, deleting 150,000 files slows every later file creation).
 *
 * <p>The output is compared with what is on disk, never with a record of an earlier build, so a
 * file someone edited in the output is rewritten like any other difference. Before the first
 * move the staging folder gets its {@value #JOURNAL} (the files to delete), written last: a
 * staging folder holding it is a complete update, and a build killed while applying it leaves
 * it for the next build to finish ({@link #finishKilled}); one without it is an unfinished
 * build, deleted. While the moves run, a reader of the output sees a mix of the two sites, for
 * as long as moving the changed files takes.
 */
final class SiteUpdate {

    static final String JOURNAL = ".paperbake-update";
    private static final String JOURNAL_FORMAT = "paperbake update 1";

    private final Path output;
    private final Path staging;
    /** Every regular file of the output when it was walked (early in the build), by site path, with its size. */
    private final Map<String, Long> existing;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final AtomicLong unchanged = new AtomicLong();

    private SiteUpdate(Path output, Path staging, Map<String, Long> existing) {
        this.output = output;
        this.staging = staging;
        this.existing = existing;
    }

    /**
     * @return empty when the output holds anything but folders and regular files (a link could
     *         lead a write outside the site; such a site is replaced as a whole instead)
     */
    static Optional<SiteUpdate> open(Path output, Path staging) throws IOException {
        Map<String, Long> files = new HashMap<>();
        boolean[] plain = {true};
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) {
                    plain[0] = false;
                    return FileVisitResult.TERMINATE;
                }
                files.put(sitePath(output, file), attrs.size());
                return FileVisitResult.CONTINUE;
            }
        });
        return plain[0] ? Optional.of(new SiteUpdate(output, staging, files)) : Optional.empty();
    }

    /**
     * Records that the new site has {@code path}.
     *
     * @return true when the output already holds exactly {@code content} there, so nothing needs writing
     */
    boolean same(String path, byte[] content) throws IOException {
        written.add(path);
        if (!onDisk(path, content.length, bytes -> Arrays.equals(bytes, content))) {
            return false;
        }
        unchanged.incrementAndGet();
        return true;
    }

    /** Like {@link #same}, for a file known only by its size and CRC-32C: true when the output holds it. */
    boolean keep(String path, long size, int crc) throws IOException {
        if (!onDisk(path, size, bytes -> crc(bytes) == crc)) {
            return false;
        }
        written.add(path);
        unchanged.incrementAndGet();
        return true;
    }

    /** Whether the output had a file at {@code path} of {@code size} bytes whose bytes pass {@code test}. */
    private boolean onDisk(String path, long size, Predicate<byte[]> test) throws IOException {
        Long found = existing.get(path);
        return found != null && found == size && test.test(Files.readAllBytes(output.resolve(path)));
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        return (int) c.getValue();
    }

    /** Files that went through {@link #same} and did not have to be written. */
    long unchanged() {
        return unchanged.get();
    }

    /**
     * Takes in what was copied into staging without {@link #same} (the theme's assets): those
     * identical to the output's are dropped from staging.
     */
    void takeStaged() throws IOException {
        for (Path file : files(staging)) {
            String path = sitePath(staging, file);
            if (!written.add(path)) {
                continue; // written through same(): compared already, and staged because it differs
            }
            byte[] staged = Files.readAllBytes(file);
            if (onDisk(path, staged.length, bytes -> Arrays.equals(bytes, staged))) {
                Files.delete(file);
            }
        }
    }

    /** Writes the journal: from here on, staging is a complete update. */
    void seal() throws IOException {
        // The few files the new site no longer has, sorted: not a sorted copy of every path (25,000 on cs.CL).
        List<String> gone = new ArrayList<>();
        for (String path : existing.keySet()) {
            if (!written.contains(path) && !path.equals(SiteMarker.CNAME)) {
                gone.add(path);
            }
        }
        gone.sort(null);
        List<String> lines = new ArrayList<>();
        lines.add(JOURNAL_FORMAT);
        lines.addAll(gone);
        // NUL-separated: the one character no file name can hold.
        Files.write(staging.resolve(JOURNAL), String.join("\0", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The top-level names the new site has, for its marker. */
    Set<String> topLevel() {
        Set<String> names = new TreeSet<>();
        for (String p : written) {
            int slash = p.indexOf('/');
            names.add(slash < 0 ? p : p.substring(0, slash));
        }
        return names;
    }

    /** Moves the staged files into the output and deletes those the journal lists. */
    static void apply(Path staging, Path output) throws IOException {
        List<String> journal = Arrays.asList(
                new String(Files.readAllBytes(staging.resolve(JOURNAL)), StandardCharsets.UTF_8).split("\0", -1));
        if (journal.isEmpty() || !journal.get(0).equals(JOURNAL_FORMAT)) {
            throw new IOException("not an update journal: " + staging.resolve(JOURNAL));
        }
        String marker = null;
        Set<Path> folders = new HashSet<>();
        for (Path file : files(staging)) {
            String path = sitePath(staging, file);
            if (path.equals(JOURNAL)) {
                continue;
            }
            if (path.equals(SiteMarker.NAME)) {
                marker = path; // last: the site's list of its entries changes once the entries are there
                continue;
            }
            moveInto(file, output.resolve(path), output, folders);
        }
        if (marker != null) {
            moveInto(staging.resolve(marker), output.resolve(marker), output, folders);
        }
        for (String path : journal.subList(1, journal.size())) {
            Path file = output.resolve(path).normalize();
            // Only while it is still a file: where the new site has a folder by that name (or a
            // file where a folder held it), the moves above have already replaced it.
            if (file.startsWith(output) && !file.equals(output) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
                removeEmptyParents(file.getParent(), output);
            }
        }
        Folders.deleteTree(staging);
    }

    /** Whether {@code staging} is a complete update a killed build left unapplied. */
    static boolean sealed(Path staging) {
        return Files.isRegularFile(staging.resolve(JOURNAL));
    }

    /**
     * @param folders the output's folders made or checked by earlier moves (with their parents): a
     *                folder that holds a file of the new site stays one, so no later move checks it again
     */
    private static void moveInto(Path from, Path to, Path output, Set<Path> folders) throws IOException {
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            Folders.deleteTree(to); // a folder of the old site where the new one has a file
        }
        Path parent = to.getParent();
        if (!folders.contains(parent)) {
            for (Path d = parent; d != null && d.startsWith(output) && !d.equals(output) && !folders.contains(d); d = d.getParent()) {
                if (Files.isRegularFile(d, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(d); // a file of the old site where the new one has a folder
                }
            }
            // createDirectories reports a folder that exists by throwing, once per file's folder here
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(parent);
            }
            for (Path d = parent; d != null && d.startsWith(output) && !d.equals(output); d = d.getParent()) {
                if (!folders.add(d)) {
                    break; // known already, and so are its parents
                }
            }
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeEmptyParents(Path dir, Path root) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(found::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(null);
        return found;
    }

    private static String sitePath(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
