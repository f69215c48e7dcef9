package paperbake.parse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import paperbake.report.Counts;
import paperbake.report.Diagnostic;

/**
 * Checks and cleans a file's decoded text before Markdown parsing: the damage that flexmark would
 * absorb without a word (a cut-off file, stray binary, invisible control and bidi characters,
 * absurd sizes; absurd nesting is {@link NestingGuard}'s). Every finding is a warning with the line it was first seen on; the
 * text is still parsed, so every readable entry is still published.
 *
 * <p>Control characters are removed rather than escaped: they have no meaning in prose, ESC
 * sequences in a title would reach build logs through diagnostics, and bidi overrides
 * (U+202A–U+202E, U+2066–U+2069) can make a title display in a different order than it reads
 * ("Trojan Source"). A single pass over the text, so it stays linear on a 50 MB file.
 */
final class RawText {

    /** Real digests are 2–200 KB; an order of magnitude above the largest means a broken generator. */
    static final long LARGE_FILE_BYTES = 10L * 1024 * 1024;
    /** The longest real line (an abstract) is a few thousand characters. */
    static final int LONG_LINE_CHARS = 100_000;

    private RawText() {}

    /**
     * @param text decoded text with a leading BOM already removed and line breaks not yet normalized
     * @return the text with line breaks normalized to LF and control characters removed, as the
     *         parse reads it (its characters and line starts come from this pass when nothing changed)
     */
    static ParseText clean(String text, long bytes, Path file, List<Diagnostic> out) {
        if (text.isBlank()) {
            out.add(Diagnostic.warning(file, 1, bytes == 0
                    ? "the file is empty: there is no digest in it"
                    : "the file has only blank lines: there is no digest in it"));
            return ParseText.of("");
        }
        if (bytes > LARGE_FILE_BYTES) {
            out.add(Diagnostic.warning(file, 1, String.format(Locale.ROOT,
                    "the file is %.1f MB, far larger than any digest (they are well under 1 MB): "
                            + "check the generator did not append stray output", bytes / 1048576.0)));
        }
        Scan s = new Scan(text);
        s.run();
        report(file, out, s);
        return s.result();
    }

    private static void report(Path file, List<Diagnostic> out, Scan s) {
        if (s.crlfLine > 0) {
            out.add(Diagnostic.warning(file, s.crlfLine,
                    "the file has Windows (CRLF) line endings, from this line on; they were read as plain line breaks"));
        }
        if (s.crLine > 0) {
            out.add(Diagnostic.warning(file, s.crLine,
                    "the file has bare carriage returns (CR) as line breaks, from this line on; they were read as plain line breaks"));
        }
        if (s.nulLine > 0) {
            out.add(Diagnostic.warning(file, s.nulLine, Counts.of(s.nuls, "NUL byte")
                    + ": the file contains binary data, from this line on; it was removed and the rest read as text"));
        }
        if (s.controlLine > 0) {
            out.add(Diagnostic.warning(file, s.controlLine, Counts.of(s.controls, "invisible control character")
                    + " (such as ESC or BEL), from this line on; " + (s.controls == 1 ? "it was" : "they were") + " removed"));
        }
        if (s.bidiLine > 0) {
            out.add(Diagnostic.warning(file, s.bidiLine, Counts.of(s.bidis, "bidirectional override character")
                    + " (such as U+202E), which can make text display in a misleading order, from this line on; "
                    + (s.bidis == 1 ? "it was" : "they were") + " removed"));
        }
        if (s.bomLine > 0) {
            out.add(Diagnostic.warning(file, s.bomLine,
                    "a byte order mark (U+FEFF) in the middle of the file: were two files joined together? It was removed"));
        }
        s.longLines.forEach(l -> out.add(Diagnostic.warning(file, l[0], String.format(Locale.ROOT,
                "this line is %,d characters long, far longer than any real abstract; it is published as is", l[1]))));
        if (!s.endsWithNewline) {
            out.add(Diagnostic.warning(file, s.line,
                    "the file ends in the middle of a line, without a final line break: it was probably cut off, "
                            + "so the last entry may be incomplete"));
        }
    }

    /**
     * One pass: counts lines and notes the first line of each kind of damage. Clean text (LF line
     * breaks, nothing to remove) is by far the common case, so nothing is copied until the first
     * character that must change; from then on the unchanged stretches are copied in bulk.
     */
    private static final class Scan {
        private final String in;
        private char[] chars;
        /** Where each line of {@code in} starts, while nothing has changed. */
        private int[] starts = new int[64];
        private StringBuilder out;
        /** {@code in} before this index is already in {@code out} (or needs no copy while out is null). */
        private int copied;
        int line = 1;
        int crlfLine;
        int crLine;
        int nulLine;
        int nuls;
        int controlLine;
        int controls;
        int bidiLine;
        int bidis;
        int bomLine;
        boolean endsWithNewline;
        final List<int[]> longLines = new java.util.ArrayList<>();
        private int lineLength;

        Scan(String in) {
            this.in = in;
        }

        void run() {
            // One bulk copy, then array reads: under the README's C1-only JIT each String.charAt
            // is a call with its own index check, and this loop sees every character of the corpus.
            chars = in.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    endLine();
                    if (line == starts.length) {
                        starts = Arrays.copyOf(starts, line * 2);
                    }
                    starts[line++] = i + 1;
                } else if (c >= 0x20 && c < 0x7F) {
                    lineLength++; // printable ASCII: checked first, it is most of the text
                } else if (c == '\r') {
                    boolean crlf = i + 1 < chars.length && chars[i + 1] == '\n';
                    drop(i);
                    if (crlf) {
                        crlfLine = crlfLine == 0 ? line : crlfLine;
                        // the LF that follows is kept and ends the line
                    } else {
                        crLine = crLine == 0 ? line : crLine;
                        out.append('\n');
                        endLine();
                        line++;
                    }
                } else if (c == 0) {
                    drop(i);
                    nuls++;
                    nulLine = nulLine == 0 ? line : nulLine;
                } else if (c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F) {
                    drop(i);
                    controls++;
                    controlLine = controlLine == 0 ? line : controlLine;
                } else if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                    drop(i);
                    bidis++;
                    bidiLine = bidiLine == 0 ? line : bidiLine;
                } else if (c == '\uFEFF') {
                    drop(i);
                    bomLine = bomLine == 0 ? line : bomLine;
                } else {
                    lineLength++;
                }
            }
            endsWithNewline = in.isEmpty() || in.charAt(in.length() - 1) == '\n' || in.charAt(in.length() - 1) == '\r';
            endLine();
        }

        /** Leaves out the character at {@code i}: copies the unchanged stretch before it. */
        private void drop(int i) {
            if (out == null) {
                out = new StringBuilder(in.length());
            }
            out.append(in, copied, i);
            copied = i + 1;
        }

        /** The cleaned text: the input itself, and the characters already read, when nothing had to change. */
        ParseText result() {
            if (out == null) {
                return ParseText.of(in, chars, Arrays.copyOf(starts, line));
            }
            out.append(in, copied, in.length());
            return ParseText.of(out.toString());
        }

        private void endLine() {
            if (lineLength > LONG_LINE_CHARS) {
                longLines.add(new int[] {line, lineLength});
            }
            lineLength = 0;
        }
    }
}
