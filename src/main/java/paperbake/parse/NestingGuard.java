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

    /** @return {@code t}'s text, or a copy with the over-deep lines escaped */
    static String guard(ParseText t, Path file, List<Diagnostic> diagnostics) {
        String text = t.text();
        char[] chars = t.chars();
        LineMap lines = t.lines();
        StringBuilder out = null;
        int copied = 0;
        int firstLine = 0;
        int defused = 0;
        for (int line = 1; line <= lines.lineCount(); line++) {
            int pos = lines.start(line);
            int end = line < lines.lineCount() ? lines.start(line + 1) - 1 : chars.length;
            if (overDeep(chars, pos, end)) {
                if (out == null) {
                    out = new StringBuilder(chars.length + 64);
                }
                out.append(text, copied, pos).append('\\');
                copied = pos;
                if (firstLine == 0) {
                    firstLine = line;
                }
                defused++;
            }
        }
        if (out == null) {
            return text;
        }
        // One warning per file: a hostile file can have thousands of such lines.
        diagnostics.add(Diagnostic.warning(file, firstLine, "Markdown nested more than " + MAX_MARKERS
                + " quote/list levels or indented more than " + MAX_INDENT + " columns is read as plain text"
                + (defused > 1 ? " (this line and " + (defused - 1) + " more)" : "")));
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** Whether the line's container prefix ("&gt;", "-", "*", "+", "1." and spaces) is over either limit. */
    private static boolean overDeep(char[] s, int from, int to) {
        int markers = 0;
        int indent = 0;
        boolean leading = true;
        int i = from;
        while (i < to) {
            char c = s[i];
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
                while (j < to && j - i < 9 && s[j] >= '0' && s[j] <= '9') {
                    j++;
                }
                if (j < to && (s[j] == '.' || s[j] == ')')) {
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
                return true; // already over: no need to scan a 2 MB prefix
            }
        }
        return false;
    }
}
