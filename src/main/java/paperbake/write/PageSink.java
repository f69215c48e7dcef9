package paperbake.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where rendered files go. Implementations must accept calls from several threads at once. */
public interface PageSink {

    /** @param path relative to the site root, with {@code /} separators */
    void write(String path, byte[] content) throws IOException;

    /**
     * Keeps the file already at {@code path} as this build's, without it being rendered again,
     * when it is exactly {@code size} bytes with CRC-32C {@code crc}.
     *
     * @return false when there is no such file: the caller renders and writes it
     */
    default boolean keep(String path, long size, int crc) throws IOException {
        return false;
    }

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
