package paperbake.search;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import paperbake.index.SearchIndexStats;
import paperbake.index.SearchIndexWriter;
import paperbake.model.Archive;

/** A minimal site around the search index: the search page, the assets, a stub stylesheet. */
public final class TestSite {

    private TestSite() {}

    public static SearchIndexStats build(Archive archive, Path site) {
        try {
            SearchIndexStats stats = new SearchIndexWriter().write(archive, site);
            Path repo = Path.of("").toAbsolutePath();
            copyTree(repo.resolve("assets"), site);
            Files.writeString(site.resolve("css/site.css"), "body{font-family:sans-serif;max-width:50rem;margin:auto}\n");
            Files.writeString(site.resolve("search/index.html"), renderSearchPage(repo.resolve("templates"), "/"));
            Files.writeString(site.resolve("index.html"),
                    "<!DOCTYPE html><html><head><meta charset=utf-8><title>Home</title>"
                            + "<script type=module src=\"/js/site.js\"></script></head><body><header>"
                            + "<form class=\"site-search\" action=\"/search/\" role=\"search\">"
                            + "<input type=\"search\" name=\"q\" id=\"site-q\"></form></header>"
                            + "<main><input id=\"other\" type=\"text\"></main></body></html>");
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String renderSearchPage(Path templates, String base) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(templates.toFile());
        cfg.setDefaultEncoding("UTF-8");
        try {
            Template t = cfg.getTemplate("search.ftl");
            StringWriter out = new StringWriter();
            t.process(Map.of("base", base), out);
            return out.toString();
        } catch (freemarker.template.TemplateException e) {
            throw new IOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
