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
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
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
}
