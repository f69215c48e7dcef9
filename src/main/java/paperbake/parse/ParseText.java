package paperbake.parse;

import java.util.Arrays;

/**
 * A file's text as the parse reads it: a leading BOM dropped, CR and CRLF line breaks made LF,
 * with its characters (flexmark reads them as an array: see {@link DigestParser}) and where each
 * line starts. Made in one pass over the characters: the text is a whole file, and each separate
 * scan of it (for CRs, for line starts, for the nesting guard's lines) was a few percent of the
 * parse stage under the README's C1-only JIT, where {@code String.indexOf} is not vectorized.
 */
record ParseText(String text, char[] chars, LineMap lines) {

    static ParseText of(String raw) {
        int from = !raw.isEmpty() && raw.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = raw.length() - from;
        char[] c = new char[n];
        raw.getChars(from, raw.length(), c, 0);
        int[] starts = new int[Math.max(16, n / 64)];
        int lines = 1;
        int w = 0;
        for (int r = 0; r < n; r++) {
            char ch = c[r];
            if (ch == '\r') {
                if (r + 1 < n && c[r + 1] == '\n') {
                    continue; // the LF that follows ends the line
                }
                ch = '\n';
            }
            c[w++] = ch;
            if (ch == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = w;
            }
        }
        String text = w == n && from == 0 ? raw : new String(c, 0, w);
        return new ParseText(text, w == n ? c : Arrays.copyOf(c, w), new LineMap(Arrays.copyOf(starts, lines)));
    }

    /**
     * {@code text} already clean (no CR, no BOM at its start: {@link RawText}), with its
     * characters and line starts as found there; the array becomes this record's.
     */
    static ParseText of(String text, char[] chars, int[] starts) {
        return new ParseText(text, chars, new LineMap(starts));
    }

    /** The same text with its first {@code k} characters made spaces: offsets and lines stay as they are. */
    ParseText blankFirst(int k) {
        char[] c = chars.clone();
        Arrays.fill(c, 0, k, ' ');
        return new ParseText(" ".repeat(k) + text.substring(k), c, lines);
    }
}
