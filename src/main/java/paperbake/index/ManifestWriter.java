package paperbake.index;

import java.util.List;

/** {@code manifest.json}: versions, paper count, channels and the front-coded shard boundaries. */
final class ManifestWriter {

    private final SearchIndexLayout layout;
    private final IndexFiles out;
    private final Json json = new Json();

    ManifestWriter(SearchIndexLayout layout, IndexFiles out) {
        this.layout = layout;
        this.out = out;
    }

    void write(int docs, List<String> channels, List<String> shardFirst) {
        out.write("manifest.json", json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("format", SearchIndexWriter.FORMAT);
            g.writeNumberField("analyzer", PaperAnalyzer.VERSION);
            g.writeNumberField("docs", docs);
            g.writeNumberField("chunkDocs", layout.chunkDocs());
            g.writeArrayFieldStart("channels");
            for (String c : channels) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("shards", FrontCoding.encode(shardFirst));
            g.writeEndObject();
        }));
    }
}
