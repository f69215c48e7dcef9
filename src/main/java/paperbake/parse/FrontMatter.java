package paperbake.parse;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/** The optional YAML front matter keys a digest may set; absent keys are null. */
record FrontMatter(String date, String title, String channel) {

    static final FrontMatter NONE = new FrontMatter(null, null, null);

    /** Front matter can only be the document's first block, so there is nothing to search for. */
    static FrontMatter of(Document doc) {
        Node first = doc.getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock)) {
            return NONE;
        }
        String date = null;
        String title = null;
        String channel = null;
        for (Node n = first.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof YamlFrontMatterNode kv && !kv.getValues().isEmpty()) {
                String value = unquote(kv.getValues().get(0).strip());
                switch (kv.getKey().strip().toLowerCase()) {
                    case "date" -> date = value;
                    case "title" -> title = value;
                    case "channel" -> channel = value;
                    default -> { }
                }
            }
        }
        return new FrontMatter(date, title, channel);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
