package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paperbake.write.PageSink;

/**
 * Where the index goes: {@code search/} of the site's sink (so a rebuild that updates the site in
 * place rewrites only the index files that changed); counts what it writes, from several threads.
 */
final class IndexFiles {
    private static final String FOLDER = "search/";

    private final PageSink site;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    IndexFiles(PageSink site) {
        this.site = site;
    }

    void write(String rel, byte[] data) {
        try {
            site.write(FOLDER + rel, data);
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
