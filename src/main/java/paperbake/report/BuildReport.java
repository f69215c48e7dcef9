package paperbake.report;

import java.util.List;
import java.util.Locale;
import paperbake.index.SearchIndexStats;
import paperbake.model.Archive;
import paperbake.render.RenderStats;

/**
 * What a build did, for the summary line and for tests and benchmarks.
 *
 * @param search null when rendering failed and no index was written
 * @param files  what the site's files came to
 */
public record BuildReport(
        Archive archive,
        List<Diagnostic> diagnostics,
        Reconciliation reconciliation,
        RenderStats pages,
        long pageBytes,
        SearchIndexStats search,
        Files files,
        List<Throwable> renderErrors,
        StageTimes times,
        long elapsedNanos) {

    /**
     * @param total     files of the new site that went through the build's output (theme assets aside)
     * @param unchanged of those, the ones already in the output byte for byte, so not written
     */
    public record Files(long total, long unchanged) {
        @Override
        public String toString() {
            return unchanged == 0 ? String.format(Locale.ROOT, "wrote %,d files", total)
                    : String.format(Locale.ROOT, "wrote %,d of %,d files (the others were unchanged)", total - unchanged, total);
        }
    }

    public long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
    }

    public long errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    public boolean written() {
        return renderErrors.isEmpty();
    }

    /** Pages plus search index, as they sit on disk (theme assets aside). */
    public long outputBytes() {
        return pageBytes + (search == null ? 0 : search.bytes());
    }

    public String summary() {
        long undated = archive.digests().stream().filter(d -> !d.dated()).count();
        long papers = archive.papers().size();
        return String.format(Locale.ROOT,
                "%s in %.1f s: %s%s, %s, %s, %s, %s%n"
                        + "  pages %d (%d paper, %d digest)%s, %.1f MB of HTML%n"
                        + "  %s%n"
                        + "  %s%n"
                        + "  output %.1f KB per paper%n"
                        + "  %s%n"
                        + "  stages: %s",
                written() ? "Built" : "FAILED", elapsedNanos / 1e9, Counts.of(archive.digests().size(), "digest"),
                undated > 0 ? " (" + undated + " undated)" : "", Counts.of(archive.entryCount(), "entry", "entries"),
                Counts.of(papers, "distinct paper"), Counts.of(warnings(), "warning"), Counts.of(errors(), "error"),
                pages.pages(), pages.paperPages(), pages.digestPages(),
                pages.kept() == 0 ? "" : String.format(Locale.ROOT, ", %,d of them unchanged and not rendered again", pages.kept()),
                pageBytes / 1e6,
                search == null ? "no search index" : search.toString(), files,
                papers == 0 ? 0.0 : outputBytes() / 1e3 / papers, reconciliation, times);
    }
}
