package paperbake.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paperbake.index.Topic;
import paperbake.index.Topics;
import paperbake.model.Archive;
import paperbake.model.ArxivId;
import paperbake.model.Paper;
import paperbake.render.Views.MonthGroup;
import paperbake.render.Views.TopicEntry;
import paperbake.render.Views.TopicLink;
import paperbake.render.Views.TopicSummary;

/** The topic pages, from the membership the index stage derived; nothing here queries Lucene. */
final class TopicPlan {

    static final int PAPERS_PER_PAGE = 50;

    private final Archive archive;
    private final Topics topics;
    private final SiteLinks links;
    private final TrendChart chart;
    private final FeedPlan feeds;
    private final String lang;
    private final Map<ArxivId, List<TopicLink>> byPaper = new TreeMap<>();

    /** @param lang the UI language of the pages' titles */
    TopicPlan(Archive archive, Topics topics, SiteLinks links, TrendChart chart, FeedPlan feeds, String lang) {
        this.lang = lang;
        this.archive = archive;
        this.topics = topics;
        this.links = links;
        this.chart = chart;
        this.feeds = feeds;
        for (Topic t : topics.topics()) {
            TopicLink link = link(t);
            t.members().forEach(id -> byPaper.computeIfAbsent(id, k -> new ArrayList<>()).add(link));
        }
    }

    /** The topics a paper belongs to, in topics.yml order. */
    List<TopicLink> of(ArxivId id) {
        return byPaper.getOrDefault(id, List.of());
    }

    List<Page> pages() {
        List<Page> out = new ArrayList<>();
        if (topics.topics().isEmpty()) {
            return out;
        }
        out.add(Page.at(SiteLinks.TOPICS_PATH, "topics.ftl", Views.Title.worded("topics", lang),
                new Views.TopicIndex(topics.topics().stream().map(this::summary).toList())));
        for (Topic t : topics.topics()) {
            out.addAll(topicPages(t));
        }
        return out;
    }

    private TopicLink link(Topic t) {
        return new TopicLink(t.slug(), t.spec().nameZh(), t.spec().nameEn(), links.topic(t.slug()), t.members().size());
    }

    private TopicSummary summary(Topic t) {
        List<LocalDate> dates = t.members().stream().map(id -> archive.papers().get(id).latest().date()).toList();
        return new TopicSummary(link(t), t.spec().description(), chart.draw(dates));
    }

    private List<Page> topicPages(Topic t) {
        TopicSummary summary = summary(t);
        List<ArxivId> members = t.members();
        int pages = Math.max(1, (members.size() + PAPERS_PER_PAGE - 1) / PAPERS_PER_PAGE);
        Views.FeedLink feed = feeds.topicFeed(t);
        List<Page> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            List<ArxivId> slice = members.subList((p - 1) * PAPERS_PER_PAGE, Math.min(members.size(), p * PAPERS_PER_PAGE));
            Views.Pager pager = new Views.Pager(p, pages,
                    p > 1 ? links.topicPage(t.slug(), p - 1) : "", p < pages ? links.topicPage(t.slug(), p + 1) : "");
            String dir = p == 1 ? SiteLinks.topicPath(t.slug()) : SiteLinks.topicPath(t.slug()) + SiteLinks.homePagePath(p);
            Views.Title named = new Views.Title(Labels.say("topicNamed", lang, nameIn(t, lang)), "topicNamed",
                    Labels.say("topicNamed", Labels.other(lang), nameIn(t, Labels.other(lang))));
            Views.Title title = p == 1 ? named : named.then(Views.Title.worded("pageOf", lang, p, pages));
            Page page = Page.at(dir, "topic.ftl", title, new Views.TopicPage(summary, months(slice), pager,
                    links.searchInTopic(t.slug()), feed == null ? "" : feed.url()));
            out.add(page.withFeed(feed));
        }
        return out;
    }

    /** The topic's name in {@code lang}, or its other name when it has none there. */
    static String nameIn(Topic t, String lang) {
        String name = lang.equals("en") ? t.spec().nameEn() : t.spec().nameZh();
        return name.isEmpty() ? t.spec().name() : name;
    }

    /** Members are newest first, so each month's papers are consecutive. */
    private List<MonthGroup> months(List<ArxivId> ids) {
        List<MonthGroup> out = new ArrayList<>();
        String current = null;
        List<TopicEntry> group = null;
        for (ArxivId id : ids) {
            Paper p = archive.papers().get(id);
            LocalDate date = p.latest().date();
            String label = date == null ? "" : date.toString().substring(0, 7); // "": the undated, labelled by the template
            if (!label.equals(current)) {
                group = new ArrayList<>();
                out.add(new MonthGroup(label, group));
                current = label;
            }
            group.add(new TopicEntry(id.value(), links.paper(id), p.titleZh(), p.titleEn(), p.tldrZh(), p.tldrEn(),
                    date == null ? "" : date.toString(), p.latest().digest().channel()));
        }
        return out.stream().map(g -> new MonthGroup(g.label(), List.copyOf(g.entries()))).toList();
    }
}
