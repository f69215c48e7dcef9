package paperbake.report;

import java.util.List;
import java.util.Locale;
import paperbake.model.Archive;
import paperbake.render.RenderStats;

/** What a build did, for the summary line and for tests and benchmarks. */
public record BuildReport(
        Archive archive,
        List<Diagnostic> diagnostics,
        Reconciliation reconciliation,
        RenderStats pages,
        long htmlBytes,
        List<Throwable> renderErrors,
        StageTimes times,
        long elapsedNanos) {

    public long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
    }

    public long errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    public boolean written() {
        return renderErrors.isEmpty();
    }

    public String summary() {
        long undated = archive.digests().stream().filter(d -> !d.dated()).count();
        long papers = archive.papers().size();
        return String.format(Locale.ROOT,
                "%s in %.1f s: %d digests%s, %d entries, %d distinct papers, %d warnings, %d errors%n"
                        + "  pages %d (%d paper, %d digest), %.1f MB of HTML, %.1f KB per paper%n"
                        + "  %s%n"
                        + "  stages: %s",
                written() ? "Built" : "FAILED", elapsedNanos / 1e9, archive.digests().size(),
                undated > 0 ? " (" + undated + " undated)" : "", archive.entryCount(), papers, warnings(), errors(),
                pages.pages(), pages.paperPages(), pages.digestPages(), htmlBytes / 1e6,
                papers == 0 ? 0.0 : htmlBytes / 1e3 / papers, reconciliation, times);
    }
}
