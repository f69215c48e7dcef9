package paperbake.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import paperbake.cache.Fingerprint;

/**
 * A digest of everything a template can read of a page: the records of {@link Views} (and
 * {@link Page}), walked component by component, their strings, numbers, flags and lists. Two
 * pages with the same digest (and the same templates and code) render to the same bytes, which
 * is what lets a rebuild skip rendering a page whose digest it has seen ({@link RenderCache}).
 *
 * <p>Only the types views are made of are accepted; any other value (a map, a function) makes
 * the page undigestible ({@link Unsupported}), and such a page is always rendered. A
 * {@link Fingerprint} is enough: this tells apart pages, it does not guard against an attacker,
 * who would control the digest text the page is made from anyway.
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
        Fingerprint f = new Fingerprint();
        for (Object v : values) {
            add(f, v);
        }
        return f.digest();
    }

    private void add(Fingerprint f, Object v) {
        if (v == null) {
            f.update((byte) 0);
        } else if (v instanceof String s) {
            // UTF-8 (the JDK's fast path; UTF-16LE measured as a quarter of a rebuild's render
            // CPU under C1). It maps a lone surrogate to '?', as the page's own UTF-8 writer does,
            // so two strings that differ only there also render to the same bytes.
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            number(f, (byte) 1, utf8.length);
            f.update(utf8);
        } else if (v instanceof byte[] bytes) {
            number(f, (byte) 8, bytes.length);
            f.update(bytes);
        } else if (v instanceof Integer i) {
            number(f, (byte) 2, i);
        } else if (v instanceof Long l) {
            number(f, (byte) 3, l);
        } else if (v instanceof Boolean b) {
            f.update(b ? (byte) 4 : (byte) 5);
        } else if (v instanceof Enum<?> e) {
            number(f, (byte) 6, e.ordinal());
            add(f, e.getDeclaringClass().getName());
        } else if (v instanceof List<?> list) {
            number(f, (byte) 7, list.size());
            for (Object o : list) {
                add(f, o);
            }
        } else if (v instanceof Record r) {
            add(f, r.getClass().getName());
            for (Method m : accessors.computeIfAbsent(r.getClass(), ViewDigest::components)) {
                try {
                    add(f, m.invoke(r));
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

    private static void number(Fingerprint f, byte tag, long value) {
        f.update(tag).updateLong(value);
    }
}
