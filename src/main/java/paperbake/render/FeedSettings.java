package paperbake.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Atom feeds need absolute URLs, so they exist only when the base URL has a scheme and a host.
 *
 * @param origin  {@code https://me.github.io}, or null: no feeds
 * @param entries the latest N papers a feed lists
 */
public record FeedSettings(String origin, int entries) {

    public static final int DEFAULT_ENTRIES = 50;

    public static final FeedSettings NONE = new FeedSettings(null, DEFAULT_ENTRIES);

    public FeedSettings {
        if (entries < 1) {
            throw new IllegalArgumentException("a feed lists at least one entry: " + entries);
        }
    }

    public static FeedSettings forBaseUrl(String baseUrl, int entries) {
        try {
            URI u = new URI(baseUrl == null ? "" : baseUrl.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                String port = u.getPort() < 0 ? "" : ":" + u.getPort();
                return new FeedSettings(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + port, entries);
            }
        } catch (URISyntaxException e) {
            // not absolute: no feeds, as for a path
        }
        return new FeedSettings(null, entries);
    }

    public boolean enabled() {
        return origin != null;
    }

    /** {@code path} is a site link, which already starts with the base path. */
    String absolute(String path) {
        return origin + path;
    }
}
