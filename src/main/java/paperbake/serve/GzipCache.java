package paperbake.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Gzipped bodies of the files a preview serves, kept so that a file is compressed once, as a
 * host's CDN does, not on every request (the search page fetches ten small result files a
 * query). Keyed by the file's path, size and modification time, so a rebuilt file is compressed
 * anew; least recently used entries go once the bodies exceed the byte budget. Only for a plain
 * preview: the dev server, whose files change under it, compresses every response.
 */
final class GzipCache {

    private record Key(Path path, long size, long modified) {}

    private final long budget;
    private long bytes;
    private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);

    GzipCache(long budget) {
        this.budget = budget;
    }

    /** The file's bytes, gzipped; from the cache when the file is as it was. */
    byte[] gzipped(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Key key = new Key(file, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        synchronized (this) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] body = gzip(Files.readAllBytes(file));
        synchronized (this) {
            if (entries.put(key, body) == null) {
                bytes += body.length;
            }
            for (var it = entries.entrySet().iterator(); bytes > budget && it.hasNext(); ) {
                Map.Entry<Key, byte[]> eldest = it.next();
                bytes -= eldest.getValue().length;
                it.remove();
            }
        }
        return body;
    }

    synchronized int size() {
        return entries.size();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return buf.toByteArray();
    }
}
