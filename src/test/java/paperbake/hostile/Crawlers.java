package paperbake.hostile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NodeList;

/** What search engines read, read back the way they do: the sitemap with an XML parser, JSON-LD with a JSON parser. */
public final class Crawlers {

    public static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final int URLS_PER_FILE = 50_000;

    private Crawlers() {}

    /**
     * Every page URL the sitemap index at {@code sitemap.xml} leads to, in order, duplicates kept.
     * Fails when a file is not well-formed, is not of the protocol's namespace, holds more than
     * 50,000 URLs, or when a listed URL is not under {@code absoluteBase}.
     */
    public static List<String> sitemapUrls(Path site, String absoluteBase) {
        List<String> urls = new ArrayList<>();
        org.w3c.dom.Document index = xml(site.resolve("sitemap.xml"));
        require(index.getDocumentElement().getLocalName().equals("sitemapindex"), "sitemap.xml is not a sitemap index");
        for (String file : locs(index)) {
            org.w3c.dom.Document set = xml(site.resolve(relative(file, absoluteBase)));
            require(set.getDocumentElement().getLocalName().equals("urlset"), file + " is not a urlset");
            List<String> listed = locs(set);
            require(!listed.isEmpty() && listed.size() <= URLS_PER_FILE, file + " lists " + listed.size() + " URLs");
            urls.addAll(listed);
        }
        return urls;
    }

    /** The file a site URL is served from: a folder's {@code index.html}. */
    public static Path fileOf(Path site, String url, String absoluteBase) {
        String rel = relative(url, absoluteBase);
        return rel.isEmpty() || rel.endsWith("/") ? site.resolve(rel + "index.html") : site.resolve(rel);
    }

    private static String relative(String url, String absoluteBase) {
        require(url.startsWith(absoluteBase), url + " is not under " + absoluteBase);
        return url.substring(absoluteBase.length());
    }

    private static List<String> locs(org.w3c.dom.Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(SITEMAP_NS, "loc");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent().strip());
        }
        return result;
    }

    private static org.w3c.dom.Document xml(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file + " as XML: " + e.getMessage(), e);
        }
    }

    /**
     * The page's one JSON-LD block, flattened: {@code identifier.value}, {@code inLanguage[1]}.
     * jsoup ends the block where a browser does, so an unescaped {@code </script>} shows as a parse failure.
     */
    public static Map<String, String> jsonLd(Document page) {
        List<Element> blocks = page.select("script[type=application/ld+json]");
        require(blocks.size() == 1, blocks.size() + " JSON-LD blocks");
        Map<String, String> fields = new TreeMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrays = new ArrayDeque<>();
        try (JsonParser p = new JsonFactory().createParser(blocks.get(0).data())) {
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> name = p.currentName();
                    case START_OBJECT -> {
                        if (name != null) {
                            path.addLast(name);
                        }
                        name = null;
                    }
                    case END_OBJECT -> {
                        if (!path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    case START_ARRAY -> arrays.push(new int[] {0});
                    case END_ARRAY -> {
                        arrays.pop();
                        name = null;
                    }
                    default -> {
                        String key = (path.isEmpty() ? "" : String.join(".", path) + ".") + name
                                + (arrays.isEmpty() ? "" : "[" + arrays.peek()[0]++ + "]");
                        fields.put(key, p.getText());
                        if (arrays.isEmpty()) {
                            name = null;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the JSON-LD block does not parse: " + e.getMessage() + "\n" + blocks.get(0).data(), e);
        }
        return fields;
    }

    /** Reads a text file of the site. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
