package paperbake.cli;

import java.io.PrintStream;
import java.util.List;
import paperbake.report.Diagnostic;

/** How commands end: diagnostics first, then the exit status the options call for. */
final class Diagnostics {

    static final int OK = 0;
    static final int INPUT_WARNINGS = 1;
    static final int FAILED = 2;

    private Diagnostics() {}

    static void print(List<Diagnostic> diagnostics, PrintStream err) {
        diagnostics.forEach(err::println);
    }

    static int exitStatus(List<Diagnostic> diagnostics, boolean strict) {
        boolean problems = diagnostics.stream().anyMatch(d -> d.severity() != Diagnostic.Severity.NOTE);
        return strict && problems ? INPUT_WARNINGS : OK;
    }
}
