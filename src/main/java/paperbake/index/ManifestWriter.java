package paperbake.index;

import java.util.List;

/**
 * {@code manifest.json}: versions, paper count, channels, the front-coded shard boundaries and
 * each shard's size in units (a base64url character of units - 1), from which the client finds
 * its pack and offset (the packs' rule: {@code TermsWriter.Pack}).
 */
final class ManifestWriter {

    /** base64url, one character per shard: units - 1. */
    static final String UNITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SearchIndexLayout layout;
    private final IndexFiles out;
    private final Json json = new Json();

    ManifestWriter(SearchIndexLayout layout, IndexFiles out) {
        this.layout = layout;
        this.out = out;
    }

    void write(int docs, List<String> channels, TermsWriter.Shards shards) {
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
            g.writeStringField("shards", FrontCoding.encode(shards.first()));
            g.writeNumberField("shardUnit", layout.shardUnit());
            g.writeNumberField("shardPack", layout.shardPackBytes());
            StringBuilder units = new StringBuilder(shards.units().length);
            for (int u : shards.units()) {
                units.append(UNITS.charAt(u - 1));
            }
            g.writeStringField("shardUnits", units.toString());
            g.writeEndObject();
        }));
    }
}
