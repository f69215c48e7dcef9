package paperbake.report;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * A problem found in the input, with enough context for a person to fix it.
 *
 * @param line 1-based; a problem with a whole file points at line 1, so every message about a file
 *             has a place to jump to; 0 only for a directory, which has no lines
 */
public record Diagnostic(Severity severity, Path file, int line, String message) {

    /**
     * A NOTE is information, not a problem: it never fails {@code --strict} (a content folder in
     * a repository always has a .git folder to mention).
     */
    public enum Severity { NOTE, WARNING, ERROR }

    /** By file, then line: the order diagnostics are printed in. */
    public static final Comparator<Diagnostic> BY_PLACE = Comparator
            .comparing((Diagnostic d) -> String.valueOf(d.file())).thenComparingInt(Diagnostic::line);

    public static Diagnostic note(Path file, int line, String message) {
        return new Diagnostic(Severity.NOTE, file, line, message);
    }

    public static Diagnostic warning(Path file, int line, String message) {
        return new Diagnostic(Severity.WARNING, file, line, message);
    }

    public static Diagnostic error(Path file, int line, String message) {
        return new Diagnostic(Severity.ERROR, file, line, message);
    }

    /**
     * Compiler-style, so editors and CI logs can jump to the place. File and directory names and
     * the quoted input come from the digest repository: control and bidi characters in them are
     * shown as {@code \\uXXXX}, so a name cannot drive the terminal or reorder the line.
     */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : String.valueOf(file);
        return printable(where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
    }

    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hidden = c < 0x20 || c >= 0x7F && c <= 0x9F || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029';
            if (hidden && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (hidden) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
