package paperbake.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Range} header of RFC 9110 (section 14.1.1, 14.2) against a representation of known
 * length. Hand-written rather than Jetty's {@code ByteRange.parse}: that one answers "no ranges"
 * both for a syntax error and for numbers beyond a {@code long}, while the RFC makes
 * {@code bytes=0-99999999999999999999} the whole file and {@code bytes=99999999999999999999-}
 * unsatisfiable. Numbers saturate at {@link Long#MAX_VALUE}, which gives exactly those answers.
 */
final class ByteRanges {

    /** What to answer. */
    sealed interface Answer {}

    /** Serve the whole representation with 200: no Range, another unit, or several ranges (the RFC lets a server ignore Range). */
    record Whole() implements Answer {}

    /** 416 with {@code Content-Range: bytes *}{@code /length}: invalid syntax or nothing satisfiable. */
    record Unsatisfiable() implements Answer {}

    /** 206 with one part; {@code last} is inclusive and below the length. */
    record Part(long first, long last) implements Answer {
        long length() {
            return last - first + 1;
        }
    }

    private ByteRanges() {}

    static Answer parse(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        int eq = header.indexOf('=');
        if (eq < 0) {
            return new Unsatisfiable();
        }
        if (!header.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole(); // "An origin server MUST ignore a Range header field that contains a range unit it does not understand."
        }
        List<Part> satisfiable = new ArrayList<>();
        int specs = 0;
        for (String raw : header.substring(eq + 1).split(",", -1)) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue; // the #rule allows empty list elements
            }
            specs++;
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new Unsatisfiable();
            }
            String a = spec.substring(0, dash);
            String b = spec.substring(dash + 1);
            if (a.isEmpty()) {
                long suffix = number(b);
                if (suffix < 0) {
                    return new Unsatisfiable();
                }
                if (suffix > 0 && length > 0) {
                    satisfiable.add(new Part(Math.max(0, length - suffix), length - 1));
                }
                continue;
            }
            long first = number(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : number(b);
            if (first < 0 || last < 0 || last < first) {
                return new Unsatisfiable();
            }
            if (first < length) {
                satisfiable.add(new Part(first, Math.min(last, length - 1)));
            }
        }
        if (specs == 0 || satisfiable.isEmpty()) {
            return new Unsatisfiable();
        }
        return satisfiable.size() == 1 ? satisfiable.get(0) : new Whole();
    }

    /** 1*DIGIT, saturating at {@link Long#MAX_VALUE}; -1 when not digits. */
    private static long number(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int d = c - '0';
            n = n > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : n * 10 + d;
        }
        return n;
    }
}
