package paperbake.parse;

/** Small text helpers shared by the parse stage. */
final class Text {

    private Text() {}

    /**
     * Collapses every run of whitespace (TAB, NBSP, ideographic space, line breaks) to one space,
     * drops zero-width characters and trims. Digest text is prose: layout whitespace carries no
     * meaning, while an invisible ZWSP would break search and comparisons between listings.
     * A single pass, so it stays linear on multi-megabyte lines.
     */
    static String normalize(CharSequence s) {
        if (s instanceof String str) {
            return normalize(str, 0, str.length());
        }
        StringBuilder out = new StringBuilder(s.length());
        collapse(s, 0, s.length(), out);
        return out.toString();
    }

    /**
     * {@link #normalize(CharSequence)} of {@code s.substring(from, to)}. Nearly every field in a
     * digest is already normal once trimmed (one indented line, single spaces), and these are
     * abstracts of thousands of characters, so that case is one read-only scan and one substring
     * instead of a copy character by character.
     */
    static String normalize(String s, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && isDropped(s.charAt(a))) {
            a++;
        }
        while (b > a && isDropped(s.charAt(b - 1))) {
            b--;
        }
        // Read from a bulk copy: under the README's C1-only JIT each String.charAt is a call
        // with its own index check, and this loop sees nearly every character of the corpus.
        char[] chars = new char[b - a];
        s.getChars(a, b, chars, 0);
        // chars[0] is kept as is, so every space checked below has a predecessor in range.
        for (int j = 1; j < chars.length; j++) {
            char c = chars[j];
            if (isPlain(c) || c == ' ' && chars[j - 1] != ' ') {
                continue;
            }
            if (isZeroWidth(c) || isSpace(c) && (c != ' ' || chars[j - 1] == ' ')) {
                int i = a + j;
                // Restart before a single space that may open a longer run, so that the
                // prefix copied as is ends in a kept character, as collapse expects.
                int clean = chars[j - 1] == ' ' ? i - 1 : i;
                StringBuilder out = new StringBuilder(b - a);
                out.append(s, a, clean);
                collapse(s, clean, b, out);
                return out.toString();
            }
        }
        return s.substring(a, b);
    }

    /** The collapsing loop proper; {@code out} must be empty or end in a kept (non-space) character. */
    private static void collapse(CharSequence s, int from, int to, StringBuilder out) {
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isZeroWidth(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
    }

    /**
     * Neither space nor zero-width, by a cheap test: printable ASCII but space, and everything
     * from U+3001 (CJK, full-width punctuation) except the BOM. False means "look closer".
     */
    static boolean isPlain(char c) {
        return c > ' ' && c < '\u007F' || c >= '\u3001' && c != '\uFEFF';
    }

    /** Zero-width characters: ZWSP, ZWNJ, ZWJ, word joiner and a BOM used as ZWNBSP. */
    static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /**
     * {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, answered without the Unicode
     * tables for ASCII and for the ranges with no space character (Latin to Devanagari, CJK
     * ideographs and syllables), which is nearly all digest text.
     */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        if (c < 0x1680 && c != '\u00A0' || c >= '\u3001') {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isDropped(char c) {
        return isSpace(c) || isZeroWidth(c);
    }

    /** True when the text has at least one CJK ideograph: tells a Chinese paragraph from an English one. */
    static boolean hasCjk(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(s.charAt(i));
            if (script == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /**
     * A URL-path-safe slug: {@code [A-Za-z0-9-_.]} (case kept: arXiv categories are cs.CL, not cs.cl), anything else becomes {@code -}; runs of
     * {@code -} collapse and leading/trailing {@code -}/{@code .} go, so "." and ".." can never
     * come out. Empty input gives "untitled" so a path segment is never empty.
     */
    static String slug(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            char d = ok ? c : '-';
            if (d == '-' && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                continue;
            }
            out.append(d);
        }
        int start = 0;
        int end = out.length();
        while (start < end && (out.charAt(start) == '-' || out.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '.')) {
            end--;
        }
        String r = out.substring(start, end);
        return r.isEmpty() ? "untitled" : r;
    }

    /** Quoted input in a diagnostic: enough to recognise it, never a whole abstract. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
