package paperbake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import paperbake.cache.BuildCache;
import paperbake.cache.CodeIdentity;
import paperbake.index.LuceneIndex;
import paperbake.index.Related;
import paperbake.index.SearchIndexStats;
import paperbake.index.TopicFilterWriter;
import paperbake.index.Topics;
import paperbake.index.TopicsFile;
import paperbake.index.SearchIndexWriter;
import paperbake.index.SliceCache;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.DigestKeys;
import paperbake.parse.ContentReader;
import paperbake.parse.ParseCache;
import paperbake.parse.ReadResult;
import paperbake.render.FeedSettings;
import paperbake.render.JBakeOven;
import paperbake.render.Labels;
import paperbake.render.RenderCache;
import paperbake.render.RenderJob;
import paperbake.render.RenderStats;
import paperbake.render.SiteLinks;
import paperbake.render.SitePlan;
import paperbake.render.Theme;
import paperbake.render.Views;
import paperbake.report.BuildReport;
import paperbake.report.Diagnostic;
import paperbake.report.Progress;
import paperbake.report.Reconciliation;
import paperbake.report.StageTimes;
import paperbake.write.CountingSink;
import paperbake.write.OutputGuard;
import paperbake.write.SiteOutput;

/**
 * The build, stage by stage: parse the digests, model the archive, render the pages through
 * JBake, write the site atomically. Each stage only reads what the previous one produced.
 */
public final class Bake {

    /**
     * @param theme a JBake project folder with {@code templates/} and {@code assets/}; null means the
     *              one beside the content when it carries a {@code jbake.properties}, else the bundled theme
     * @param lang  the UI language, {@code zh} or {@code en} ({@link Labels})
     * @param clean build from nothing: read no cache (and refresh it), and swap in a whole new tree
     *              even over a site Paperbake built instead of updating it in place ({@link SiteOutput})
     * @param cache the build cache's folder ({@link BuildCache}); null: {@value BuildCache#DEFAULT_NAME} beside the output
     */
    public record Options(Path content, Path output, String baseUrl, Path theme, String siteName, int feedEntries,
                          String lang, boolean clean, Path cache) {

        public Options {
            lang = Labels.language(lang);
        }

        public Options(Path content, Path output, String baseUrl, Path theme, String siteName, int feedEntries,
                       String lang) {
            this(content, output, baseUrl, theme, siteName, feedEntries, lang, false, null);
        }

        public Path cacheFolder() {
            return cache != null ? cache : output.toAbsolutePath().normalize().resolveSibling(BuildCache.DEFAULT_NAME);
        }

        public Options(Path content, Path output, String baseUrl, Path theme, String siteName) {
            this(content, output, baseUrl, theme, siteName, FeedSettings.DEFAULT_ENTRIES);
        }

        public Options(Path content, Path output, String baseUrl, Path theme, String siteName, int feedEntries) {
            this(content, output, baseUrl, theme, siteName, feedEntries, Labels.DEFAULT);
        }
    }

    public static final String NO_FEEDS = "; --base-url has no host, so no Atom feeds, sitemap.xml, robots.txt or "
            + "canonical links: they need absolute links (e.g. --base-url https://me.github.io/archive/)";

    private final ContentReader reader;
    private final JBakeOven oven;
    private final SearchIndexWriter search;
    private final TopicsFile topicsFile = new TopicsFile();
    private final TopicFilterWriter topicFilter = new TopicFilterWriter();

    public Bake(ContentReader reader, JBakeOven oven) {
        this(reader, oven, new SearchIndexWriter());
    }

    public Bake(ContentReader reader, JBakeOven oven, SearchIndexWriter search) {
        this.reader = reader;
        this.oven = oven;
        this.search = search;
    }

    /** Reads and models the archive without writing anything: what {@code check} runs. */
    public Checked check(Path content, StageTimes times) {
        return check(content, times, Progress.SILENT);
    }

    /** {@link #check(Path, StageTimes)}, telling {@code progress} of each stage and problem as it goes. */
    public Checked check(Path content, StageTimes times, Progress progress) {
        return check(content, times, progress, null);
    }

    /** @param cache the parses a build before kept, or null */
    private Checked check(Path content, StageTimes times, Progress progress, ParseCache cache) {
        long parseStart = System.nanoTime();
        ReadResult read = times.time("parse", () -> reader.read(content, progress, cache));
        progress.done("parse", String.format(Locale.ROOT, "%,d digests, %,d entries",
                read.digests().size(), read.entriesRead()), System.nanoTime() - parseStart);
        ArchiveBuilder builder = new ArchiveBuilder();
        progress.start("model", read.digests().size(), "digests");
        long modelStart = System.nanoTime();
        Archive archive = times.time("model", () -> {
            read.digests().forEach(builder::add);
            return builder.build();
        });
        progress.found(builder.diagnostics());
        progress.done("model", String.format(Locale.ROOT, "%,d distinct papers", archive.papers().size()),
                System.nanoTime() - modelStart);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        diagnostics.addAll(builder.diagnostics());
        diagnostics.sort(Diagnostic.BY_PLACE);
        return new Checked(read, archive, diagnostics);
    }

    /**
     * The problems of the content folder's topics.yml, as a build reports them: its queries are
     * run over an index of the checked archive, so a query that matches nothing is found too.
     * Nothing is indexed when there is no topics.yml.
     */
    public List<Diagnostic> checkTopics(Checked checked, Path content) throws IOException {
        TopicsFile.Result file = topicsFile.read(content);
        if (file.topics().isEmpty()) {
            return file.diagnostics();
        }
        try (LuceneIndex lucene = LuceneIndex.build(checked.archive(), Topics.needsPositions(file))) {
            return Topics.of(file, content.resolve(TopicsFile.NAME), lucene).diagnostics();
        }
    }

    /** @param diagnostics the parse stage's and the model's (listings that disagree), by file and line */
    public record Checked(ReadResult read, Archive archive, List<Diagnostic> diagnostics) {

        /** Entries read against entries that made it into the archive, and what was skipped. */
        public Reconciliation reconciliation() {
            return new Reconciliation(read.entriesRead(), archive.entryCount(), read.skipped());
        }
    }

    /** {@link #build(Options, Consumer, Progress)} with notices printed to standard error and no progress. */
    public BuildReport build(Options options) throws IOException {
        return build(options, notice -> System.err.println("paperbake: " + notice), Progress.SILENT);
    }

    /**
     * @param notices what was done to the output folder besides the build (a site an earlier,
     *                killed build left aside is put back first)
     * @param progress told of each stage as it runs and of each problem in the input as it is found
     * @throws OutputGuard.OutputRefused before anything is read or written, when the output is
     *                not Paperbake's to replace
     */
    public BuildReport build(Options options, Consumer<String> notices, Progress progress) throws IOException {
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        Path themeFolder = Theme.folderFor(options.theme(), options.content());
        // The output is judged (and a killed build's site put back) before the digests are read.
        try (SiteOutput out = SiteOutput.begin(options.output(), guard(options.content(), themeFolder), notices,
                !options.clean())) {
            Theme theme = Theme.locate(themeFolder, out.scratch());
            // A clean build reads nothing from the cache, but leaves it ready for the next build.
            // The code's identity names the cache: one made by other code is not reused. Computed
            // here, by a build that opens a cache, not by every Bake (check needs none).
            Optional<BuildCache> cache = cacheFolderFor(options, notices)
                    .flatMap(f -> BuildCache.open(f, CodeIdentity.of(Bake.class), notices));
            ParseCache parses = cache.map(c -> new ParseCache(c, !options.clean())).orElse(null);
            Checked checked = check(options.content(), times, progress, parses);
            if (parses != null) {
                parses.forgetUnused();
            }
            Archive archive = checked.archive();
            // What each digest was parsed from: index and render know unchanged papers and pages by it.
            DigestKeys digestKeys = parses == null ? DigestKeys.NONE : new DigestKeys(parses.sourceKeys());
            SiteLinks links = SiteLinks.forBaseUrl(options.baseUrl());
            RenderStats stats = new RenderStats();
            SearchIndexStats index = null;
            long pageBytes = 0;
            RenderCache renders = null;
            FeedSettings feeds = FeedSettings.forBaseUrl(options.baseUrl(), options.feedEntries());
            List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
            List<Throwable> errors;
            // The one Lucene index of the build: topics, related papers and the search export all
            // read it, and pages only read the records derived from it.
            progress.start("index", 0, "");
            long indexStart = System.nanoTime();
            // read first: its queries decide whether the index needs positions
            TopicsFile.Result topicsSource = topicsFile.read(options.content());
            SliceCache slices = cache.map(c -> new SliceCache(c, !options.clean(), digestKeys)).orElse(null);
            try (LuceneIndex lucene = times.time("index",
                    () -> LuceneIndex.build(archive, Topics.needsPositions(topicsSource), slices))) {
                if (slices != null) {
                    slices.forgetUnused();
                }
                Topics topics = times.time("topics", () -> Topics.of(
                        topicsSource, options.content().resolve(TopicsFile.NAME), lucene));
                progress.found(topics.diagnostics());
                diagnostics.addAll(topics.diagnostics());
                diagnostics.sort(Diagnostic.BY_PLACE);
                Related related = times.time("related", () -> Related.of(lucene));
                // The search export reads only the index and the archive, so it runs beside render,
                // on a thread of its own: alone it keeps 1.3 of 2 cores busy, and on a rebuild it is
                // half the time. Not beside related papers too: their peaks added up to 1.6 GB on
                // the synthetic 90k papers (docs/BENCHMARKS.md, "Build").
                try (SearchExport export = SearchExport.start(() -> search.write(lucene, archive, out))) {
                    String absoluteBase = SiteLinks.absoluteBase(options.baseUrl());
                    // Said once, in the stage line rather than as a diagnostic: a site without feeds and
                    // sitemaps is a choice (a path as --base-url), not a problem in the input.
                    progress.done("index", String.format(Locale.ROOT, "%,d papers, %,d topics%s", lucene.papers().size(),
                            topics.topics().size(), absoluteBase.isEmpty() ? NO_FEEDS : ""), System.nanoTime() - indexStart);
                    SitePlan plan = new SitePlan(archive, links, new SitePlan.Derived(topics, related, feeds, options.siteName()),
                            absoluteBase, options.lang());
                    renders = cache.isEmpty() ? null
                            : RenderCache.open(cache.get(), options.output(), theme.dir(), !options.clean(),
                                    digestKeys);
                    CountingSink pages = new CountingSink(out);
                    RenderJob job = new RenderJob(plan, Views.Site.of(options.siteName(), links, absoluteBase, options.lang()),
                            pages, stats, progress, renders);
                    long renderStart = System.nanoTime();
                    errors = oven.bake(theme.dir(), options.content(), out.staging(), job);
                    // Pages are written as they are rendered; the write share is thread time spread over the workers.
                    pageBytes = pages.bytes();
                    long writeShare = pages.writeNanos() / Math.max(1, Runtime.getRuntime().availableProcessors());
                    times.add("render", System.nanoTime() - renderStart - writeShare);
                    times.add("write", writeShare);
                    progress.done("render", String.format(Locale.ROOT, "%,d pages", stats.pages()), System.nanoTime() - renderStart);
                    // Waited for even when render failed: the export reads the index closed below. The
                    // search index (search/ beside the pages) goes to the same output as the pages, so it
                    // is committed with them or not at all.
                    SearchExport.Done exported = export.join();
                    if (errors.isEmpty()) {
                        long filterStart = System.nanoTime();
                        topicFilter.write(topics, lucene, out);
                        long searchNanos = exported.nanos() + System.nanoTime() - filterStart;
                        times.add("search", searchNanos);
                        index = exported.stats();
                        progress.done("search", String.format(Locale.ROOT, "%,d papers in %,d files", index.docs(), index.files()),
                                searchNanos);
                    }
                }
            }
            if (errors.isEmpty()) {
                long commitStart = System.nanoTime();
                out.commit();
                if (renders != null) {
                    renders.save();
                }
                times.add("write", System.nanoTime() - commitStart);
            }
            return new BuildReport(archive, diagnostics, checked.reconciliation(),
                    stats, pageBytes, index, new BuildReport.Files(out.files(), out.unchanged()), errors, times,
                    System.nanoTime() - start);
        }
    }

    /**
     * The cache's folder, unless it would be published with the site or read as content: inside
     * the output, the content folder, or holding either.
     */
    private static Optional<Path> cacheFolderFor(Options options, Consumer<String> notices) {
        Path cache = options.cacheFolder().toAbsolutePath().normalize();
        for (Path p : List.of(options.output(), options.content())) {
            Path other = p.toAbsolutePath().normalize();
            if (cache.startsWith(other) || other.startsWith(cache)) {
                notices.accept("the cache folder " + cache + " would be mixed with " + other
                        + ", so the build ran without a cache; name a folder of its own with --cache");
                return Optional.empty();
            }
        }
        return Optional.of(cache);
    }

    /** The folders a build reads, which its output must never replace. */
    private static OutputGuard guard(Path content, Path themeFolder) {
        List<OutputGuard.Protected> inputs = new ArrayList<>();
        inputs.add(OutputGuard.Protected.input("the content folder", content));
        if (themeFolder != null) {
            for (Path p : Theme.sources(themeFolder)) {
                inputs.add(OutputGuard.Protected.input("the theme's " + p.getFileName() + "/ folder", p));
            }
        }
        return new OutputGuard(inputs);
    }
}
