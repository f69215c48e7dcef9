package paperbake.render;

import java.time.YearMonth;
import paperbake.model.ArxivId;
import paperbake.model.DigestId;

/**
 * Every internal URL of the site, in one place, so that {@code --base-url} holds everywhere.
 * Links are absolute paths under the base path (GitHub project sites live under {@code /<repo>/}).
 *
 * @param basePath always starts and ends with {@code /}
 */
public record SiteLinks(String basePath) {

    public SiteLinks {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with '/': " + basePath);
        }
    }

    /** Accepts a full URL ({@code https://me.github.io/repo}) or a path ({@code /repo}); keeps the path. */
    public static SiteLinks forBaseUrl(String baseUrl) {
        String path = baseUrl == null ? "" : baseUrl.strip();
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return new SiteLinks(path.replaceAll("/{2,}", "/"));
    }

    /**
     * The base URL as an absolute {@code http(s)://host/path/}, or empty when {@code --base-url} is
     * only a path: canonical links, the sitemap and robots.txt need the host, and guessing one would
     * point search engines at the wrong site.
     */
    public static String absoluteBase(String baseUrl) {
        if (baseUrl == null) {
            return "";
        }
        try {
            java.net.URI uri = new java.net.URI(baseUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "";
            }
            return scheme + "://" + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT)
                    + forBaseUrl(baseUrl).basePath();
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }

    public String home() {
        return basePath;
    }

    /** Page N (from 2) of a paged listing, relative to the listing's folder (a topic's). */
    public static String homePagePath(int page) {
        return "page/" + page + "/";
    }

    /** A day's papers across channels; the latest day is the home page itself. */
    public String day(java.time.LocalDate date) {
        return basePath + dayPath(date);
    }

    public static String dayPath(java.time.LocalDate date) {
        return "days/" + date + "/";
    }

    public String paper(ArxivId id) {
        return basePath + paperPath(id);
    }

    /**
     * A paper's page as linked from another paper's page: relative, which is shorter than the base path for any
     * base (22,441 pages of up to 5 related links each). An old-style id ({@code hep-th/9901001}) is a folder
     * deeper, so the way up is one {@code ../} per segment of the linking page's id.
     */
    public static String paperFromPaper(ArxivId from, ArxivId to) {
        return "../".repeat(from.value().split("/", -1).length) + to.value() + "/";
    }

    public static String paperPath(ArxivId id) {
        return "papers/" + id.value() + "/";
    }

    public String digest(DigestId id) {
        return basePath + id.path();
    }

    public String channel(String channel) {
        return basePath + channelPath(channel);
    }

    public static String channelPath(String channel) {
        return "channels/" + channel + "/";
    }

    public String channels() {
        return basePath + "channels/";
    }

    public String archive() {
        return basePath + "archive/";
    }

    public String month(YearMonth month) {
        return basePath + monthPath(month);
    }

    public static String monthPath(YearMonth month) {
        return "archive/" + month + "/";
    }

    public String undated() {
        return basePath + UNDATED_PATH;
    }

    public static final String UNDATED_PATH = "archive/undated/";

    public String search() {
        return basePath + "search/";
    }

    public String topics() {
        return basePath + TOPICS_PATH;
    }

    public static final String TOPICS_PATH = "topics/";

    public String topic(String slug) {
        return basePath + topicPath(slug);
    }

    /** Page 1 of a topic is the topic's own folder. */
    public static String topicPath(String slug) {
        return TOPICS_PATH + slug + "/";
    }

    public String topicPage(String slug, int page) {
        return page <= 1 ? topic(slug) : basePath + topicPath(slug) + homePagePath(page);
    }

    /** The search page within a topic. {@code slug} is URL-safe (checked when topics.yml is read). */
    public String searchInTopic(String slug) {
        return search() + "?topic=" + slug;
    }

    /** A page folder's Atom feed: {@code feed.xml} inside it ("" for the site's). */
    public static String feedPath(String dir) {
        return dir + "feed.xml";
    }

    public String asset(String path) {
        return basePath + path;
    }
}
