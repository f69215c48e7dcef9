package paperbake.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where rendered files go. Implementations must accept calls from several threads at once. */
public interface PageSink {

    /** @param path relative to the site root, with {@code /} separators */
    void write(String path, byte[] content) throws IOException;

    /** A sink that writes straight into {@code root} (tests, tools): no staging, no comparison. */
    static PageSink folder(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return (path, content) -> {
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base) || file.equals(base)) {
                throw new IOException("refusing to write outside the site: " + path);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        };
    }
}
