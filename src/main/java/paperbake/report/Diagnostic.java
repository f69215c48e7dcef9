package paperbake.report;

import java.nio.file.Path;

/**
 * A problem found in the input, with enough context for a person to fix it.
 *
 * @param line 1-based, or 0 when the problem concerns the whole file
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
