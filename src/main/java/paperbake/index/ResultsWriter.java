package paperbake.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import paperbake.model.Appearance;
import paperbake.model.Paper;

/** Result data {@code r/<n>.json}: what a results page shows, {@code chunkDocs} papers a file. */
final class ResultsWriter {

    private final SearchIndexLayout layout;
    private final IndexFiles out;
    private final Json json = new Json();

    ResultsWriter(SearchIndexLayout layout, IndexFiles out) {
        this.layout = layout;
        this.out = out;
    }

    /**
     * [arxiv id, English title, Chinese title, Chinese TL;DR, English TL;DR, [[channel, date|null]...]].
     * Files are counted from the oldest paper (file {@code n} holds the papers {@code n * chunk}
     * and on from the end, oldest first): doc numbers run newest first, so a new day's papers
     * take the first numbers, and every other paper keeps its file (search-engine.js {@code place}).
     */
    void write(List<Paper> papers, List<String> channels) {
        int chunk = layout.chunkDocs();
        List<Paper> oldestFirst = new ArrayList<>(papers);
        Collections.reverse(oldestFirst);
        IntStream.range(0, (papers.size() + chunk - 1) / chunk).parallel().forEach(n -> {
            int start = n * chunk;
            List<Paper> part = oldestFirst.subList(start, Math.min(papers.size(), start + chunk));
            out.write("r/" + n + ".json", json.write(g -> {
                g.writeStartArray();
                for (Paper p : part) {
                    g.writeStartArray();
                    g.writeString(p.id().value());
                    g.writeString(p.titleEn());
                    g.writeString(p.titleZh());
                    g.writeString(p.tldrZh());
                    g.writeString(p.tldrEn());
                    g.writeStartArray();
                    for (Appearance a : p.appearances()) {
                        g.writeStartArray();
                        g.writeNumber(channels.indexOf(a.digest().channel()));
                        g.writeString(a.digest().name());
                        if (a.date() == null) {
                            g.writeNull();
                        } else {
                            g.writeString(a.date().toString());
                        }
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
                g.writeEndArray();
            }));
        });
    }
}
