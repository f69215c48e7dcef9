package paperbake.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized arXiv identifier without version: new style {@code 2310.17940} or old style
 * {@code hep-th/9901001}. It doubles as the paper's path below {@code papers/}, so only
 * characters that are safe in a URL path segment are ever accepted.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

    /** Either style, unanchored: shared with the parser, which finds ids inside old-style title tails. */
    public static final String PATTERN = "(?:\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})";
    private static final Pattern ID = Pattern.compile(PATTERN);

    public ArxivId {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("not an arXiv id: " + value);
        }
    }

    /** A reference as written in a digest: the id plus the version the link named, 0 when none. */
    public record Ref(ArxivId id, int version) {}

    /*
     * Scheme and host are case-insensitive (RFC 3986), so HTTPS://ARXIV.ORG is arXiv; the default
     * ports may be spelled out; /html/ is arXiv's HTML rendering of the same paper. The host must
     * end right there ("/" or a port): arxiv.org.evil.example and arxiv.org@evil.example are
     * other hosts. Versions are bounded only so the number always fits an int.
     */
    private static final Pattern IN_URL = Pattern.compile(
            "^(?i:https?)://(?:(?i:www|export|rss)\\.)?(?i:arxiv\\.org)(?::(?:443|80))?/(?:abs|pdf|html)/"
                    + "(" + PATTERN + ")"
                    + "(?:v(\\d{1,6}))?(?:\\.pdf)?/?(?:[?#].*)?$");

    /** Parses an abs, pdf or rss link to arXiv; empty when the URL is not one. */
    public static Optional<Ref> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = IN_URL.matcher(url.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new Ref(new ArxivId(m.group(1)), version));
    }

    /**
     * The host of an absolute URL that is not on arxiv.org or a subdomain of it: lookalikes such
     * as {@code arxiv.org.evil.example}, {@code arxiv.org@evil.example} (the host is
     * {@code evil.example}) or punycode. Empty for arxiv.org and for text that is not a URL with a host.
     */
    public static Optional<String> foreignHost(String url) {
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
            if (host == null) {
                return Optional.empty();
            }
            String h = host.toLowerCase(Locale.ROOT);
            boolean arxiv = (h.equals("arxiv.org") || h.endsWith(".arxiv.org")) && uri.getRawUserInfo() == null;
            return arxiv ? Optional.empty() : Optional.of(host);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + value;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + value;
    }

    /** Old-style ids sort by archive name first; that keeps output order stable, which is all it is for. */
    @Override
    public int compareTo(ArxivId o) {
        return value.compareTo(o.value);
    }

    /*
     * What the record would generate, written out: its generated equals and hashCode run through
     * method handles that the C1-only JVM of the README's command does not inline, and an id is
     * the key of most of the build's maps (a fifth of related papers' lookups went to equals).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ArxivId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
