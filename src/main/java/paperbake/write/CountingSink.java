package paperbake.write;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One producer's view of a shared {@link PageSink}: the bytes it wrote or kept and the time its
 * writes took, summed over its threads. The build's stages write into one output at the same time
 * (the search export beside render), and each reports its own share.
 */
public final class CountingSink implements PageSink {

    private final PageSink sink;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();

    public CountingSink(PageSink sink) {
        this.sink = sink;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        long start = System.nanoTime();
        sink.write(path, content);
        bytes.addAndGet(content.length);
        writeNanos.addAndGet(System.nanoTime() - start);
    }

    @Override
    public boolean keep(String path, long size, int crc) throws IOException {
        boolean kept = sink.keep(path, size, crc);
        if (kept) {
            bytes.addAndGet(size);
        }
        return kept;
    }

    /** Bytes of the files written or kept through this view. */
    public long bytes() {
        return bytes.get();
    }

    /** Time spent writing through this view, summed over threads. */
    public long writeNanos() {
        return writeNanos.get();
    }
}
