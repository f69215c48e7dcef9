package paperbake.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Digest URLs are untrusted: only absolute http(s) URLs may become links. */
public final class SafeUrls {

    private SafeUrls() {}

    public static String httpOrEmpty(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return "";
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? uri.toASCIIString() : "";
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
