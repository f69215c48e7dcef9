package paperbake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import paperbake.Bake;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {
            "Builds the site: one page per digest, one per distinct arXiv paper, browsing by date and channel.",
            "The site is written to a hidden folder beside the output and swapped in only when complete.",
            "Exit status: 0 built, 1 built but --strict and the input has warnings, 2 nothing written."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    ContentOptions input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "Where the site goes; replaced as a whole (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "/",
            description = "Where the site will be served, e.g. https://me.github.io/archive/ or /archive/; "
                    + "every internal link starts with its path (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--theme", paramLabel = "DIR", defaultValue = ".",
            description = "A JBake project folder with templates/ and assets/ (and optional jbake.properties); "
                    + "without templates/ there, the bundled theme is used (default: ${DEFAULT-VALUE}).")
    Path theme;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Paperbake",
            description = "The site's name, shown in every page header (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input.content)) {
            System.err.println("paperbake: content folder not found: " + input.content.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        Bake bake = new Bake(input.reader(Clock.systemUTC()), new JBakeOven());
        BuildReport report = bake.build(new Bake.Options(input.content, output, baseUrl, theme, title));
        Diagnostics.print(report.diagnostics(), System.err);
        report.renderErrors().forEach(e -> System.err.println("paperbake: render error: " + e.getMessage()));
        System.out.println(report.summary());
        if (!report.written()) {
            System.err.println("paperbake: nothing was written; the previous site at " + output + " is unchanged");
            return Diagnostics.FAILED;
        }
        System.out.println("  site: " + output.toAbsolutePath().normalize());
        return Diagnostics.exitStatus(report.diagnostics(), input.strict);
    }
}
