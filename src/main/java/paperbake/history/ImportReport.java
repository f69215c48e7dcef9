package paperbake.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import paperbake.report.Diagnostic;

/**
 * What one import did.
 *
 * @param ref        the branch read
 * @param lastCommit the commit the branch pointed at: where the next run starts
 * @param added      {@code <channel>/<date>.md} written for the first time
 * @param updated    days rewritten (only with --refresh)
 * @param unchanged  days whose file already held exactly the chosen revision
 * @param skipped    dates with revisions but no day: each revision was a skeleton, empty, deleted or unreadable
 * @param kept       days not written although a revision was chosen: the file there is kept, and why
 * @param notes      warnings about whole files: a rewritten history, a bad channel name, a new time zone
 *                   (printed apart from the summary, as {@code file:line: warning:})
 * @param revisions  file revisions read (the work a run did)
 * @param beforeSince dates not looked at because they precede --since
 */
public record ImportReport(String ref, String lastCommit, List<String> added, List<String> updated, int unchanged,
                           List<Skip> skipped, List<Skip> kept, List<Diagnostic> notes, int revisions,
                           int beforeSince) {

    /** A date of one repository file that produced no write, and why. */
    public record Skip(String file, LocalDate date, String reason) {}

    public ImportReport {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        skipped = List.copyOf(skipped);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Imported %s up to %s: %d days added, %d updated, %d unchanged, %d skipped, %d kept%n",
                ref, lastCommit, added.size(), updated.size(), unchanged, skipped.size(), kept.size()));
        group(skipped).forEach((key, dates) -> out.append(String.format(Locale.ROOT,
                "  skipped %d %s of %s (%s): %s%n", dates.size(), dates.size() == 1 ? "day" : "days",
                key.get(0), key.get(1), String.join(", ", dates))));
        for (Skip k : kept) {
            out.append("  kept ").append(k.file()).append(' ').append(k.date()).append(": ").append(k.reason()).append('\n');
        }
        if (beforeSince > 0) {
            out.append(String.format(Locale.ROOT, "  %d %s before --since not imported%n", beforeSince,
                    beforeSince == 1 ? "date" : "dates"));
        }
        out.append(String.format(Locale.ROOT, "  read %d file revisions", revisions));
        return out.toString();
    }

    /** Skips by file and reason, each with its dates in order: "how many, which dates". */
    private static Map<List<String>, List<String>> group(List<Skip> skips) {
        Map<List<String>, List<String>> out = new TreeMap<>((a, b) -> (a.get(0) + '\0' + a.get(1)).compareTo(b.get(0) + '\0' + b.get(1)));
        for (Skip s : skips) {
            out.computeIfAbsent(List.of(s.file(), s.reason()), k -> new ArrayList<>()).add(s.date().toString());
        }
        return out;
    }
}
