package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.cache.BuildCache;
import paperbake.index.Related;
import paperbake.index.Topic;
import paperbake.index.TopicSpec;
import paperbake.index.Topics;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.DigestKeys;
import paperbake.model.Entry;

/**
 * A paper or digest page is known by what its view is made from ({@link PlannedPage.Inputs}),
 * so a rebuild skips making the views of pages it need not render. That is only right if every
 * change a view can show changes the inputs' key: each test changes one thing and checks which
 * pages' keys change, and every comparison also checks that two pages with one inputs key have
 * one view (the view digest the renderer used before, which digests the whole view).
 */
class PlannedPageKeyTest {

    @TempDir
    Path dir;

    private Path theme;
    private BuildCache cache;

    @BeforeEach
    void theme() throws IOException {
        theme = dir.resolve("theme");
        Files.createDirectories(theme.resolve("templates"));
        Files.writeString(theme.resolve("templates/paper.ftl"), "${page.id}");
        cache = BuildCache.open(dir.resolve("cache"), "test", n -> {}).orElseThrow();
    }

    private static Entry entry(String id, String titleEn) {
        return new Entry(new ArxivId.Ref(new ArxivId(id), 1), 10, "标题", titleEn, "要点", "", "摘要", "abstract",
                false, false, "new", "cs.CL");
    }

    private static Digest digest(String channel, String date, Entry... entries) {
        return new Digest(new DigestId(channel, date), Path.of(channel, date + ".md"), LocalDate.parse(date), "",
                List.of(entries), List.of());
    }

    /** One build's plan: the digests (with the source key of each, by what they were "parsed" from) and what the index derived. */
    private record Build(List<Digest> digests, Map<Path, byte[]> sources, Related related, Topics topics, String base) {

        Build with(List<Digest> digests, Map<Path, byte[]> sources) {
            return new Build(digests, sources, related, topics, base);
        }
    }

    /** The source key of a digest made here: its text, as a file's bytes would be. */
    private static Map<Path, byte[]> keysOf(List<Digest> digests) {
        Map<Path, byte[]> keys = new HashMap<>();
        for (Digest d : digests) {
            keys.put(d.source(), BuildCache.key(d.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return keys;
    }

    /** By page path: the inputs key and the view key. */
    private Map<String, RenderCache.Key[]> keys(Build b) throws IOException {
        ArchiveBuilder builder = new ArchiveBuilder();
        b.digests().forEach(builder::add);
        Archive archive = builder.build();
        SiteLinks links = SiteLinks.forBaseUrl(b.base());
        String absolute = SiteLinks.absoluteBase(b.base());
        SitePlan plan = new SitePlan(archive, links, new SitePlan.Derived(b.topics(), b.related(), FeedSettings.NONE, "x"),
                absolute, "zh");
        Views.Site site = Views.Site.of("x", links, absolute, "zh");
        RenderCache renders = RenderCache.open(cache, dir.resolve("site"), theme, true, new DigestKeys(b.sources()));
        Map<String, RenderCache.Key[]> out = new TreeMap<>();
        for (PlannedPage p : plan.planned()) {
            Page page = p.page().get();
            assertThat(page.path()).isEqualTo(p.path());
            assertThat(page.template()).isEqualTo(p.template());
            assertThat(page.format()).isEqualTo(p.format());
            out.put(p.path(), new RenderCache.Key[] {renders.key(site, p), renders.key(site, page)});
        }
        return out;
    }

    private static final Entry P1 = entry("2401.00001", "First");
    private static final Entry P2 = entry("2401.00002", "Second");
    private static final Entry P3 = entry("2401.00003", "Third");
    private static final String PAGE1 = "papers/2401.00001/index.html";
    private static final String PAGE2 = "papers/2401.00002/index.html";
    private static final String PAGE3 = "papers/2401.00003/index.html";
    private static final String DIGEST1 = "digests/cs.CL/2024-01-02/index.html";
    private static final String DIGEST2 = "digests/cs.CL/2024-01-03/index.html";

    private Build base;

    @BeforeEach
    void base() {
        List<Digest> digests = List.of(digest("cs.CL", "2024-01-02", P1, P2), digest("cs.CL", "2024-01-03", P2, P3));
        Related related = new Related(Map.of(P1.id(), List.of(P3.id())));
        base = new Build(digests, keysOf(digests), related, Topics.NONE, "/archive/");
    }

    /** The pages among {@code paths} whose inputs key differs between the two builds; checks that equal inputs mean equal views. */
    private List<String> changed(Build before, Build after) throws IOException {
        Map<String, RenderCache.Key[]> a = keys(before);
        Map<String, RenderCache.Key[]> b = keys(after);
        List<String> changed = new ArrayList<>();
        for (String path : a.keySet()) {
            if (!b.containsKey(path)) {
                continue;
            }
            RenderCache.Key[] x = a.get(path);
            RenderCache.Key[] y = b.get(path);
            if (x[0] == null) {
                continue; // a page without inputs: known by its view alone
            }
            assertThat(y[0]).as(path).isNotNull();
            assertThat(x[0]).as("an inputs key is not a view key: " + path).isNotEqualTo(x[1]);
            if (x[0].equals(y[0])) {
                assertThat(y[1]).as("same inputs, so the same view: " + path).isEqualTo(x[1]);
            } else {
                changed.add(path);
            }
        }
        return changed;
    }

    @Test
    void theSameContentGivesTheSameKeys() throws IOException {
        assertThat(changed(base, base)).isEmpty();
        assertThat(keys(base).get(PAGE1)[0]).as("paper pages are known by their inputs").isNotNull();
        assertThat(keys(base).get(DIGEST1)[0]).as("digest pages too").isNotNull();
    }

    @Test
    void aChangedDigestChangesItsPagesItsPapersAndItsNeighbours() throws IOException {
        List<Digest> digests = List.of(base.digests().get(0), digest("cs.CL", "2024-01-03", P2, entry("2401.00003", "Third, retitled")));
        List<String> changed = changed(base, base.with(digests, keysOf(digests)));
        // Paper 1 links paper 3 as related, with its title; digest 1 links digest 2, with its title.
        assertThat(changed).containsExactlyInAnyOrder(DIGEST2, DIGEST1, PAGE2, PAGE3, PAGE1);
    }

    @Test
    void aFileThatChangedIsSeenEvenWhenTheEntriesReadTheSame() throws IOException {
        Map<Path, byte[]> keys = new HashMap<>(base.sources());
        keys.put(Path.of("cs.CL", "2024-01-03.md"), BuildCache.key("other bytes".getBytes(StandardCharsets.UTF_8)));
        // Paper 1 too: its related paper 3 is listed there, and a digest stands for its entries.
        assertThat(changed(base, base.with(base.digests(), keys))).containsExactlyInAnyOrder(DIGEST2, DIGEST1, PAGE2, PAGE3, PAGE1);
    }

    @Test
    void aPaperListedAgainByANewDayIsRenderedAgain() throws IOException {
        List<Digest> digests = new ArrayList<>(base.digests());
        digests.add(digest("cs.AI", "2024-01-04", P1));
        List<String> changed = changed(base, base.with(digests, keysOf(digests)));
        assertThat(changed).contains(PAGE1).doesNotContain(PAGE2, PAGE3, DIGEST1, DIGEST2);
    }

    @Test
    void newRelatedPapersOrTopicsAreSeen() throws IOException {
        Build related = new Build(base.digests(), base.sources(), new Related(Map.of(P1.id(), List.of(P2.id()))),
                Topics.NONE, base.base());
        assertThat(changed(base, related)).containsExactly(PAGE1);
        Topics topics = new Topics(List.of(new Topic(new TopicSpec("rag", "检索", "Retrieval", "rag", "", 1),
                List.of(P2.id()))), List.of());
        Build topical = new Build(base.digests(), base.sources(), base.related(), topics, base.base());
        assertThat(changed(base, topical)).contains(PAGE2).doesNotContain(PAGE1, PAGE3, DIGEST1, DIGEST2);
    }

    @Test
    void anotherBaseUrlChangesEveryPage() throws IOException {
        Build moved = new Build(base.digests(), base.sources(), base.related(), base.topics(), "https://me.github.io/a/");
        assertThat(changed(base, moved)).containsExactlyInAnyOrder(DIGEST1, DIGEST2, PAGE1, PAGE2, PAGE3);
    }

    @Test
    void aDigestWithoutASourceKeyLeavesItsPagesToTheirViews() throws IOException {
        Map<String, RenderCache.Key[]> keys = keys(base.with(base.digests(), Map.of()));
        assertThat(keys.get(PAGE1)[0]).isNull();
        assertThat(keys.get(DIGEST1)[0]).isNull();
        assertThat(keys.get(PAGE1)[1]).as("known by its view").isNotNull();
    }
}
