package paperbake.index;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for many small files with one reusable {@link Deflater} (creating a zlib stream per file
 * cost more than compressing it). Fixed header: no name, mtime 0, so output is deterministic.
 * Not thread-safe: one per thread.
 */
final class Gzip implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[16 * 1024];

    byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
        out.write(HEADER, 0, HEADER.length);
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            out.write(buf, 0, n);
        }
        crc.reset();
        crc.update(data);
        int c = (int) crc.getValue();
        int len = data.length;
        for (int v : new int[] {c, len}) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            out.write((v >>> 16) & 0xFF);
            out.write((v >>> 24) & 0xFF);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        deflater.end();
    }
}
