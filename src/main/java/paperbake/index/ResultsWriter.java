package paperbake.index;

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

    /** [arxiv id, English title, Chinese title, Chinese TL;DR, English TL;DR, [[channel, date|null]...]]. */
    void write(List<Paper> papers, List<String> channels) {
        int chunk = layout.chunkDocs();
        IntStream.range(0, (papers.size() + chunk - 1) / chunk).parallel().forEach(n -> {
            int start = n * chunk;
            List<Paper> part = papers.subList(start, Math.min(papers.size(), start + chunk));
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
