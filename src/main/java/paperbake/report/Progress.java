package paperbake.report;

import java.util.List;

/**
 * What a build tells while it runs: each stage as it starts and ends, how far it has got, and the
 * problems in the input as they are found (file by file, in the order the files were listed, so
 * the messages come out in the same order on every run).
 *
 * <p>Implementations must accept {@link #step()} from several threads at once: pages are
 * rendered in parallel.
 */
public interface Progress {

    /** A stage starts; it will count {@code total} {@code unit}s (0 when not known beforehand). */
    void start(String stage, long total, String unit);

    /** One more unit of the current stage is done. */
    void step();

    /** The stage ended, having produced what {@code summary} says (for example "42 digests"). */
    void done(String stage, String summary, long nanos);

    /** Problems just found in the input. */
    void found(List<Diagnostic> diagnostics);

    /** Says nothing: for library callers and tests that read the report instead. */
    Progress SILENT = new Progress() {
        @Override
        public void start(String stage, long total, String unit) {}

        @Override
        public void step() {}

        @Override
        public void done(String stage, String summary, long nanos) {}

        @Override
        public void found(List<Diagnostic> diagnostics) {}
    };
}
