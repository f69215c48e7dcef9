package paperbake.model;

import java.util.List;
import java.util.Map;

/**
 * The whole archive in memory: what every later stage (render, index, feeds) reads, so that
 * nothing is ever parsed twice.
 *
 * @param digests  newest first (date descending, then channel); undated digests last, by id
 * @param papers   one per distinct arXiv id, in id order
 * @param channels channel names in alphabetical order; the empty name stands for flat content
 */
public record Archive(List<Digest> digests, Map<ArxivId, Paper> papers, List<String> channels) {

    public int entryCount() {
        return digests.stream().mapToInt(d -> d.entries().size()).sum();
    }
}
