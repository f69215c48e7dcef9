package paperbake.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A rendered page's text, encoded to UTF-8 as it is written. {@code OutputStreamWriter} over a
 * {@code ByteArrayOutputStream} takes a lock and runs a {@code CharsetEncoder} per buffer, twice
 * synchronized; a page is written by one thread, in many short strings. The bytes are the JDK's
 * UTF-8 encoder's, including its {@code ?} for a surrogate without its other half.
 */
final class PageText extends Writer {

    private byte[] bytes;
    private int size;
    /** A high surrogate whose low half may come with the next write; 0 for none. */
    private char high;

    PageText(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void write(int c) {
        reserve(1);
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        reserve(len);
        for (int i = off; i < off + len; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int off, int len) {
        reserve(len);
        for (int i = off; i < off + len; i++) {
            put(text.charAt(i));
        }
    }

    /** Room for {@code chars} more: three bytes each at most, a completed surrogate pair's fourth byte included. */
    private void reserve(int chars) {
        int needed = size + 3 * chars + 1;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
        }
    }

    private void put(char c) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    @Override
    public void flush() {
        // nothing is buffered but a high surrogate, which waits for its low half
    }

    @Override
    public void close() {
        if (high != 0) {
            reserve(1);
            high = 0;
            bytes[size++] = '?';
        }
    }

    /** The text's bytes, the text being complete: a high surrogate still waiting for its half is written as {@code ?}. */
    byte[] toByteArray() {
        close();
        return Arrays.copyOf(bytes, size);
    }
}
