package paperbake.report;

import java.nio.file.Path;

/**
 * A problem found in the input, with enough context for a person to fix it.
 *
 * @param line 1-based; a problem with a whole file points at line 1, so every message about a file
 *             has a place to jump to; 0 only for a directory, which has no lines
 */
public record Diagnostic(Severity severity, Path file, int line, String message) {

    public enum Severity { WARNING, ERROR }

    public static Diagnostic warning(Path file, int line, String message) {
        return new Diagnostic(Severity.WARNING, file, line, message);
    }

    public static Diagnostic error(Path file, int line, String message) {
        return new Diagnostic(Severity.ERROR, file, line, message);
    }

    /** Compiler-style, so editors and CI logs can jump to the place. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : String.valueOf(file);
        return where + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
