package paperbake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import paperbake.Bake;
import paperbake.cache.BuildCache;
import paperbake.render.JBakeOven;
import paperbake.render.Labels;
import paperbake.report.BuildReport;
import paperbake.report.ConsoleProgress;
import paperbake.write.OutputGuard;
import paperbake.write.SiteMarker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {
            "Builds the site: one page per digest, one per distinct arXiv paper, browsing by date and channel.",
            "A first build writes the site to a hidden folder beside the output and swaps it in when complete; a rebuild",
            "over a site Paperbake built stages only the files that changed there and then moves them into place.",
            "Output: a folder that is absent, empty (a CNAME aside) or built by Paperbake; anything else is refused.",
            "Exit status: 0 built, 1 built but the input has errors (or, with --strict, warnings), 2 nothing written."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    ContentOptions input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "Where the site goes: a new or empty folder, or one Paperbake built (its files are "
                    + "rewritten where they changed, keeping a CNAME); never the content or theme folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--clean",
            description = "Build from nothing: parse, index and render everything (refreshing the cache) and swap in a whole new tree, "
                    + "even over a site Paperbake built, instead of updating it in place. The site is the same either way.")
    boolean clean;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where a build keeps what the next one reuses (parses, index slices, which pages it rendered); safe to delete, "
                    + "checked before use, ignored when made by another Paperbake (default: "
                    + BuildCache.DEFAULT_NAME + "/ beside the output; keep it between CI runs with actions/cache).")
    Path cache;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "/",
            description = "Where the site will be served, e.g. https://me.github.io/archive/ or /archive/; "
                    + "every internal link starts with its path (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--theme", paramLabel = "DIR",
            description = "A JBake project folder with templates/ and assets/ (and optional jbake.properties); "
                    + "default: the content folder's parent if it holds templates/ and jbake.properties, "
                    + "else the bundled theme.")
    Path theme;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "The site's UI language: labels, dates and <html lang>; a reader can switch on the page "
                    + "(default: ${DEFAULT-VALUE}). Paper text stays as written.")
    String lang;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Paperbake",
            description = "The site's name, shown in every page header (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--quiet",
            description = "Print only the input's problems and the summary, no progress. On a terminal progress is one "
                    + "updating line; in a log (CI, a pipe) one line per stage.")
    boolean quiet;

    @Option(names = "--feed-entries", paramLabel = "N", defaultValue = "50",
            description = "How many of the latest papers each Atom feed lists (default: ${DEFAULT-VALUE}); "
                    + "feeds are written only under an absolute --base-url.")
    int feedEntries;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input.content)) {
            System.err.println("paperbake: content folder not found: " + input.content.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        if (theme != null && !Files.isDirectory(theme.resolve("templates"))) {
            System.err.println("paperbake: the theme folder has no templates/ folder: " + theme.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        try {
            Labels.language(lang);
        } catch (IllegalArgumentException e) {
            System.err.println("paperbake: --lang: " + e.getMessage());
            return Diagnostics.FAILED;
        }
        if (feedEntries < 1) {
            System.err.println("paperbake: --feed-entries must be at least 1");
            return Diagnostics.FAILED;
        }
        Bake bake = new Bake(input.reader(Clock.systemUTC()), new JBakeOven());
        ConsoleProgress progress = new ConsoleProgress(System.err,
                ConsoleProgress.modeFor(quiet, System.console() != null, System.getenv("CI")), System::nanoTime);
        BuildReport report;
        try {
            // Problems in the input are printed by the progress as they are found.
            report = bake.build(new Bake.Options(input.content, output, baseUrl, theme, title, feedEntries, lang, clean, cache),
                    notice -> System.err.println("paperbake: " + notice), progress);
        } catch (OutputGuard.OutputRefused e) {
            progress.finish();
            System.err.println("paperbake: " + e.getMessage());
            return Diagnostics.FAILED;
        }
        progress.finish();
        report.renderErrors().forEach(e -> System.err.println("paperbake: render error: " + e.getMessage()));
        System.out.println(report.summary());
        if (!report.written()) {
            // Checked now, not assumed: the message must say what is really at the output path.
            System.err.println("paperbake: nothing was written; " + (Files.exists(output.resolve(SiteMarker.NAME))
                    ? output + " still holds the previous site"
                    : Files.exists(output) ? output + " was left as it was" : "there is no site at " + output));
            return Diagnostics.FAILED;
        }
        System.out.println("  site: " + output.toAbsolutePath().normalize());
        return Diagnostics.exitStatus(report.diagnostics(), input.strict);
    }
}
