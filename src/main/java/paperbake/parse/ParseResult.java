package paperbake.parse;

import java.util.List;
import java.util.Map;
import paperbake.model.Digest;
import paperbake.report.Diagnostic;

/**
 * One file's outcome.
 *
 * @param digest       null when the file could not be parsed at all (an ERROR says why) or is
 *                     not a digest (binary, or an error message; a WARNING says so)
 * @param entriesRead  every entry the file lists (table rows and detail blocks merged by ref)
 * @param skipped      entries read but not published in {@code Digest.entries}, by reason;
 *                     {@code entriesRead == digest.entries().size() + sum(skipped)}
 */
public record ParseResult(Digest digest, List<Diagnostic> diagnostics, int entriesRead, Map<String, Integer> skipped) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
        skipped = Map.copyOf(skipped);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
