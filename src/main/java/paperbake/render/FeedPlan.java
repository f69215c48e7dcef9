package paperbake.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paperbake.index.Topic;
import paperbake.index.Topics;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.ArxivId;
import paperbake.model.Paper;
import paperbake.render.Views.Feed;
import paperbake.render.Views.FeedEntry;

/**
 * Atom 1.0 feeds (RFC 4287) of the latest papers: the whole site's, each channel's and each
 * topic's, as more pages of the plan. Ids are the absolute URLs of the feed and of each paper
 * page, so they stay the same across rebuilds; every date is the day a paper was listed (a
 * feed's {@code updated} is its newest entry's), never the build time. Undated papers are in no
 * feed: a feed lists what is new, and they have no date to be new by.
 */
final class FeedPlan {

    private final Archive archive;
    private final SiteLinks links;
    private final FeedSettings settings;
    private final String siteName;
    /** The language of the feeds' titles: a feed reader shows them as the site's. */
    private final String lang;

    FeedPlan(Archive archive, SiteLinks links, FeedSettings settings, String siteName, String lang) {
        this.archive = archive;
        this.links = links;
        this.settings = settings;
        this.siteName = siteName;
        this.lang = lang;
    }

    /** A paper and the date it was listed where the feed looks. */
    private record Listed(Paper paper, LocalDate date) {}

    private static final Comparator<Listed> NEWEST = Comparator.comparing(Listed::date, Comparator.reverseOrder())
            .thenComparing(l -> l.paper().id(), Comparator.reverseOrder());

    Views.FeedLink siteFeed() {
        return link("", Labels.say("feedLatest", lang, siteName));
    }

    Views.FeedLink channelFeed(String channel) {
        return link(SiteLinks.channelPath(channel), Labels.say("feedChannel", lang, siteName, channel));
    }

    Views.FeedLink topicFeed(Topic t) {
        return t.members().isEmpty() ? null
                : link(SiteLinks.topicPath(t.slug()), Labels.say("feedTopic", lang, siteName, TopicPlan.nameIn(t, lang)));
    }

    private Views.FeedLink link(String dir, String title) {
        return settings.enabled() ? new Views.FeedLink(links.asset(SiteLinks.feedPath(dir)), title) : null;
    }

    List<Page> pages(Topics topics) {
        List<Page> out = new ArrayList<>();
        if (!settings.enabled()) {
            return out;
        }
        List<Listed> all = new ArrayList<>();
        Map<String, List<Listed>> byChannel = new TreeMap<>();
        for (Paper p : archive.papers().values()) {
            if (p.latest().date() != null) {
                all.add(new Listed(p, p.latest().date()));
            }
            // appearances are newest first: the first in a channel is when that channel listed it
            Map<String, LocalDate> first = new TreeMap<>();
            for (Appearance a : p.appearances()) {
                if (a.date() != null && !a.digest().channel().isEmpty()) {
                    first.putIfAbsent(a.digest().channel(), a.date());
                }
            }
            first.forEach((c, d) -> byChannel.computeIfAbsent(c, k -> new ArrayList<>()).add(new Listed(p, d)));
        }
        out.add(feed("", siteFeed(), links.home(), all));
        byChannel.forEach((c, listed) ->
                out.add(feed(SiteLinks.channelPath(c), channelFeed(c), links.channel(c), listed)));
        for (Topic t : topics.topics()) {
            if (!t.members().isEmpty()) {
                List<Listed> listed = new ArrayList<>();
                for (ArxivId id : t.members()) {
                    Paper p = archive.papers().get(id);
                    if (p.latest().date() != null) {
                        listed.add(new Listed(p, p.latest().date()));
                    }
                }
                out.add(feed(SiteLinks.topicPath(t.slug()), topicFeed(t), links.topic(t.slug()), listed));
            }
        }
        return out;
    }

    private Page feed(String dir, Views.FeedLink link, String htmlPath, List<Listed> listed) {
        List<Listed> latest = listed.stream().sorted(NEWEST).limit(settings.entries()).toList();
        List<FeedEntry> entries = latest.stream().map(this::entry).toList();
        // An empty feed (nothing dated) is still valid Atom; its date is the archive's newest digest's.
        String updated = latest.isEmpty() ? newestDigest() : timestamp(latest.get(0).date());
        String self = settings.absolute(link.url());
        Feed feed = new Feed(self, link.title(), self, settings.absolute(htmlPath), updated, siteName, entries);
        return new Page(SiteLinks.feedPath(dir), "feed.ftl", link.title(), feed, Page.Format.ATOM, null);
    }

    private FeedEntry entry(Listed l) {
        Paper p = l.paper();
        String title = p.titleZh().isEmpty() || p.titleEn().isEmpty()
                ? (p.titleEn().isEmpty() ? (p.titleZh().isEmpty() ? p.id().value() : p.titleZh()) : p.titleEn())
                : p.titleZh() + " · " + p.titleEn();
        String summary = String.join("\n", java.util.stream.Stream.of(p.tldrZh(), p.tldrEn())
                .filter(s -> !s.isEmpty()).toList());
        String url = settings.absolute(links.paper(p.id()));
        return new FeedEntry(url, url, title, summary, timestamp(l.date()));
    }

    private String newestDigest() {
        return archive.digests().stream().filter(d -> d.dated()).map(d -> timestamp(d.date()))
                .findFirst().orElse("1970-01-01T00:00:00Z");
    }

    /** A digest is dated by the day: midnight UTC of it, as RFC 3339 wants a time. */
    private static String timestamp(LocalDate d) {
        return d + "T00:00:00Z";
    }
}
