package paperbake.parse;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The optional YAML front matter keys a digest may set; absent keys are null.
 *
 * @param dateOffset    where the date key starts in the source, so a bad date is reported on its line; -1 when absent
 * @param channelOffset likewise for the channel key
 */
record FrontMatter(String date, String title, String channel, int dateOffset, int channelOffset) {

    static final FrontMatter NONE = new FrontMatter(null, null, null, -1, -1);

    /** Front matter can only be the document's first block, so there is nothing to search for. */
    static FrontMatter of(Document doc) {
        Node first = doc.getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock)) {
            return NONE;
        }
        String date = null;
        String title = null;
        String channel = null;
        int dateOffset = -1;
        int channelOffset = -1;
        for (Node n = first.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof YamlFrontMatterNode kv && !kv.getValues().isEmpty()) {
                String value = unquote(kv.getValues().get(0).strip());
                switch (kv.getKey().strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "date" -> {
                        date = value;
                        dateOffset = kv.getStartOffset();
                    }
                    case "title" -> title = value;
                    case "channel" -> {
                        channel = value;
                        channelOffset = kv.getStartOffset();
                    }
                    default -> { }
                }
            }
        }
        return new FrontMatter(date, title, channel, dateOffset, channelOffset);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
