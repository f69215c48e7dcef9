package paperbake.cli;

import java.io.PrintStream;
import java.util.List;
import paperbake.report.Diagnostic;

/** How commands end: diagnostics first, then the exit status the options call for. */
final class Diagnostics {

    static final int OK = 0;
    /** Built (or checked), but the input has errors, or warnings under --strict. */
    static final int INPUT_PROBLEMS = 1;
    static final int FAILED = 2;

    private Diagnostics() {}

    static void print(List<Diagnostic> diagnostics, PrintStream err) {
        diagnostics.forEach(err::println);
    }

    static int exitStatus(List<Diagnostic> diagnostics, boolean strict) {
        boolean errors = diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        boolean problems = diagnostics.stream().anyMatch(d -> d.severity() != Diagnostic.Severity.NOTE);
        // An error is a digest that could not be read at all: never a success, strict or not. Notes never fail.
        return errors || strict && problems ? INPUT_PROBLEMS : OK;
    }
}
