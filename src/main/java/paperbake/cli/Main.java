package paperbake.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        /*
         * The site and every message must not depend on the user's locale or encoding. Paperbake's
         * own code passes Locale.ROOT and UTF-8 explicitly, but libraries inside a bake read the
         * JVM's defaults: Freemarker formats numbers by the default locale, and under ar-EG jffi
         * (loaded by JBake's OrientDB store, which the bake no longer starts) formatted its native
         * library's file name with Arabic-Indic digits and failed to load it. So the process runs
         * in the root locale, and prints UTF-8 whatever file.encoding the terminal or CI gave it
         * (file names and digest text in diagnostics are often Chinese).
         */
        Locale.setDefault(Locale.ROOT);
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        int status = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd)), true, StandardCharsets.UTF_8);
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
