package paperbake.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The promise that no paper is silently dropped, as numbers: every entry read from the digests
 * is either published on a paper page or listed here as skipped, with the reason.
 *
 * @param skipped reason → number of entries
 */
public record Reconciliation(int entriesRead, int entriesPublished, Map<String, Integer> skipped) {

    public Reconciliation {
        skipped = Map.copyOf(new TreeMap<>(skipped));
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean balanced() {
        return entriesRead == entriesPublished + skippedCount();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder()
                .append("entries read ").append(entriesRead)
                .append(" = published ").append(entriesPublished)
                .append(" + skipped ").append(skippedCount());
        if (!skipped.isEmpty()) {
            out.append(" (");
            new TreeMap<>(skipped).forEach((reason, n) -> out.append(reason).append(": ").append(n).append("; "));
            out.setLength(out.length() - 2);
            out.append(')');
        }
        if (!balanced()) {
            out.append(" — MISMATCH: ").append(entriesRead - entriesPublished - skippedCount()).append(" unaccounted");
        }
        return out.toString();
    }
}
