package paperbake.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import paperbake.model.ArxivId;

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

    /**
     * The URL as a link only when it points at arxiv.org itself (or a subdomain of it), else "".
     * An unlinked entry's URL is shown as a paper's "source", and a lookalike host
     * ({@code arxiv.org.evil.example}, {@code arxiv.org@evil.example}, punycode) would lend the
     * digest's authority to another site; those are shown as text instead.
     */
    public static String arxivOrEmpty(String url) {
        String link = httpOrEmpty(url);
        return !link.isEmpty() && ArxivId.foreignHost(link).isEmpty() ? link : "";
    }
}
