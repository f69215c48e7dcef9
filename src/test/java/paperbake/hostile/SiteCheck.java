package paperbake.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a baked site as a browser would resolve it: every internal {@code href}, {@code src} and
 * form {@code action} must name a file of the site, under the base path it was built for.
 */
public final class SiteCheck {

    private SiteCheck() {}

    /** Every HTML file of the site, sorted, lazily (a whole-corpus site has 25,000). */
    public static List<Path> pages(Path site) {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Broken references of every page, parsed one at a time; each as {@code page: attr=value (why)}. */
    public static List<String> brokenReferences(Path site, String basePath) {
        List<String> broken = new ArrayList<>();
        for (Path page : pages(site)) {
            broken.addAll(brokenReferences(site, basePath, page, parse(page)));
        }
        return broken;
    }

    static List<String> brokenReferences(Path site, String basePath, Path page, Document doc) {
        String pageUrl = basePath + site.relativize(page).toString().replace('\\', '/');
        List<String> broken = new ArrayList<>();
        for (Element e : doc.select("[href], [src], form[action]")) {
            for (String attr : List.of("href", "src", "action")) {
                if (!e.hasAttr(attr) || attr.equals("action") && !e.tagName().equals("form")) {
                    continue;
                }
                String value = e.attr(attr);
                String why = problem(site, basePath, pageUrl, value);
                if (why != null) {
                    broken.add(site.relativize(page) + ": <" + e.tagName() + " " + attr + "=\"" + value + "\"> (" + why + ")");
                }
            }
        }
        return broken;
    }

    /** Null when the reference is fine or leaves the site over http(s). */
    private static String problem(Path site, String basePath, String pageUrl, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "empty";
        }
        if (v.startsWith("#")) {
            return null;
        }
        if (v.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            String scheme = v.substring(0, v.indexOf(':')).toLowerCase();
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") ? null : "scheme " + scheme;
        }
        if (v.startsWith("//")) {
            return null; // protocol-relative: another host
        }
        String path;
        try {
            path = URI.create(pageUrl).resolve(new URI(null, null, v.replaceAll("[?#].*$", ""), null)).getPath();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "not a valid URL";
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!path.startsWith(basePath)) {
            return "outside the base path " + basePath;
        }
        String rel = path.substring(basePath.length());
        Path target = site.resolve(rel).normalize();
        if (!target.startsWith(site)) {
            return "escapes the site";
        }
        if (rel.isEmpty() || rel.endsWith("/")) {
            return Files.isRegularFile(target.resolve("index.html")) ? null : "no index.html there";
        }
        return Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html")) ? null : "no such file";
    }
}
