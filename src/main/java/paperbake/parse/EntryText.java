package paperbake.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the conventions inside one field's text: the old-style title tail, the announce prefixes
 * of abstracts, and the signs of truncation. Every pattern is anchored and bounded, so a 2 MB
 * paragraph costs one linear scan at most.
 */
final class EntryText {

    private EntryText() {}

    static final String ID = paperbake.model.ArxivId.PATTERN;

    /** What an old-style title tail says: {@code Title. (arXiv:2310.17940v1 [cs.CL] UPDATED)}. */
    record TitleTail(String title, String id, int version, String category, String announceType) {}

    /*
     * Seen in the corpus: "[cs.CL])", a copied "（翻译自arXiv:... UPDATED）", "[cs.CL] UPDATED)", "[cs.CL] CROSS LISTED)", translated
     * "[cs.CL] 更新)" / "[cs.CL]已更新)" / "更新版", no space before "[", a space after "arXiv:",
     * and full-width parentheses when the tail was copied into the Chinese title.
     */
    private static final Pattern TAIL = Pattern.compile(
            "[(（][^()（）\\s]{0,8}?arXiv[:：]\\s*(" + ID + ")(?:v(\\d{1,6}))?\\s*(?:\\[([^\\]\\s]{1,40})\\])?\\s*([^)）]{0,20})[)）]\\s*$");

    static Optional<TitleTail> titleTail(String line) {
        int at = line.lastIndexOf("arXiv");
        if (at < 0) {
            return Optional.empty();
        }
        // Anchor at the bracket that opens the tail: one bounded match, linear on any line length.
        int paren = Math.max(line.lastIndexOf('(', at), line.lastIndexOf('（', at));
        if (paren < 0 || at - paren > 10) {
            return Optional.empty();
        }
        Matcher m = TAIL.matcher(line);
        m.region(paren, line.length());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String title = line.substring(0, paren).strip();
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String cat = m.group(3) == null ? "" : m.group(3);
        if (!cat.matches("[a-z-]+(?:\\.[A-Za-z-]+)?")) {
            cat = "";
        }
        String flag = m.group(4).strip();
        String type;
        if (flag.isEmpty()) {
            type = "new";
        } else if (flag.contains("CROSS") || flag.contains("交叉")) {
            type = "cross";
        } else if (flag.contains("UPDATED") || flag.contains("更新")) {
            type = "replace";
        } else {
            type = "";
        }
        return Optional.of(new TitleTail(title, m.group(1), version, cat, type));
    }

    /**
     * Old-style digests always appended a "." to the title ("Title?." and "et al.." occur), so
     * exactly one trailing "." is removed from an old-style title and none from a new-style one;
     * a title's own final period survives as the remaining "." of "et al..".
     */
    static String dropOldStylePeriod(String title) {
        return title.endsWith(".") ? title.substring(0, title.length() - 1).stripTrailing() : title;
    }

    record Announce(String text, int version, String type) {}

    private static final Pattern EN_PREFIX = Pattern.compile(
            "^arXiv:\\s*" + ID + "(?:v(\\d{1,6}))?\\s+Announce Type:\\s*([a-z-]{2,20})\\s+Abstract:\\s*");

    /** Strips {@code arXiv:IDvN Announce Type: new  Abstract: }; the type is kept. */
    static Announce stripEnglishPrefix(String text) {
        if (!text.startsWith("arXiv:")) {
            return new Announce(text, 0, "");
        }
        Matcher m = EN_PREFIX.matcher(text);
        m.region(0, Math.min(text.length(), 120));
        m.useTransparentBounds(true);
        if (!m.lookingAt()) {
            return new Announce(text, 0, "");
        }
        int version = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return new Announce(text.substring(m.end()), version, m.group(2));
    }

    private static final String ABS = "[^\\s:：]{0,4}?(?:摘要|抽象|提要|文摘|Abstract)\\s*[:：]\\s*";
    /*
     * The translated prefix was worded freely: "公告类型：新 摘要：", "公告类型:交叉摘要:",
     * "发布类型: 新 ...", "公告类型：替换交叉。摘要：", "公告类型: 新 抽象: ", or no "摘要" at all.
     * Shape: arXiv:ID, then an optional "label: value" pair, then an optional "…摘要:" label.
     */
    private static final Pattern ZH_PREFIX = Pattern.compile(
            "^arXiv[:：]\\s*" + ID + "(?:v(\\d{1,6}))?\\s*"
                    + "(?:[^\\s:：]{1,8}[:：]\\s*(?:([^\\s:：。.]{1,10}?)(?:" + ABS + "|[。.]\\s*|\\s+))?)?"
                    + "(?:" + ABS + ")?");

    private static final Pattern ZH_LABEL = Pattern.compile("^(?:摘要|Abstract)\\s*[:：]\\s*");
    private static final Pattern ZH_TITLE_LABEL = Pattern.compile("^标题\\s*[:：]\\s*");

    /** Drops a translated "标题：" (Title:) label that some old digests put before the Chinese title. */
    static String dropTitleLabel(String titleZh) {
        Matcher m = ZH_TITLE_LABEL.matcher(titleZh);
        return m.lookingAt() ? titleZh.substring(m.end()) : titleZh;
    }

    /** Strips the translated announce prefix; the type is read from it when it can be mapped. */
    static Announce stripChinesePrefix(String raw) {
        // Some digests put a translated "Abstract:" label first, even before the arXiv prefix.
        Matcher label = ZH_LABEL.matcher(raw);
        String text = label.lookingAt() ? raw.substring(label.end()) : raw;
        if (!text.startsWith("arXiv")) {
            return new Announce(text, 0, "");
        }
        Matcher m = ZH_PREFIX.matcher(text);
        m.region(0, Math.min(text.length(), 120));
        m.useTransparentBounds(true);
        if (!m.lookingAt()) {
            return new Announce(text, 0, "");
        }
        int version = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        // The value is matched lazily ("交叉摘要:" gives "交"), so map the whole prefix instead.
        return new Announce(text.substring(m.end()), version, m.group(2) == null ? "" : chineseType(text.substring(0, m.end())));
    }

    static String chineseType(String value) {
        if (value == null) {
            return "";
        }
        boolean replace = value.contains("替换") || value.contains("替代") || value.contains("replace");
        boolean cross = value.contains("交叉") || value.contains("跨") || value.contains("cross");
        if (replace && cross) {
            return "replace-cross";
        }
        if (replace) {
            return "replace";
        }
        if (cross) {
            return "cross";
        }
        return value.contains("新") || value.contains("new") ? "new" : "";
    }

    record Truncation(String text, boolean truncated) {}

    private static final Pattern ZH_NOTE = Pattern.compile("[（(]([^（）()]{0,16})[）)]\\s*$");

    /**
     * A Chinese abstract counts as truncated when it ends with an ellipsis ("……", "…", "...") or
     * with a short parenthesised note mentioning 截断 (the note is removed, it is not the author's).
     */
    static Truncation chineseTruncation(String text) {
        int paren = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
        if (paren >= 0 && text.length() - paren <= 24) {
            Matcher m = ZH_NOTE.matcher(text);
            m.region(paren, text.length());
            if (m.find() && m.group(1).contains("截断") && !m.group(1).contains("未截断")) {
                return new Truncation(text.substring(0, m.start()).stripTrailing(), true);
            }
        }
        boolean ellipsis = text.endsWith("…") || text.endsWith("...");
        return new Truncation(text, ellipsis);
    }

    /**
     * The generator cut English abstracts at 1,000 characters, prefix included, often mid-word.
     * Rule: the paragraph as written (announce prefix included) is at least 990 characters long
     * and does not end with sentence-final punctuation or a closing bracket/quote. A complete
     * abstract that happens to be that long ends with "." in practice, so this rarely misfires.
     */
    static boolean englishTruncated(String raw) {
        String s = raw.strip();
        if (s.length() < 990) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return ".!?)]}\"'”’。".indexOf(last) < 0;
    }

    private static final Pattern MD_LINK = Pattern.compile("^\\[(.*)\\]\\(\\s*<?([^\\s)>]*)>?\\s*\\)\\s*$");
    private static final Pattern AUTOLINK = Pattern.compile("^<\\s*((?i:https?)://[^>\\s]+)\\s*>\\s*$");
    private static final Pattern BARE = Pattern.compile("^((?i:https?)://[^\\s<>()\\[\\]]+)");

    /** The link text and target when the whole text is one Markdown link, autolink or bare URL. */
    record Link(String text, String url) {}

    static Optional<Link> wholeLink(String s) {
        // Each form opens with '[', '<' or "http": nearly every text asked about (a title, an
        // abstract) is told apart by its first character, without a stripped copy and three matchers.
        int first = 0;
        while (first < s.length() && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        char c = first < s.length() ? s.charAt(first) : ' ';
        if (c != '[' && c != '<' && c != 'h' && c != 'H') {
            return Optional.empty();
        }
        String t = s.strip();
        Matcher m = MD_LINK.matcher(t);
        if (m.matches()) {
            return Optional.of(new Link(m.group(1), cleanUrl(m.group(2))));
        }
        m = AUTOLINK.matcher(t);
        if (m.matches()) {
            return Optional.of(new Link(m.group(1), cleanUrl(m.group(1))));
        }
        m = BARE.matcher(t);
        if (m.lookingAt() && t.length() - m.end() <= 3) {
            return Optional.of(new Link(m.group(1), cleanUrl(m.group(1))));
        }
        return Optional.empty();
    }

    /** Drops punctuation glued to a URL ("…/2401.00001。", "…/2401.00001,"), which is never part of an arXiv link. */
    static String cleanUrl(String url) {
        int end = url.length();
        while (end > 0 && "。，、；：！？）》」.,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        int cjk = 0;
        while (cjk < end && url.charAt(cjk) < 0x2E80) {
            cjk++;
        }
        return url.substring(0, cjk);
    }

    /** The first http(s) URL in a line of text, punctuation glued to it dropped; "" when there is none. */
    private static final Pattern ANY_URL = Pattern.compile("(?i:https?)://[^\\s<>()\\[\\]|]+");

    static String firstUrl(String s) {
        Matcher m = ANY_URL.matcher(s);
        return m.find() ? cleanUrl(m.group()) : "";
    }
}
