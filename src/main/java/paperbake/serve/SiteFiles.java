package paperbake.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Maps a decoded URL path (already without the base path) to what lies in the site folder.
 * Only what really is inside the folder counts: a symlink is followed, and refused when its
 * target lies outside (a link in {@code site/} to {@code /etc/passwd} is "not found"), and only
 * regular files are served (no devices, no FIFOs).
 */
final class SiteFiles {

    /** A regular file to serve, or a directory whose URL lacks its trailing slash. */
    sealed interface Found {}

    record File(Path path) implements Found {}

    /** @param relative the directory's path inside the site, {@code /}-separated, never empty */
    record Directory(String relative) implements Found {}

    record Missing() implements Found {}

    private final Path root;

    /** @param root must exist; its real path is taken once, so a later rebuild may replace it by rename. */
    SiteFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** @param path the decoded request path below the base, without a leading {@code /} */
    Found find(String path) {
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return new Missing();
        }
        Path real;
        try {
            Path p = root.resolve(path).normalize();
            if (!p.startsWith(root)) {
                return new Missing();
            }
            real = p.toRealPath();
        } catch (IOException | InvalidPathException e) {
            return new Missing();
        }
        if (!real.startsWith(root)) {
            return new Missing();
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            if (!path.isEmpty() && !path.endsWith("/")) {
                return real.equals(root) ? new Missing() : new Directory(root.relativize(real).toString().replace('\\', '/'));
            }
            return regular(real.resolve("index.html"));
        }
        return path.endsWith("/") ? new Missing() : regular(real); // a file is not a folder: /f.html/ is not found
    }

    private Found regular(Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? new File(real) : new Missing();
        } catch (IOException e) {
            return new Missing();
        }
    }
}
