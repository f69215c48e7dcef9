package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paperbake.model.ArxivId;
import paperbake.write.PageSink;

/**
 * The topic filter of the search page, beside the channel and date filters:
 *
 * <pre>
 * search/f/topics.json   {"topics": [[slug, Chinese name, English name], ...]} in topics.yml order
 * search/f/t&lt;i&gt;.bin      members of topic i, as a bitmap over doc numbers (gzip), like f/c&lt;i&gt;.bin
 * </pre>
 *
 * A site without topics gets an empty list (the page then hides the filter), so the page's
 * request for it is never a 404 in the reader's console.
 */
public final class TopicFilterWriter {

    private final Json json = new Json();

    public void write(Topics topics, LuceneIndex index, PageSink site) {
        Map<ArxivId, Integer> docs = new HashMap<>();
        List<paperbake.model.Paper> papers = index.papers();
        for (int d = 0; d < papers.size(); d++) {
            docs.put(papers.get(d).id(), d);
        }
        try {
            site.write("search/f/topics.json", json.write(g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("topics");
                for (Topic t : topics.topics()) {
                    g.writeStartArray();
                    g.writeString(t.slug());
                    g.writeString(t.spec().nameZh());
                    g.writeString(t.spec().nameEn());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
            try (Gzip gz = new Gzip()) {
                for (int i = 0; i < topics.topics().size(); i++) {
                    byte[] bits = new byte[(papers.size() + 7) / 8];
                    for (ArxivId id : topics.topics().get(i).members()) {
                        int d = docs.get(id);
                        bits[d >> 3] |= (byte) (1 << (d & 7));
                    }
                    site.write("search/f/t" + i + ".bin", gz.gzip(bits));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
