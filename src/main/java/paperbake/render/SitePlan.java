package paperbake.render;

import java.time.LocalDate;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import paperbake.index.Related;
import paperbake.index.Topics;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;
import paperbake.model.FieldSource;
import paperbake.model.Paper;
import paperbake.render.Views.AppearanceLink;
import paperbake.render.Views.DigestLink;

/**
 * Decides which pages the site has and what each shows, straight from the in-memory archive.
 * The renderer collects the pages into a list before rendering them in parallel: a list splits
 * evenly across threads, where this stream (flatMap'd, of unknown size) may not: consumed lazily,
 * the render stage of cs.CL took about twice as long (16–22 s against 9–11 s, interleaved runs).
 */
public final class SitePlan {

    /**
     * Papers per channel on a day page; the digest has all of them. It keeps the home page light
     * (the budget is 60 KB gzipped with CSS and JS) on a day when five channels list 100 each. For
     * the same reason day pages show TeX in titles as written: Temml alone is 50 KB gzipped.
     */
    static final int PAPERS_PER_CHANNEL_DAY = 8;
    /** The sitemap protocol's limit of URLs per file. */
    static final int SITEMAP_URLS = 50_000;
    static final int DESCRIPTION_CHARS = 160;
    static final String PAPER_TEMPLATE = "paper.ftl";
    static final String DIGEST_TEMPLATE = "digest.ftl";

    private final Archive archive;
    private final SiteLinks links;
    private final String absoluteBase;
    /** The UI language of titles, headings and descriptions made here (a heading a page shows is a {@code Views.Title}). */
    private final String lang;
    private final JsonLd jsonLd = new JsonLd();
    private final Map<DigestId, DigestLink> digestLinks = new HashMap<>();
    private final Map<DigestId, Digest> digestsById = new HashMap<>();
    /** The archive's papers by id, hashed: every paper page looks up its related papers (the archive's sorted map compared strings, 9% of render). */
    private final Map<ArxivId, Paper> papersById;
    /** Dated digests by day, newest day first. */
    private final TreeMap<LocalDate, List<Digest>> days = new TreeMap<>(Comparator.reverseOrder());
    private final Derived derived;
    private final FeedPlan feeds;
    private final TopicPlan topics;

    /**
     * What the index stage derived for the pages, and the feed settings: plain records, so that
     * rendering never queries Lucene.
     */
    public record Derived(Topics topics, Related related, FeedSettings feeds, String siteName) {
        public static final Derived NONE = new Derived(Topics.NONE, Related.NONE, FeedSettings.NONE, "");
    }

    public SitePlan(Archive archive, SiteLinks links) {
        this(archive, links, Derived.NONE);
    }

    public SitePlan(Archive archive, SiteLinks links, Derived derived) {
        this(archive, links, derived, "", Labels.DEFAULT);
    }

    /**
     * @param absoluteBase from {@link SiteLinks#absoluteBase}; empty skips the sitemap and robots.txt
     * @param lang         {@code zh} or {@code en}
     */
    public SitePlan(Archive archive, SiteLinks links, Derived derived, String absoluteBase, String lang) {
        this.archive = archive;
        this.links = links;
        this.derived = derived;
        this.absoluteBase = absoluteBase;
        this.lang = lang;
        this.papersById = new HashMap<>(archive.papers());
        for (Digest d : archive.digests()) {
            digestsById.put(d.id(), d);
            digestLinks.put(d.id(), digestLink(d));
            if (d.dated()) {
                days.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
            }
        }
        List<YearMonth> dated = archive.digests().stream().filter(Digest::dated).map(d -> YearMonth.from(d.date()))
                .sorted().toList();
        TrendChart chart = new TrendChart(dated.isEmpty() ? null : dated.get(0),
                dated.isEmpty() ? null : dated.get(dated.size() - 1), lang);
        this.feeds = new FeedPlan(archive, links, derived.feeds(), derived.siteName(), lang);
        this.topics = new TopicPlan(archive, derived.topics(), links, chart, feeds, lang);
    }

    /** Every page of the site; navigation pages first, then digests, then papers, then the sitemap files. */
    public Stream<Page> pages() {
        return planned().stream().map(p -> p.page().get());
    }

    /**
     * {@link #pages()} before the digest and paper pages' views are made: each of those pages
     * names what its view is made from ({@link PlannedPage.Inputs}), so a rebuild makes the views
     * only of the pages it renders. The inputs must cover everything {@link #digestPage} and
     * {@link #paperPage} read; {@code SitePlanTest} checks that a change of each is seen.
     */
    public List<PlannedPage> planned() {
        List<Page> fixed = new ArrayList<>();
        fixed.addAll(dayPages());
        fixed.add(archiveIndex());
        fixed.addAll(monthPages());
        fixed.add(channelIndex());
        fixed.addAll(channelPages());
        fixed.add(Page.at("search/", "search.ftl", Views.Title.worded("search", lang), "")
                .describedAs(text("用中文或英文搜索归档中的论文。", "Search the archive's papers in Chinese or English.")));
        Views.Title notFound = Views.Title.worded("notFound", lang);
        fixed.add(new Page("404.html", "404.ftl", notFound.text(), "", Page.Format.HTML, null, "", notFound.alt())
                .describedAs(text("这个地址没有页面。", "There is no page at this address.")));
        fixed.addAll(topics.pages());
        fixed.addAll(feeds.pages(derived.topics()));
        List<PlannedPage> all = new ArrayList<>();
        fixed.forEach(p -> all.add(PlannedPage.of(p)));
        digestPages().forEach(all::add);
        archive.papers().values().forEach(p -> all.add(plannedPaper(p)));
        crawlerFiles(all).forEach(p -> all.add(PlannedPage.of(p)));
        return all;
    }

    // ---- the front page: one day of papers across channels, paged by day

    private List<Page> dayPages() {
        if (days.isEmpty()) {
            Views.Title title = Views.Title.worded("latestPapers", lang);
            return List.of(Page.at("", "index.ftl", title,
                    new Views.DayPage("", List.of(), 0, "", "", "", "", "")));
        }
        List<LocalDate> dates = new ArrayList<>(days.keySet());
        List<Page> result = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            LocalDate newer = i > 0 ? dates.get(i - 1) : null;
            LocalDate older = i + 1 < dates.size() ? dates.get(i + 1) : null;
            List<Views.ChannelDay> channels = days.get(date).stream().map(this::channelDay).toList();
            int papers = channels.stream().mapToInt(Views.ChannelDay::total).sum();
            Views.Title heading = Views.Title.worded(i == 0 ? "latestPapers" : "papersOf", lang).then(date.toString());
            Views.DayPage view = new Views.DayPage(date.toString(), channels, papers,
                    newer == null ? "" : dayUrl(newer), newer == null ? "" : newer.toString(),
                    older == null ? "" : dayUrl(older), older == null ? "" : older.toString(),
                    links.month(YearMonth.from(date)));
            String description = text(date + " 的 " + papers + " 篇论文：", papers + (papers == 1 ? " paper" : " papers") + " on " + date + ": ")
                    + firstTitles(days.get(date));
            result.add(Page.at(i == 0 ? "" : SiteLinks.dayPath(date), "index.ftl", heading, view)
                    .describedAs(clip(description)).withFeed(feeds.siteFeed()));
        }
        return result;
    }

    /** The latest day is the home page itself, so that it has one URL. */
    private String dayUrl(LocalDate date) {
        return date.equals(days.firstKey()) ? links.home() : links.day(date);
    }

    private Views.ChannelDay channelDay(Digest d) {
        DigestLink link = digestLinks.get(d.id());
        List<Views.EntryLink> first = d.entries().stream().limit(PAPERS_PER_CHANNEL_DAY).map(this::entryLink).toList();
        String anchor = "ch-" + (d.channel().isEmpty() ? d.id().name() : d.channel());
        return new Views.ChannelDay(d.channel(), anchor, link.url(), link.title(), first, d.entries().size());
    }

    // ---- archive and channels

    private Map<YearMonth, List<Digest>> byMonth() {
        Map<YearMonth, List<Digest>> months = new TreeMap<>(Comparator.reverseOrder());
        for (Digest d : archive.digests()) {
            if (d.dated()) {
                months.computeIfAbsent(YearMonth.from(d.date()), m -> new ArrayList<>()).add(d);
            }
        }
        return months;
    }

    private Page archiveIndex() {
        Map<String, List<Views.Month>> years = new LinkedHashMap<>();
        byMonth().forEach((month, digests) -> years.computeIfAbsent(String.valueOf(month.getYear()), y -> new ArrayList<>())
                .add(new Views.Month(month.toString(), links.month(month), digests.size(),
                        digests.stream().mapToInt(d -> d.entries().size()).sum())));
        List<Views.Year> yearViews = years.entrySet().stream().map(e -> new Views.Year(e.getKey(), e.getValue())).toList();
        List<Digest> undated = undated();
        return Page.at("archive/", "archive.ftl", Views.Title.worded("archive", lang),
                new Views.ArchiveIndex(yearViews, undated.size(), undated.isEmpty() ? "" : links.undated()))
                .describedAs(text("按月份列出归档中的每一份摘要。", "Every digest of the archive, by month."));
    }

    private List<Digest> undated() {
        return archive.digests().stream().filter(d -> !d.dated()).toList();
    }

    private List<Page> monthPages() {
        List<Page> result = new ArrayList<>();
        byMonth().forEach((month, digests) -> {
            Views.Title title = Views.Title.worded("digestsOfMonth", lang, month);
            int papers = digests.stream().mapToInt(d -> d.entries().size()).sum();
            result.add(Page.at(SiteLinks.monthPath(month), "listing.ftl", title,
                    new Views.Listing(title, links(digests), calendar(month)))
                    .describedAs(text(month + " 共 " + digests.size() + " 份摘要、" + papers + " 条论文。",
                            digests.size() + " digests and " + papers + " entries in " + month + ".")));
        });
        List<Digest> undated = undated();
        if (!undated.isEmpty()) {
            Views.Title title = Views.Title.worded("undatedDigests", lang);
            result.add(Page.at(SiteLinks.UNDATED_PATH, "listing.ftl", title,
                    new Views.Listing(title, links(undated))).describedAs(title.text()));
        }
        return result;
    }

    /** The month as weeks of seven cells, Monday first, each day linking to its papers when it has any. */
    private List<List<Views.CalendarDay>> calendar(YearMonth month) {
        List<Views.CalendarDay> cells = new ArrayList<>();
        Views.CalendarDay blank = new Views.CalendarDay(0, "", "", 0);
        int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) {
            cells.add(blank);
        }
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            List<Digest> listed = days.getOrDefault(date, List.of());
            int papers = listed.stream().mapToInt(d -> d.entries().size()).sum();
            cells.add(new Views.CalendarDay(day, date.toString(), listed.isEmpty() ? "" : dayUrl(date), papers));
        }
        while (cells.size() % 7 != 0) {
            cells.add(blank);
        }
        return IntStream.range(0, cells.size() / 7).mapToObj(w -> List.copyOf(cells.subList(w * 7, w * 7 + 7))).toList();
    }

    private Map<String, List<Digest>> byChannel() {
        Map<String, List<Digest>> channels = new TreeMap<>();
        for (Digest d : archive.digests()) {
            if (!d.channel().isEmpty()) {
                channels.computeIfAbsent(d.channel(), c -> new ArrayList<>()).add(d);
            }
        }
        return channels;
    }

    private Page channelIndex() {
        List<Views.Channel> channels = new ArrayList<>();
        byChannel().forEach((name, digests) -> {
            List<Digest> dated = digests.stream().filter(Digest::dated).toList();
            channels.add(new Views.Channel(name, links.channel(name), digests.size(),
                    dated.isEmpty() ? "" : dated.get(dated.size() - 1).date().toString(),
                    dated.isEmpty() ? "" : dated.get(0).date().toString()));
        });
        return Page.at("channels/", "channels.ftl", Views.Title.worded("channels", lang), new Views.ChannelIndex(channels))
                .describedAs(clip(text("归档的频道：", "The archive's channels: ") + String.join(", ", byChannel().keySet())));
    }

    private List<Page> channelPages() {
        List<Page> result = new ArrayList<>();
        byChannel().forEach((name, digests) -> {
            Views.Title title = Views.Title.worded("channelNamed", lang, name);
            result.add(Page.at(SiteLinks.channelPath(name), "listing.ftl", title, new Views.Listing(title, links(digests)))
                    .describedAs(clip(text("频道 " + name + " 的全部 " + digests.size() + " 份摘要。",
                            "Every digest of the " + name + " channel: " + digests.size() + " digests.")))
                    .withFeed(feeds.channelFeed(name)));
        });
        return result;
    }

    // ---- digests and papers

    private Stream<PlannedPage> digestPages() {
        Map<String, List<Digest>> byChannel = new TreeMap<>();
        for (Digest d : archive.digests()) {
            byChannel.computeIfAbsent(d.channel(), c -> new ArrayList<>()).add(d);
        }
        // Each channel's list is newest first, so the digest after i is the older neighbour.
        return byChannel.values().stream().flatMap(siblings -> IntStream.range(0, siblings.size())
                .mapToObj(i -> plannedDigest(siblings.get(i),
                        i + 1 < siblings.size() ? siblings.get(i + 1) : null,
                        i > 0 ? siblings.get(i - 1) : null)));
    }

    /** A digest page shows its digest's entries and links its neighbours: nothing else. */
    private PlannedPage plannedDigest(Digest d, Digest older, Digest newer) {
        return new PlannedPage(d.id().path() + "index.html", DIGEST_TEMPLATE, Page.Format.HTML,
                new PlannedPage.Inputs(Arrays.asList(d, older, newer), List.of()), () -> digestPage(d, older, newer));
    }

    /**
     * A paper page is made from the paper (a function of the digests listing it, in the
     * archive's order: its appearances), the digests' titles and links (the same digests), its
     * topics and its related papers' links (each a function of that paper's listings in turn).
     * The digests stand for their text, so no text is digested here.
     */
    private PlannedPage plannedPaper(Paper p) {
        List<Digest> digests = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<String> related = new ArrayList<>();
        addListings(p, digests, counts);
        for (ArxivId r : derived.related().of(p.id())) {
            related.add(r.value());
            addListings(papersById.get(r), digests, counts);
        }
        return new PlannedPage(SiteLinks.paperPath(p.id()) + "index.html", PAPER_TEMPLATE, Page.Format.HTML,
                new PlannedPage.Inputs(digests, List.of(topics.of(p.id()), related, counts)), () -> paperPage(p));
    }

    private void addListings(Paper p, List<Digest> digests, List<Integer> counts) {
        p.appearances().forEach(a -> digests.add(digestsById.get(a.digest())));
        counts.add(p.appearances().size());
    }

    private List<Views.EntryLink> related(ArxivId id) {
        return derived.related().of(id).stream().map(r -> relatedLink(id, r)).toList();
    }

    private Page digestPage(Digest d, Digest older, Digest newer) {
        List<Views.EntryLink> entries = d.entries().stream().map(this::entryLink).toList();
        List<Views.Unlinked> others = d.others().stream()
                .map(o -> {
                    String link = SafeUrls.arxivOrEmpty(o.url());
                    return new Views.Unlinked(o.titleZh(), o.titleEn(), o.tldrZh(), link, link.isEmpty() ? o.url() : "");
                })
                .toList();
        DigestLink self = digestLinks.get(d.id());
        boolean math = entries.stream().anyMatch(e -> TexMath.present(e.titleZh(), e.titleEn(), e.tldrZh(), e.tldrEn()))
                || others.stream().anyMatch(o -> TexMath.present(o.titleZh(), o.titleEn(), o.tldrZh()));
        return Page.at(d.id().path(), DIGEST_TEMPLATE, digestTitle(d),
                new Views.DigestPage(self, entries, others,
                        older == null ? null : digestLinks.get(older.id()),
                        newer == null ? null : digestLinks.get(newer.id()), math))
                .describedAs(clip(firstTitles(List.of(d))));
    }

    private Views.EntryLink entryLink(Entry e) {
        return new Views.EntryLink(e.id().value(), links.paper(e.id()), e.titleZh(), e.titleEn(), e.tldrZh(), e.tldrEn());
    }

    private Page paperPage(Paper p) {
        List<AppearanceLink> appearances = p.appearances().stream().map(this::appearanceLink).toList();
        ArxivId id = p.id();
        String title = p.titleEn().isEmpty() ? (p.titleZh().isEmpty() ? id.value() : p.titleZh()) : p.titleEn();
        String url = absoluteBase.isEmpty() ? links.paper(id) : absoluteBase + SiteLinks.paperPath(id);
        String description = firstNonEmpty(p.tldrZh(), p.tldrEn(), p.abstractEn(), p.abstractZh(), title);
        return Page.at(SiteLinks.paperPath(id), PAPER_TEMPLATE, title,
                new Views.PaperPage(id.value(), p.titleZh(), p.titleEn(), p.tldrZh(), p.tldrEn(),
                        p.abstractZh(), p.abstractEn(), p.abstractZhTruncated(), p.abstractEnTruncated(),
                        p.category(), p.version(), id.absUrl(), id.pdfUrl(), appearances, sourceLinks(p),
                        topics.of(id), related(id),
                        jsonLd.scholarlyArticle(p, url),
                        TexMath.present(p.titleZh(), p.titleEn(), p.tldrZh(), p.tldrEn(), p.abstractZh(), p.abstractEn())))
                .describedAs(clip(description));
    }

    private Views.EntryLink relatedLink(ArxivId from, ArxivId id) {
        Paper r = papersById.get(id);
        return new Views.EntryLink(id.value(), SiteLinks.paperFromPaper(from, id), r.titleZh(), r.titleEn(), r.tldrZh(), r.tldrEn());
    }

    /** The label of each field a paper's sources name. */
    private static final Map<String, String> FIELD_LABELS = Map.of(
            "titleZh", "fieldTitleZh", "titleEn", "fieldTitleEn", "tldrZh", "fieldTldrZh", "tldrEn", "fieldTldrEn",
            "abstractZh", "fieldAbstractZh", "abstractEn", "fieldAbstractEn", "category", "fieldCategory");

    /** The paper's field sources grouped by listing, in the order the fields are named. */
    private List<Views.SourceLink> sourceLinks(Paper p) {
        record Listing(DigestId digest, int line) {}
        Map<Listing, List<Views.Title>> byListing = new LinkedHashMap<>();
        for (FieldSource f : p.sources()) {
            String label = FIELD_LABELS.get(f.field());
            byListing.computeIfAbsent(new Listing(f.digest(), f.line()), k -> new ArrayList<>())
                    .add(label == null ? Views.Title.of(f.field()) : Views.Title.worded(label, lang));
        }
        List<Views.SourceLink> out = new ArrayList<>();
        byListing.forEach((l, fields) -> out.add(new Views.SourceLink(fields, links.digest(l.digest()),
                digestTitle(digestsById.get(l.digest())), l.line())));
        return out;
    }

    private AppearanceLink appearanceLink(Appearance a) {
        Digest d = digestsById.get(a.digest());
        return new AppearanceLink(links.digest(a.digest()), dateText(a.date(), d), a.digest().channel(), a.announceType(),
                announceKey(a.announceType()));
    }

    /** arXiv's announcement types (as the parser normalizes them) are labels; any other word is the listing's own. */
    static String announceKey(String type) {
        return switch (type) {
            case "new" -> "announceNew";
            case "cross" -> "announceCross";
            case "replace" -> "announceReplace";
            case "replace-cross" -> "announceReplaceCross";
            default -> "";
        };
    }

    // ---- for crawlers: sitemap files and robots.txt, which need the site's absolute URL

    private List<Page> crawlerFiles(List<PlannedPage> pages) {
        if (absoluteBase.isEmpty()) {
            return List.of();
        }
        List<String> urls = pages.stream().filter(p -> p.format() == Page.Format.HTML && !p.path().equals("404.html"))
                .map(p -> absoluteBase + Page.urlPath(p.path())).toList();
        List<Page> files = new ArrayList<>(sitemaps(urls, absoluteBase, SITEMAP_URLS));
        files.add(new Page("robots.txt", "robots.ftl", "robots.txt",
                new Views.Robots(absoluteBase + "sitemap.xml"), Page.Format.TEXT, null));
        return files;
    }

    /**
     * A sitemap index at {@code sitemap.xml} and files of at most {@code perFile} URLs under
     * {@code sitemaps/}: the full history has more pages than one sitemap file may list.
     */
    static List<Page> sitemaps(List<String> urls, String absoluteBase, int perFile) {
        List<Page> result = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int start = 0, n = 1; start < urls.size(); start += perFile, n++) {
            String path = "sitemaps/" + n + ".xml";
            files.add(absoluteBase + path);
            result.add(new Page(path, "sitemap.ftl", path,
                    new Views.Sitemap(urls.subList(start, Math.min(urls.size(), start + perFile)), List.of()),
                    Page.Format.XML, null));
        }
        result.add(0, new Page("sitemap.xml", "sitemap.ftl", "sitemap.xml", new Views.Sitemap(List.of(), files),
                Page.Format.XML, null));
        return result;
    }

    // ---- text

    private String text(String zh, String en) {
        return lang.equals("en") ? en : zh;
    }

    private List<DigestLink> links(List<Digest> digests) {
        return digests.stream().map(d -> digestLinks.get(d.id())).toList();
    }

    private DigestLink digestLink(Digest d) {
        String channel = d.channel();
        return new DigestLink(links.digest(d.id()), d.dated() ? d.date().toString() : "", channel,
                channel.isEmpty() ? "" : links.channel(channel), digestTitle(d), d.entries().size() + d.others().size());
    }

    private static String firstTitles(List<Digest> digests) {
        return digests.stream().flatMap(d -> d.entries().stream()).limit(4)
                .map(e -> firstNonEmpty(e.titleZh(), e.titleEn())).filter(t -> !t.isEmpty())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String firstNonEmpty(String... texts) {
        for (String t : texts) {
            if (!t.isBlank()) {
                return t;
            }
        }
        return "";
    }

    /** One line of at most {@link #DESCRIPTION_CHARS} code points, as search engines show it. */
    static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= DESCRIPTION_CHARS) {
            return line;
        }
        int end = line.offsetByCodePoints(0, DESCRIPTION_CHARS - 1);
        return line.substring(0, end).strip() + "…";
    }

    private Views.Title dateText(LocalDate date, Digest d) {
        return date != null ? Views.Title.of(date.toString()) : Views.Title.worded("undatedNamed", lang, d.id().name());
    }

    private Views.Title digestTitle(Digest d) {
        if (!d.title().isEmpty()) {
            return Views.Title.of(d.title());
        }
        String when = d.dated() ? d.date().toString() : d.id().name();
        return d.channel().isEmpty() ? Views.Title.worded("digestNamed", lang, when) : Views.Title.of(d.channel() + " · " + when);
    }
}
