package paperbake.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The site's own words (not the digests'), in both UI languages. A page carries each label in the
 * site's language ({@code --lang}) only; theme.js holds this table too ({@code ThemeScriptTest}
 * keeps the two equal) and puts the other language in when the reader picks it, before the first
 * paint. So the switch works under the CSP, with no second copy of the site or of its labels, and
 * a page without scripts reads in the site's language.
 *
 * <p>A label may hold numbers or names as {@code {0}}, {@code {1}}; an English unit is "one|many".
 */
public final class Labels {

    /**
     * One label: its Chinese and English text.
     *
     * @param zhShared another label has the same Chinese text but other English ("频道": Channel, Channels); so
     *                 has {@code enShared} for English. Such a label names its key in a page, for theme.js.
     */
    public record Label(String zh, String en, boolean zhShared, boolean enShared) {

        public String in(String lang) {
            return lang.equals("en") ? en : zh;
        }

        /** Whether a page in {@code lang} must name this label's key: its text there does not say which label it is. */
        public boolean keyed(String lang) {
            return lang.equals("en") ? enShared : zhShared;
        }
    }

    public static final String DEFAULT = "zh";

    private static final Map<String, Label> ALL = labels();

    private static Map<String, Label> labels() {
        Map<String, Label> all = new LinkedHashMap<>();
        // Navigation and chrome
        put(all, "archive", "归档", "Archive");
        put(all, "channels", "频道", "Channels");
        put(all, "search", "搜索", "Search");
        put(all, "searchPapers", "搜索论文", "Search papers");
        put(all, "theme", "主题", "Theme");
        put(all, "themeSystem", "跟随系统", "System");
        put(all, "themeLight", "浅色", "Light");
        put(all, "themeDark", "深色", "Dark");
        put(all, "language", "语言", "Language");
        // On every page, so it is short (both languages, 26,470 pages on the shared corpus): the one fact a reader
        // must not miss. The site's name is the first link of every page's navigation.
        put(all, "footer", "摘要由机器撰写。", "Summaries are machine-written.");
        // The front page and listings
        put(all, "latestPapers", "最新论文", "Latest papers");
        put(all, "papersOf", "论文", "Papers");
        put(all, "calendarOfMonth", "本月日历", "calendar of the month");
        put(all, "channelsOfDay", "当日频道", "Channels of the day");
        put(all, "allPapersOf", "全部论文：", "All papers of ");
        put(all, "theDigest", "摘要页：", "The digest: ");
        put(all, "newer", "较新", "Newer");
        put(all, "older", "较早", "Older");
        put(all, "otherDays", "其他日期", "Other days");
        put(all, "papersPerDay", "每日论文数", "Papers per day");
        put(all, "mon", "一", "Mon");
        put(all, "tue", "二", "Tue");
        put(all, "wed", "三", "Wed");
        put(all, "thu", "四", "Thu");
        put(all, "fri", "五", "Fri");
        put(all, "sat", "六", "Sat");
        put(all, "sun", "日", "Sun");
        put(all, "undatedDigests", "未注明日期的摘要", "Undated digests");
        put(all, "digestsOfMonth", "{0} 的摘要", "Digests of {0}");
        put(all, "channelNamed", "频道 {0}", "Channel {0}");
        put(all, "noDigests", "这个归档还没有摘要。把摘要文件放进 content/ 后重新构建。",
                "This archive has no digests yet. Put digest files in content/ and build again.");
        put(all, "noChannels", "这个归档的摘要都在同一个文件夹里，没有频道。",
                "All digests of this archive are in one folder, without channels.");
        // Digest and paper pages
        put(all, "undatedDigest", "未注明日期的摘要", "Undated digest");
        put(all, "digestNamed", "摘要 {0}", "Digest {0}");
        put(all, "undatedNamed", "未注明日期（{0}）", "undated ({0})");
        put(all, "noPapers", "这份摘要没有列出论文。", "This digest lists no papers.");
        put(all, "noArxivLink", "没有 arXiv 链接", "No arXiv link");
        put(all, "source", "来源", "source");
        put(all, "neighbours", "相邻的摘要", "Neighbouring digests");
        put(all, "abstractLink", "摘要页", "abstract");
        put(all, "appearedIn", "收录于", "Appeared in");
        put(all, "relatedPapers", "相关论文", "Related papers");
        // arXiv's announcement types, beside each listing of a paper
        put(all, "announceNew", "新提交", "new");
        put(all, "announceCross", "交叉列表", "cross-list");
        put(all, "announceReplace", "修订版", "revised");
        put(all, "announceReplaceCross", "修订版（交叉列表）", "revised, cross-list");
        put(all, "takenFrom", "字段取自：", "Taken from:");
        put(all, "lineN", "第 {0} 行", "line {0}");
        // A paper's fields, where the page says which listing gave which
        put(all, "fieldTitleZh", "中文标题", "Chinese title");
        put(all, "fieldTitleEn", "英文标题", "title");
        put(all, "fieldTldrZh", "TL;DR", "TL;DR");
        put(all, "fieldTldrEn", "英文 TL;DR", "English TL;DR");
        put(all, "fieldAbstractZh", "中文摘要", "Chinese abstract");
        put(all, "fieldAbstractEn", "英文摘要", "abstract");
        put(all, "fieldCategory", "分类", "category");
        put(all, "abstract", "摘要", "Abstract");
        put(all, "truncated", "摘要在原文中被截断。", "Truncated in the digest.");
        put(all, "fullAbstractOn", "完整摘要见 arXiv", "The full abstract is on arXiv");
        put(all, "searchHeading", "搜索论文", "Search");
        put(all, "searchLabel", "用中文或英文搜索论文", "Search papers in Chinese or English");
        put(all, "channel", "频道", "Channel");
        put(all, "topic", "话题", "Topic");
        put(all, "all", "全部", "All");
        put(all, "from", "起", "From");
        put(all, "to", "止", "To");
        put(all, "sort", "排序", "Sort");
        put(all, "relevance", "相关度", "Relevance");
        put(all, "newest", "最新", "Newest");
        put(all, "moreResults", "更多结果", "More results");
        put(all, "searchResults", "搜索结果", "Search results");
        put(all, "needsScript", "搜索需要 JavaScript。每篇论文也列在它的摘要页和归档中。",
                "Search needs JavaScript. Every paper is also listed on its digest pages and in the archive.");
        put(all, "notFound", "页面不存在", "Not found");
        put(all, "notFoundText", "这个地址没有页面。看看最新论文、归档或搜索：", "There is no page at this address. Try the latest papers, the archive or search:");
        // Topic pages
        put(all, "topics", "话题", "Topics");
        put(all, "topicNamed", "话题：{0}", "Topic: {0}");
        // Atom feeds' titles: the site's name, then what the feed lists
        put(all, "feedLatest", "{0}：最新论文", "{0}: latest papers");
        put(all, "feedChannel", "{0}：频道 {1}", "{0}: channel {1}");
        put(all, "feedTopic", "{0}：{1}", "{0}: {1}");
        put(all, "searchInTopic", "在这个话题中搜索", "Search within this topic");
        put(all, "atomFeed", "Atom 订阅", "Atom feed");
        put(all, "papersPerMonth", "每月论文数", "Papers per month");
        put(all, "trendNone", "每月论文数：没有注明日期的论文", "Papers per month: none dated");
        put(all, "trendSpan", "{0} 至 {1} 每月论文数：共 {2} 篇，最多（{3} 篇）在 {4}",
                "Papers per month from {0} to {1}: {2} in all, most ({3}) in {4}");
        put(all, "trendUndated", "；{0} 篇未注明日期", "; {0} undated");
        put(all, "month", "月份", "Month");
        put(all, "paperCount", "论文数", "Papers");
        put(all, "undated", "未注明日期", "undated");
        put(all, "noTopicPapers", "还没有论文属于这个话题。", "No paper matches this topic yet.");
        put(all, "pages", "分页", "Pages");
        put(all, "pageOf", "第 {0} 页，共 {1} 页", "Page {0} of {1}");
        // Count units: Chinese has one form, English a singular and a plural (en is "one|many").
        put(all, "unitPaper", "篇论文", "paper|papers");
        put(all, "unitDigest", "份摘要", "digest|digests");
        put(all, "unitEntry", "条", "entry|entries");
        put(all, "unitChannel", "个频道", "channel|channels");
        Map<String, Label> marked = new LinkedHashMap<>();
        all.forEach((key, l) -> marked.put(key, new Label(l.zh(), l.en(),
                all.values().stream().anyMatch(o -> o.zh().equals(l.zh()) && !o.en().equals(l.en())),
                all.values().stream().anyMatch(o -> o.en().equals(l.en()) && !o.zh().equals(l.zh())))));
        return java.util.Collections.unmodifiableMap(marked);
    }

    private static void put(Map<String, Label> all, String key, String zh, String en) {
        all.put(key, new Label(zh, en, false, false));
    }

    private Labels() {}

    /** Every label by key, for templates ({@code ui.archive.zh}). */
    public static Map<String, Label> all() {
        return ALL;
    }

    /**
     * A label in {@code lang}, its {@code {0}}, {@code {1}}... replaced by {@code args}, in one pass
     * over the label: an argument is inserted as it is, so a name holding "{1}" stays that name.
     */
    public static String say(String key, String lang, Object... args) {
        String text = ALL.get(key).in(lang);
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int arg = c == '{' && i + 2 < text.length() && text.charAt(i + 2) == '}' ? Character.digit(text.charAt(i + 1), 10) : -1;
            if (arg >= 0 && arg < args.length) {
                out.append(args[arg]);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code zh} or {@code en}, whatever the case; anything else is refused. */
    public static String language(String value) {
        String lang = value == null ? DEFAULT : value.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new IllegalArgumentException("the site language is zh or en, not '" + value + "'");
        }
        return lang;
    }

    /** The other UI language. */
    public static String other(String lang) {
        return lang.equals("en") ? "zh" : "en";
    }

    /** The BCP 47 tag for {@code <html lang>}. */
    public static String htmlLang(String lang) {
        return lang.equals("en") ? "en" : "zh-Hans";
    }
}
