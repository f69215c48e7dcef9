package paperbake.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer with the three encodings the client reads (varint,
 * float64, UTF-8), also used for the index's own arrays ({@link InvertedSlice}). Not a
 * ByteArrayOutputStream: its every write is synchronized, and the export writes its postings a
 * byte at a time.
 */
final class Bytes {

    private byte[] buf;
    private int size;

    Bytes() {
        this(64);
    }

    Bytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    Bytes varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        room(10);
        while (v >= 0x80) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    Bytes float64(double d) {
        long bits = Double.doubleToRawLongBits(d);
        room(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    Bytes string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return varint(b.length).raw(b);
    }

    Bytes append(Bytes other) {
        return write(other.buf, 0, other.size);
    }

    Bytes raw(byte[] b) {
        return write(b, 0, b.length);
    }

    Bytes write(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
