package paperbake.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A rendered page's text, written by one thread, then its UTF-8 bytes. Not an
 * {@code OutputStreamWriter} over a {@code ByteArrayOutputStream}: that locks on every write and
 * runs a {@code CharsetEncoder} per buffer; {@code StringWriter} locks too (a {@code StringBuffer}).
 * The JDK's {@code String.getBytes} encodes the whole page at once with its intrinsics (faster, on
 * the C1-only JVM of the README's command, than encoding each write as it comes) and writes the
 * same bytes, {@code ?} for a surrogate without its other half included.
 */
final class PageText extends Writer {

    private final StringBuilder text;

    PageText(int capacity) {
        text = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        text.append(chars, off, len);
    }

    /** What Freemarker calls: a whole string, which {@code StringBuilder} copies as an array. */
    @Override
    public void write(String s) {
        text.append(s);
    }

    /**
     * Freemarker's HTML escaping writes the runs between escaped characters this way. Through a
     * substring, which {@code StringBuilder} copies as an array: its {@code append(s, from, to)}
     * copies char by char, each a call with an index check under C1 (a third slower on abstracts).
     */
    @Override
    public void write(String s, int off, int len) {
        text.append(s.substring(off, off + len));
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public void flush() {
        // nothing to flush: the text is kept until toByteArray
    }

    @Override
    public void close() {
        // nothing to release
    }

    byte[] toByteArray() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
