package paperbake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paperbake.report.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar paperbake.jar <command>}; a {@code paperbake.yml} in the working folder gives option defaults. */
@Command(name = "paperbake",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Bakes a folder of arXiv digest Markdown into a static, searchable website.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, ImportCommand.class,
                InitCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Path settings = Path.of(ConfigDefaults.FILE_NAME);
        if (Files.isRegularFile(settings)) {
            // Set on the root, picocli hands the provider to every subcommand.
            List<Diagnostic> problems = new ArrayList<>();
            ConfigDefaults defaults = ConfigDefaults.load(settings, problems);
            problems.addAll(defaults.unknown(cli));
            Diagnostics.print(problems, System.err);
            cli.setDefaultValueProvider(defaults);
        }
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paperbake " + (v == null ? "(development build)" : v)};
        }
    }
}
