package paperbake.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A digest of everything a template can read of a page: the records of {@link Views} (and
 * {@link Page}), walked component by component, their strings, numbers, flags and lists. Two
 * pages with the same digest (and the same templates and code) render to the same bytes, which
 * is what lets a rebuild skip rendering a page whose digest it has seen ({@link RenderCache}).
 *
 * <p>Only the types views are made of are accepted; any other value (a map, a function) makes
 * the page undigestible ({@link Unsupported}), and such a page is always rendered. MD5 is enough:
 * this tells apart pages, it does not guard against an attacker, who would control the digest
 * text the page is made from anyway.
 */
final class ViewDigest {

    /** A value this digest does not know how to take apart, so its page is rendered every time. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();

    /** 16 bytes identifying {@code values}, in order. */
    byte[] of(Object... values) {
        MessageDigest md = md5();
        ByteBuffer scratch = ByteBuffer.allocate(9);
        for (Object v : values) {
            add(md, scratch, v);
        }
        return md.digest();
    }

    private void add(MessageDigest md, ByteBuffer b, Object v) {
        if (v == null) {
            md.update((byte) 0);
        } else if (v instanceof String s) {
            // UTF-8 (the JDK's fast path; UTF-16LE measured as a quarter of a rebuild's render
            // CPU under C1). It maps a lone surrogate to '?', as the page's own UTF-8 writer does,
            // so two strings that differ only there also render to the same bytes.
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            number(md, b, (byte) 1, utf8.length);
            md.update(utf8);
        } else if (v instanceof byte[] bytes) {
            number(md, b, (byte) 8, bytes.length);
            md.update(bytes);
        } else if (v instanceof Integer i) {
            number(md, b, (byte) 2, i);
        } else if (v instanceof Long l) {
            number(md, b, (byte) 3, l);
        } else if (v instanceof Boolean f) {
            md.update(f ? (byte) 4 : (byte) 5);
        } else if (v instanceof Enum<?> e) {
            number(md, b, (byte) 6, e.ordinal());
            add(md, b, e.getDeclaringClass().getName());
        } else if (v instanceof List<?> list) {
            number(md, b, (byte) 7, list.size());
            for (Object o : list) {
                add(md, b, o);
            }
        } else if (v instanceof Record r) {
            add(md, b, r.getClass().getName());
            for (Method m : accessors.computeIfAbsent(r.getClass(), ViewDigest::components)) {
                try {
                    add(md, b, m.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unsupported(r.getClass().getName() + "." + m.getName() + ": " + e);
                }
            }
        } else {
            throw new Unsupported(v.getClass().getName());
        }
    }

    private static Method[] components(Class<?> type) {
        RecordComponent[] parts = type.getRecordComponents();
        Method[] out = new Method[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].getAccessor();
            out[i].setAccessible(true);
        }
        return out;
    }

    private static void number(MessageDigest md, ByteBuffer b, byte tag, long value) {
        b.clear();
        b.put(tag).putLong(value);
        md.update(b.array(), 0, 9);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
