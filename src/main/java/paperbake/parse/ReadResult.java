package paperbake.parse;

import java.util.List;
import java.util.Map;
import paperbake.model.Digest;
import paperbake.report.Diagnostic;

/**
 * Everything read from one content directory, with the counts that reconcile input and output.
 *
 * @param digests      in source-path order
 * @param diagnostics  sorted by file, then line
 * @param entriesRead  entries the input lists (rows and detail blocks merged by ref)
 * @param entriesWithId entries published in {@code Digest.entries} (they have an arXiv id)
 * @param skipped      entries not published as papers, by reason; always
 *                     {@code entriesRead == entriesWithId + sum(skipped)}
 * @param filesFailed  files that produced no digest at all (each has a diagnostic saying why:
 *                     an ERROR when parsing failed, a WARNING for a binary file or one that
 *                     holds an error message instead of a digest)
 */
public record ReadResult(
        List<Digest> digests,
        List<Diagnostic> diagnostics,
        int entriesRead,
        int entriesWithId,
        Map<String, Integer> skipped,
        int filesFailed) {

    public ReadResult {
        digests = List.copyOf(digests);
        diagnostics = List.copyOf(diagnostics);
        skipped = Map.copyOf(skipped);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long errorCount() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }
}
