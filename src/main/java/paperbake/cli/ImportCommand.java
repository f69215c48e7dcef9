package paperbake.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import paperbake.history.HistoryException;
import paperbake.history.ImportReport;
import paperbake.history.ImportState;
import paperbake.history.Importer;
import paperbake.parse.ContentReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Reads a digest repository's history (a clone, a bare repository or a .bundle file; no git needed) and writes "
                    + "<content>/<channel>/<YYYY-MM-DD>.md: per file and day, the day's last revision with at least one entry.",
            "Incremental: " + ImportState.FILE_NAME + " in the content folder records where it stopped; an imported day "
                    + "is never rewritten without --refresh, and a file import did not write is never overwritten.",
            "Exit status: 0 imported (the summary lists skipped days and warnings), 2 the repository could not be read "
                    + "or an option is wrong."})
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--repo", paramLabel = "DIR", required = true,
            description = "The digest repository: a clone, a bare repository, or a .bundle file.")
    Path repo;

    @Option(names = "--ref", paramLabel = "BRANCH",
            description = "The branch to read (default: HEAD, else main or master, else the only branch).")
    String ref;

    @Option(names = "--files", paramLabel = "GLOB", split = ",", defaultValue = "*.md",
            description = "Repository files to import, as globs on their path (*.md: top-level Markdown files); "
                    + "repeat or separate with commas (default: ${DEFAULT-VALUE}).")
    List<String> files;

    @ArgGroup(exclusive = true)
    ChannelChoice channel = new ChannelChoice();

    static final class ChannelChoice {
        @Option(names = "--channel", paramLabel = "NAME", description = "Put every file's days in this one channel.")
        String name;

        // The default already; the flag lets a script say so, and picocli keeps it exclusive of --channel.
        @Option(names = "--channel-from-file",
                description = "Each file is its own channel, named after it without .md (cs.CL.md -> cs.CL); the default.")
        boolean fromFile;
    }

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The zone whose calendar days cut the history, by commit time (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Where the dated digests go (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Import only days on or after this date (YYYY-MM-DD).")
    String since;

    @Option(names = "--refresh",
            description = "Read the whole history again and rewrite imported days whose chosen revision changed "
                    + "(files edited after import are still kept).")
    boolean refresh;

    @Override
    public Integer call() {
        ZoneId zone;
        LocalDate first;
        try {
            zone = ZoneId.of(timezone);
            first = since == null ? null : LocalDate.parse(since);
        } catch (DateTimeException e) {
            System.err.println("paperbake: " + e.getMessage());
            return Diagnostics.FAILED;
        }
        long start = System.nanoTime();
        ImportReport report;
        try {
            report = new Importer(new ContentReader()).run(new Importer.Options(
                    repo, ref, files, channel.name, zone, content, first, refresh));
        } catch (HistoryException | IOException e) {
            System.err.println("paperbake: " + e.getMessage());
            return Diagnostics.FAILED;
        }
        Diagnostics.print(report.notes(), System.err);
        System.out.println(report.summary() + String.format(Locale.ROOT, " in %.1f s", (System.nanoTime() - start) / 1e9));
        return Diagnostics.OK;
    }
}
