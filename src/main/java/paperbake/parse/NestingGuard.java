package paperbake.parse;

import java.nio.file.Path;
import java.util.List;
import paperbake.report.Diagnostic;

/**
 * Defuses absurdly nested Markdown before flexmark sees it. flexmark re-checks every open
 * container on every line, so 10,000 nested list items cost it seconds and its tree can be deep
 * enough to overflow a stack. A digest never nests beyond a few levels, so a line whose
 * container prefix is deeper than {@link #MAX_MARKERS} markers or {@link #MAX_INDENT} columns is
 * escaped with a leading backslash and read as plain text. Line count is unchanged, so every
 * line number stays right.
 */
final class NestingGuard {

    static final int MAX_MARKERS = 32;
    static final int MAX_INDENT = 128;

    private NestingGuard() {}

    static String guard(String text, Path file, List<Diagnostic> diagnostics) {
        StringBuilder out = null;
        int line = 1;
        int pos = 0;
        int len = text.length();
        int copied = 0;
        int firstLine = 0;
        int defused = 0;
        while (pos < len) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? len : nl;
            int[] depth = prefixDepth(text, pos, end);
            if (depth[0] > MAX_MARKERS || depth[1] > MAX_INDENT) {
                if (out == null) {
                    out = new StringBuilder(len + 64);
                }
                out.append(text, copied, pos).append('\\');
                copied = pos;
                if (firstLine == 0) {
                    firstLine = line;
                }
                defused++;
            }
            line++;
            pos = end + 1;
        }
        if (out == null) {
            return text;
        }
        // One warning per file: a hostile file can have thousands of such lines.
        diagnostics.add(Diagnostic.warning(file, firstLine, "Markdown nested more than " + MAX_MARKERS
                + " quote/list levels or indented more than " + MAX_INDENT + " columns is read as plain text"
                + (defused > 1 ? " (this line and " + (defused - 1) + " more)" : "")));
        out.append(text, copied, len);
        return out.toString();
    }

    /** {markers, leading whitespace columns} of the container prefix: "&gt;", "-", "*", "+", "1." and spaces. */
    private static int[] prefixDepth(String s, int from, int to) {
        int markers = 0;
        int indent = 0;
        boolean leading = true;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                if (leading) {
                    indent += c == '\t' ? 4 : 1;
                }
                i++;
            } else if (c == '>' || c == '-' || c == '*' || c == '+') {
                markers++;
                leading = false;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < to && (s.charAt(j) == '.' || s.charAt(j) == ')')) {
                    markers++;
                    leading = false;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            if (markers > MAX_MARKERS || indent > MAX_INDENT) {
                break; // already over: no need to scan a 2 MB prefix
            }
        }
        return new int[] {markers, indent};
    }
}
