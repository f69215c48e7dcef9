package paperbake.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paperbake.model.Digest;
import paperbake.report.Diagnostic;

/**
 * One file's problems and counts, handed to each part of the parse: what they warn about, how
 * many entries the file lists and which of them are skipped, and why. Never shared between files.
 */
final class FileReport {

    private final Path file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int read;

    FileReport(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The live list, for steps that add diagnostics of their own (NestingGuard). */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void warn(int line, String message) {
        diagnostics.add(Diagnostic.warning(file, line, message));
    }

    /** One more entry the file lists (published or skipped). */
    void entryRead() {
        read++;
    }

    int entriesRead() {
        return read;
    }

    /** An entry read but not published, for this reason. */
    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    /** A second row or block under a ref already used: it is read, reported and skipped. */
    void duplicateRef(int line, String what, String label) {
        warn(line, what + " [^" + label + "] repeats a reference already used in this digest; "
                + "the first one is kept and this one is skipped");
        entryRead();
        skip(DigestParser.SKIP_DUPLICATE_REF);
    }

    /** @param digest null when the file is not published (a warning says why) */
    ParseResult result(Digest digest) {
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new ParseResult(digest, diagnostics, digest == null ? 0 : read, skipped);
    }
}
