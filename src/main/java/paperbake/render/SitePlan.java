package paperbake.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    static final int DIGESTS_PER_PAGE = 30;

    private final Archive archive;
    private final SiteLinks links;
    private final Map<DigestId, DigestLink> digestLinks = new HashMap<>();
    private final Map<DigestId, Digest> digestsById = new HashMap<>();
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
        this.archive = archive;
        this.links = links;
        this.derived = derived;
        for (Digest d : archive.digests()) {
            digestsById.put(d.id(), d);
            digestLinks.put(d.id(), digestLink(d));
        }
        List<YearMonth> dated = archive.digests().stream().filter(Digest::dated).map(d -> YearMonth.from(d.date()))
                .sorted().toList();
        TrendChart chart = new TrendChart(dated.isEmpty() ? null : dated.get(0),
                dated.isEmpty() ? null : dated.get(dated.size() - 1));
        this.feeds = new FeedPlan(archive, links, derived.feeds(), derived.siteName());
        this.topics = new TopicPlan(archive, derived.topics(), links, chart, feeds);
    }

    /** Every page of the site; navigation pages first, then digests, then papers. */
    public Stream<Page> pages() {
        List<Page> fixed = new ArrayList<>();
        fixed.addAll(homePages());
        fixed.add(archiveIndex());
        fixed.addAll(monthPages());
        fixed.add(channelIndex());
        fixed.addAll(channelPages());
        fixed.add(Page.at("search/", "search.ftl", "Search", ""));
        fixed.add(new Page("404.html", "404.ftl", "Not found", ""));
        fixed.addAll(topics.pages());
        fixed.addAll(feeds.pages(derived.topics()));
        return Stream.of(fixed.stream(), digestPages(), archive.papers().values().stream().map(this::paperPage))
                .flatMap(s -> s);
    }

    private List<Page> homePages() {
        List<DigestLink> all = archive.digests().stream().map(d -> digestLinks.get(d.id())).toList();
        int pages = Math.max(1, (all.size() + DIGESTS_PER_PAGE - 1) / DIGESTS_PER_PAGE);
        List<Page> result = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            List<DigestLink> slice = all.subList((p - 1) * DIGESTS_PER_PAGE, Math.min(all.size(), p * DIGESTS_PER_PAGE));
            Views.Pager pager = new Views.Pager(p, pages,
                    p > 1 ? links.homePage(p - 1) : "", p < pages ? links.homePage(p + 1) : "");
            String dir = p == 1 ? "" : SiteLinks.homePagePath(p);
            String title = p == 1 ? "Latest digests" : "Latest digests, page " + p;
            Page page = Page.at(dir, "index.ftl", title, new Views.Listing(title, slice, pager));
            result.add(page.withFeed(feeds.siteFeed()));
        }
        return result;
    }

    private Map<YearMonth, List<Digest>> byMonth() {
        Map<YearMonth, List<Digest>> months = new TreeMap<>(java.util.Comparator.reverseOrder());
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
        return Page.at("archive/", "archive.ftl", "Archive",
                new Views.ArchiveIndex(yearViews, undated.size(), undated.isEmpty() ? "" : links.undated()));
    }

    private List<Digest> undated() {
        return archive.digests().stream().filter(d -> !d.dated()).toList();
    }

    private List<Page> monthPages() {
        List<Page> result = new ArrayList<>();
        byMonth().forEach((month, digests) -> {
            String title = "Digests of " + month;
            result.add(Page.at(SiteLinks.monthPath(month), "listing.ftl", title,
                    new Views.Listing(title, links(digests), null)));
        });
        List<Digest> undated = undated();
        if (!undated.isEmpty()) {
            result.add(Page.at(SiteLinks.UNDATED_PATH, "listing.ftl", "Undated digests",
                    new Views.Listing("Undated digests", links(undated), null)));
        }
        return result;
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
        return Page.at("channels/", "channels.ftl", "Channels", new Views.ChannelIndex(channels));
    }

    private List<Page> channelPages() {
        List<Page> result = new ArrayList<>();
        byChannel().forEach((name, digests) -> {
            Page page = Page.at(SiteLinks.channelPath(name), "listing.ftl",
                    "Channel " + name, new Views.Listing("Channel " + name, links(digests), null));
            result.add(page.withFeed(feeds.channelFeed(name)));
        });
        return result;
    }

    private Stream<Page> digestPages() {
        Map<String, List<Digest>> byChannel = new TreeMap<>();
        for (Digest d : archive.digests()) {
            byChannel.computeIfAbsent(d.channel(), c -> new ArrayList<>()).add(d);
        }
        // Each channel's list is newest first, so the digest after i is the older neighbour.
        return byChannel.values().stream().flatMap(siblings -> java.util.stream.IntStream.range(0, siblings.size())
                .mapToObj(i -> digestPage(siblings.get(i),
                        i + 1 < siblings.size() ? siblings.get(i + 1) : null,
                        i > 0 ? siblings.get(i - 1) : null)));
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
        return Page.at(d.id().path(), "digest.ftl", digestTitle(d),
                new Views.DigestPage(self, entries, others,
                        older == null ? null : digestLinks.get(older.id()),
                        newer == null ? null : digestLinks.get(newer.id())));
    }

    private Views.EntryLink entryLink(Entry e) {
        return new Views.EntryLink(e.id().value(), links.paper(e.id()), e.titleZh(), e.titleEn(), e.tldrZh(), e.tldrEn());
    }

    private Page paperPage(Paper p) {
        List<AppearanceLink> appearances = p.appearances().stream().map(this::appearanceLink).toList();
        ArxivId id = p.id();
        String title = p.titleEn().isEmpty() ? (p.titleZh().isEmpty() ? id.value() : p.titleZh()) : p.titleEn();
        return Page.at(SiteLinks.paperPath(id), "paper.ftl", title,
                new Views.PaperPage(id.value(), p.titleZh(), p.titleEn(), p.tldrZh(), p.tldrEn(),
                        p.abstractZh(), p.abstractEn(), p.abstractZhTruncated(), p.abstractEnTruncated(),
                        p.category(), p.version(), id.absUrl(), id.pdfUrl(), appearances, sourceLinks(p),
                        topics.of(id), derived.related().of(id).stream().map(this::relatedLink).toList()));
    }

    private Views.EntryLink relatedLink(ArxivId id) {
        Paper r = archive.papers().get(id);
        return new Views.EntryLink(id.value(), links.paper(id), r.titleZh(), r.titleEn(), r.tldrZh(), r.tldrEn());
    }

    private static final Map<String, String> FIELD_NAMES = Map.of(
            "titleZh", "Chinese title", "titleEn", "title", "tldrZh", "TL;DR", "tldrEn", "English TL;DR",
            "abstractZh", "Chinese abstract", "abstractEn", "abstract", "category", "category");

    /** The paper's field sources grouped by listing, in the order the fields are named. */
    private List<Views.SourceLink> sourceLinks(Paper p) {
        record Listing(DigestId digest, int line) {}
        Map<Listing, List<String>> byListing = new LinkedHashMap<>();
        for (FieldSource f : p.sources()) {
            byListing.computeIfAbsent(new Listing(f.digest(), f.line()), k -> new ArrayList<>())
                    .add(FIELD_NAMES.getOrDefault(f.field(), f.field()));
        }
        List<Views.SourceLink> out = new ArrayList<>();
        byListing.forEach((l, fields) -> out.add(new Views.SourceLink(String.join(", ", fields), links.digest(l.digest()),
                digestTitle(digestsById.get(l.digest())), l.line())));
        return out;
    }

    private AppearanceLink appearanceLink(Appearance a) {
        Digest d = digestsById.get(a.digest());
        return new AppearanceLink(links.digest(a.digest()), dateText(a.date(), d), a.digest().channel(), a.announceType());
    }

    private List<DigestLink> links(List<Digest> digests) {
        return digests.stream().map(d -> digestLinks.get(d.id())).toList();
    }

    private DigestLink digestLink(Digest d) {
        String channel = d.channel();
        return new DigestLink(links.digest(d.id()), d.dated() ? d.date().toString() : "", channel,
                channel.isEmpty() ? "" : links.channel(channel), digestTitle(d), d.entries().size() + d.others().size());
    }

    private static String dateText(LocalDate date, Digest d) {
        return date != null ? date.toString() : "undated (" + d.id().name() + ")";
    }

    private static String digestTitle(Digest d) {
        if (!d.title().isEmpty()) {
            return d.title();
        }
        String when = d.dated() ? d.date().toString() : d.id().name();
        return d.channel().isEmpty() ? "Digest " + when : d.channel() + " · " + when;
    }
}
