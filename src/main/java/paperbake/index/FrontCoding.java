package paperbake.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorted strings as one string, each written as the length of the prefix it shares with the one
 * before (one character, {@code '0' + n}) and the rest, separated by spaces. The manifest holds
 * every shard's first term this way: sorted neighbours share prefixes, and the manifest is read
 * by every first query of a session (a fifth smaller gzipped on cs.CL than a JSON array).
 * Terms never contain spaces (the tokenizer splits on them).
 */
public final class FrontCoding {

    /** Longest shared prefix written; terms are at most 48 UTF-16 units, so it is rarely reached. */
    static final int MAX_SHARED = 47;

    private FrontCoding() {}

    public static String encode(List<String> sorted) {
        StringBuilder b = new StringBuilder();
        String previous = "";
        for (String s : sorted) {
            if (s.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("a space in a term: " + s);
            }
            int n = 0;
            int max = Math.min(MAX_SHARED, Math.min(s.length(), previous.length()));
            while (n < max && s.charAt(n) == previous.charAt(n)) {
                n++;
            }
            if (n > 0 && Character.isHighSurrogate(s.charAt(n - 1))) {
                n--; // the rest must not start with half a character: JSON could not carry it
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append((char) ('0' + n)).append(s, n, s.length());
            previous = s;
        }
        return b.toString();
    }

    /** The inverse of {@link #encode}; {@code search-engine.js} has its twin. */
    public static List<String> decode(String coded) {
        List<String> out = new ArrayList<>();
        if (coded.isEmpty()) {
            return out;
        }
        String previous = "";
        for (String e : coded.split(" ", -1)) {
            previous = previous.substring(0, e.charAt(0) - '0') + e.substring(1);
            out.add(previous);
        }
        return out;
    }
}
