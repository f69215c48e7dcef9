package paperbake.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized arXiv identifier without version: new style {@code 2310.17940} or old style
 * {@code hep-th/9901001}. It doubles as the paper's path below {@code papers/}, so only
 * characters that are safe in a URL path segment are ever accepted.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

    private static final Pattern NEW_STYLE = Pattern.compile("\\d{4}\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7}");

    public ArxivId {
        if (value == null || !(NEW_STYLE.matcher(value).matches() || OLD_STYLE.matcher(value).matches())) {
            throw new IllegalArgumentException("not an arXiv id: " + value);
        }
    }

    /** A reference as written in a digest: the id plus the version the link named, 0 when none. */
    public record Ref(ArxivId id, int version) {}

    private static final Pattern IN_URL = Pattern.compile(
            "^https?://(?:www\\.|export\\.|rss\\.)?arxiv\\.org/(?:abs|pdf)/"
                    + "((?:\\d{4}\\.\\d{4,5})|(?:[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7}))"
                    + "(?:v(\\d{1,3}))?(?:\\.pdf)?/?(?:[?#].*)?$");

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

    @Override
    public String toString() {
        return value;
    }
}
