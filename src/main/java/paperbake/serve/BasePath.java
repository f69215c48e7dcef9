package paperbake.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Where a built site expects to be served. Every page says so in
 * {@code <meta name="paperbake-base">} (the path of {@code build --base-url}), so a project-site
 * build previews at {@code /repo/} without being told again.
 */
public final class BasePath {

    /** Only what can stand in a URL path and an HTML attribute as it is: the base goes into both. */
    private static final Pattern SAFE = Pattern.compile("/(?:[A-Za-z0-9._~%-]+/)*");

    private BasePath() {}

    public static boolean isSafe(String basePath) {
        return SAFE.matcher(basePath).matches();
    }

    /** The raw {@code content} of the site's home page's base meta tag, if it has one. */
    public static Optional<String> recorded(Path site) throws IOException {
        Path index = site.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        Element meta = Jsoup.parse(Files.readString(index, StandardCharsets.UTF_8)).selectFirst("meta[name=paperbake-base]");
        return meta == null ? Optional.empty() : Optional.of(meta.attr("content"));
    }
}
