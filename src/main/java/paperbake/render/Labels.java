package paperbake.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The site's own words (not the digests'), in both UI languages. Every page carries both, each in
 * an element with its own {@code lang}; CSS shows the one {@code <html data-ui>} names, which is
 * the site's language ({@code --lang}) until the reader picks the other (theme.js, before the first
 * paint). So the switch works under the CSP, with no second copy of the site, and a page without
 * scripts reads in the site's language.
 */
public final class Labels {

    /** One label: its Chinese and English text. */
    public record Label(String zh, String en) {

        public String in(String lang) {
            return lang.equals("en") ? en : zh;
        }
    }

    public static final String DEFAULT = "zh";

    private static final Map<String, Label> ALL = new LinkedHashMap<>();

    static {
        // Navigation and chrome
        put("site", "网站", "Site");
        put("siteSearch", "站内搜索", "Site search");
        put("archive", "归档", "Archive");
        put("channels", "频道", "Channels");
        put("search", "搜索", "Search");
        put("searchPapers", "搜索论文", "Search papers");
        put("theme", "主题", "Theme");
        put("themeSystem", "跟随系统", "System");
        put("themeLight", "浅色", "Light");
        put("themeDark", "深色", "Dark");
        put("language", "语言", "Language");
        put("footer", "由 Paperbake 根据 arXiv 摘要生成。摘要由机器撰写，论文本身请看 arXiv 链接。",
                "Built with Paperbake from arXiv digests. Summaries are machine-written; follow the arXiv links for the papers themselves.");
        // The front page and listings
        put("latestPapers", "最新论文", "Latest papers");
        put("papersOf", "论文", "Papers of");
        put("calendarOfMonth", "本月日历", "calendar of the month");
        put("channelsOfDay", "当日频道", "Channels of the day");
        put("allPapersOf", "全部论文：", "All papers of ");
        put("theDigest", "摘要页：", "The digest: ");
        put("newer", "较新", "Newer");
        put("older", "较早", "Older");
        put("otherDays", "其他日期", "Other days");
        put("papersPerDay", "每日论文数", "Papers per day");
        put("undatedDigests", "未注明日期的摘要", "Undated digests");
        put("noDigests", "这个归档还没有摘要。把摘要文件放进 content/ 后重新构建。",
                "This archive has no digests yet. Put digest files in content/ and build again.");
        put("noChannels", "这个归档的摘要都在同一个文件夹里，没有频道。",
                "All digests of this archive are in one folder, without channels.");
        // Digest and paper pages
        put("undatedDigest", "未注明日期的摘要", "Undated digest");
        put("noPapers", "这份摘要没有列出论文。", "This digest lists no papers.");
        put("noArxivLink", "没有 arXiv 链接", "No arXiv link");
        put("source", "来源", "source");
        put("neighbours", "相邻的摘要", "Neighbouring digests");
        put("abstractLink", "摘要页", "abstract");
        put("appearedIn", "收录于", "Appeared in");
        put("takenFrom", "字段取自：", "Taken from:");
        put("abstract", "摘要", "Abstract");
        put("truncated", "摘要在原文中被截断。", "Truncated in the digest.");
        put("fullAbstractOn", "完整摘要见 arXiv", "The full abstract is on arXiv");
        put("searchHeading", "搜索论文", "Search");
        put("searchLabel", "用中文或英文搜索论文", "Search papers in Chinese or English");
        put("channel", "频道", "Channel");
        put("all", "全部", "All");
        put("from", "起", "From");
        put("to", "止", "To");
        put("sort", "排序", "Sort");
        put("relevance", "相关度", "Relevance");
        put("newest", "最新", "Newest");
        put("moreResults", "更多结果", "More results");
        put("searchResults", "搜索结果", "Search results");
        put("needsScript", "搜索需要 JavaScript。每篇论文也列在它的摘要页和归档中。",
                "Search needs JavaScript. Every paper is also listed on its digest pages and in the archive.");
        put("notFound", "页面不存在", "Not found");
        put("notFoundText", "这个地址没有页面。看看最新论文、归档或搜索：", "There is no page at this address. Try the latest papers, the archive or search:");
        // Count units: Chinese has one form, English a singular and a plural (en is "one|many").
        put("unitPaper", "篇论文", "paper|papers");
        put("unitDigest", "份摘要", "digest|digests");
        put("unitEntry", "条", "entry|entries");
        put("unitChannel", "个频道", "channel|channels");
    }

    private static void put(String key, String zh, String en) {
        ALL.put(key, new Label(zh, en));
    }

    private Labels() {}

    /** Every label by key, for templates ({@code ui.archive.zh}). */
    public static Map<String, Label> all() {
        return ALL;
    }

    /** {@code zh} or {@code en}, whatever the case; anything else is refused. */
    public static String language(String value) {
        String lang = value == null ? DEFAULT : value.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new IllegalArgumentException("the site language is zh or en, not '" + value + "'");
        }
        return lang;
    }

    /** The BCP 47 tag for {@code <html lang>}. */
    public static String htmlLang(String lang) {
        return lang.equals("en") ? "en" : "zh-Hans";
    }
}
